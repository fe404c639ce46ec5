using Punchlist.Reading;

namespace Punchlist.Bench;

/// <summary>
/// The prefilter may let a non-tracker through, never stop a tracker: every file of a tree is read
/// both ways, and a file the prefilter skips that the reader finds items in is a bug.
/// </summary>
internal static class PrefilterCheck
{
    public sealed record Result(int Files, int Passed, int Trackers, IReadOnlyList<string> Missed);

    public static Result Run(string tree)
    {
        var outcomes = TreeFiles.Markdown(tree).AsParallel().Select(path =>
        {
            byte[] bytes = File.ReadAllBytes(path);
            bool passed = TrackerPrefilter.MayHoldItems(bytes);
            bool tracker = DocumentReader.Default.Read(path, bytes).IsTracker;
            return (Path: Path.GetRelativePath(tree, path), Passed: passed, Tracker: tracker);
        }).ToList();

        return new Result(
            outcomes.Count,
            outcomes.Count(o => o.Passed),
            outcomes.Count(o => o.Tracker),
            [.. outcomes.Where(o => o.Tracker && !o.Passed).Select(o => o.Path).Order(StringComparer.Ordinal)]);
    }
}
