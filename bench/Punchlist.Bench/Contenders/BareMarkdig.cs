using Markdig;

namespace Punchlist.Bench.Contenders;

/// <summary>
/// The floor a Markdig-based reader is measured against: enumerate every Markdown file, read it and
/// parse it with the advanced extensions and precise source locations, on all cores, and keep nothing.
/// </summary>
internal sealed class BareMarkdig : IContender
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UsePreciseSourceLocation()
        .Build();

    public string Name => "bare Markdig parse";

    public bool InProcess => true;

    public Outcome Run(string tree) =>
        TreeFiles.Markdown(tree).AsParallel().Sum(path => (long)Markdown.Parse(File.ReadAllText(path), Pipeline).Count);
}
