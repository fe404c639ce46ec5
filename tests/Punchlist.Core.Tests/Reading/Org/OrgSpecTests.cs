using System.Globalization;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Editing;
using Punchlist.Editing.Sync;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Reading.Org;
using Punchlist.Tests.Support;
using Punchlist.Text;

namespace Punchlist.Tests.Reading.Org;

/// <summary>
/// Runs every case of Reading/Org/Specs/*.md: the `org` input is read as `spec.org`. Expectations are
/// the model dumps of the Markdown specs (`items`, `details`, `sections`, `meta`, `notes`, `boxes`,
/// `refs`), `cookies` (each statistics cookie and what Org counts for it), `findings` (the rules named
/// by the `rules` option, PL001 PL002 PL003 by default), `synced` and `changes` (a sync; option
/// `statuses` adds status fixes), and `ticked` (option `tick KEY [CRITERION]` or `reopen KEY
/// [CRITERION]`: the text after `punch done`/`punch reopen`, or the error it gives). Option `today`
/// sets the day (default 2026-11-21); `status PHRASE = STATE` extends the status vocabulary.
/// </summary>
public sealed class OrgSpecTests
{
    private const string Path = "spec.org";

    private static readonly string SpecFolder = System.IO.Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Reading", "Org", "Specs");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(SpecFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => SpecFile.Load(f).Cases.Select(c => new object[] { System.IO.Path.GetFileName(f), c.Name }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Org_spec_case_reads_as_expected(string file, string name)
    {
        var spec = SpecFile.Load(System.IO.Path.Combine(SpecFolder, file));
        var @case = spec.Cases.Single(c => c.Name == name);
        Assert.NotEmpty(@case.Expectations);
        var options = new CaseOptions(@case.Options);
        var reader = new DocumentReader(options.Reader.Build());
        var document = reader.Read(Path, SourceText.FromString(@case.Input));
        Assert.Equal(DocumentFormat.Org, document.Format);

        spec.Expect(@case, expectation => expectation.What switch
        {
            "cookies" => Cookies(document),
            "findings" => FindingDump.Dump([document], new FindingEngine(options.Rules).Check([document], System.IO.Path.GetTempPath(), options.Today, CheckPolicy.Default, NoHistory.Instance)),
            "synced" => Sync(reader, document, options).Final.Text,
            "changes" => string.Concat(Sync(reader, document, options).Changes.Select(c => $"{c.Kind.ToString().ToLowerInvariant()} {c.Position} '{c.Old}' -> '{c.New}'\n")),
            "ticked" => Tick(document, options),
            _ => ModelDump.Dump(document, expectation.What),
        });
    }

    internal static SyncResult Sync(DocumentReader reader, TrackerDocument document, CaseOptions options)
    {
        var sync = new SyncOptions { Statuses = options.Statuses };
        var engine = new SyncEngine(reader, SyncFixers.Create(sync), null);
        var scope = new SyncScope([document], System.IO.Path.GetTempPath(), options.Today, CheckPolicy.Default, NoHistory.Instance);
        var result = engine.Run(document, scope);
        var again = engine.Run(reader.Read(Path, result.Final), scope);
        Assert.False(again.Changed, $"a second sync changed it again:\n{again.Diff()}");
        return result;
    }

    private static string Cookies(TrackerDocument document) =>
        string.Concat(OrgCookies.Of(document).Select(c => $"cookie @{document.PositionOf(c.Span.Start)} {document.Source.Slice(c.Span)} counts {c.Done}/{c.Total} {c.Basis} of '{c.Of}': {c.Truth(document.Source.Slice(c.Span))}\n"));

    private static string Tick(TrackerDocument document, CaseOptions options)
    {
        var (key, criterion, done) = options.Tick ?? throw new InvalidOperationException("a `ticked` expectation needs a `tick` or `reopen` option");
        try
        {
            var edit = Ticking.Edit(document, document.Items.Single(i => i.Key == key), criterion, done);
            return edit is null ? "(no change)\n" : Splice.Apply(document.Source, [edit.Edit]).Text;
        }
        catch (PunchlistException e)
        {
            return $"error: {e.Message}\n";
        }
    }

    internal sealed class CaseOptions
    {
        public CaseOptions(string? text)
        {
            foreach (string line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                switch (parts[0])
                {
                    case "today":
                        Today = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case "rules":
                        Rules = parts.Skip(1).Select(code => FindingRules.Find(code) ?? throw new ArgumentException($"no rule {code}")).ToList();
                        break;
                    case "statuses":
                        Statuses = true;
                        break;
                    case "status":
                        var phrase = line["status ".Length..].Split('=', 2);
                        ItemStates.TryParse(phrase[1].Trim(), out var state);
                        Reader.AddStatus(phrase[0].Trim(), state);
                        break;
                    case "tick" or "reopen":
                        Tick = (parts[1], parts.Length > 2 ? string.Join(' ', parts.Skip(2)) : null, parts[0] == "tick");
                        break;
                    default:
                        throw new ArgumentException($"unknown spec option '{line}'");
                }
            }
        }

        public DateOnly Today { get; } = new(2026, 11, 21);

        public IReadOnlyList<IFindingRule> Rules { get; } = new[] { "PL001", "PL002", "PL003" }.Select(c => FindingRules.Find(c)!).ToList();

        public bool Statuses { get; }

        public ReaderOptionsBuilder Reader { get; } = new();

        public (string Key, string? Criterion, bool Done)? Tick { get; }
    }
}
