using Punchlist.Analysis.Policies;
using Punchlist.Editing.Sync;
using Punchlist.Reading;
using Punchlist.Tests.Support;
using Punchlist.Text;

namespace Punchlist.Tests.Editing;

/// <summary>
/// Runs every case of Editing/Specs/*.md: the `markdown` input is synced with the `options` named
/// (`statuses`, `encoding`, `touch`, `no-cookies`); `expect synced` is the text afterwards and
/// `expect changes` the changes made. Every case also checks that a second sync changes nothing.
/// </summary>
public sealed class SyncSpecTests
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly string SpecFolder = Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Editing", "Specs");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(SpecFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => SpecFile.Load(f).Cases.Select(c => new object[] { Path.GetFileName(f), c.Name }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec_case_syncs_as_expected(string file, string name)
    {
        var spec = SpecFile.Load(Path.Combine(SpecFolder, file));
        var @case = spec.Cases.Single(c => c.Name == name);
        Assert.NotEmpty(@case.Expectations);
        var words = (@case.Options ?? string.Empty).Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var options = new SyncOptions { Statuses = words.Contains("statuses"), Encoding = words.Contains("encoding"), Touch = words.Contains("touch"), Cookies = !words.Contains("no-cookies") };

        var result = Sync(SourceText.FromString(@case.Input), options);
        bool matched = spec.Expect(@case, expectation => expectation.What switch
        {
            "synced" => Visible(result.Final.Text),
            "changes" => string.Concat(result.Changes.Select(c => $"{c.Kind.ToString().ToLowerInvariant()} {c.Position} '{c.Old}' -> '{c.New}'\n")),
            _ => throw new InvalidOperationException($"unknown expectation '{expectation.What}'"),
        });
        if (!matched)
        {
            return; // rewritten with the actual output
        }

        var again = Sync(result.Final, options);
        Assert.False(again.Changed, $"a second sync changed it again:\n{again.Diff()}");
    }

    internal static SyncResult Sync(SourceText source, SyncOptions options, IReadOnlyList<ProposedEdit>? first = null, string path = "spec.md")
    {
        var reader = DocumentReader.Default;
        var document = reader.Read(path, source);
        var engine = new SyncEngine(reader, SyncFixers.Create(options), options.Touch ? new TouchFixer(Today, new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero)) : null);
        return engine.Run(document, new SyncScope([document], Path.GetTempPath(), Today, CheckPolicy.Default, NoHistory.Instance), first);
    }

    private static string Visible(string text) => text.Replace("\t", "⇥", StringComparison.Ordinal).Replace("\r", "␍", StringComparison.Ordinal);
}
