using System.Globalization;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Editing;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Tests.Support;
using Punchlist.Text;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Analysis;

/// <summary>
/// Runs every case of every rule spec in Analysis/Specs: `PL003-overdue.md` holds the cases of PL003,
/// run alone over the case's workspace. Options: `today YYYY-MM-DD` (default 2026-11-21), `config
/// …` (lines of punchlist.yml), `file PATH` (a file that exists in the workspace), `created KEY
/// YYYY-MM-DD` and `changed KEY YYYY-MM-DD` (what the git history says of an item: its first commit,
/// the last commit that changed it), `edited KEY` (the item differs from its last commit). Where a
/// rule proposes fixes, applying them must leave it nothing more to fix.
/// </summary>
public sealed class FindingSpecTests
{
    private static readonly string SpecFolder = Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Analysis", "Specs");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(SpecFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => SpecFile.Load(f).Cases.Select(c => new object[] { Path.GetFileName(f), c.Name }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_spec_case_finds_as_expected(string file, string name)
    {
        var spec = SpecFile.Load(Path.Combine(SpecFolder, file));
        var @case = spec.Cases.Single(c => c.Name == name);
        var expectation = Assert.Single(@case.Expectations);
        Assert.Equal("findings", expectation.What);
        var rule = FindingRules.Find(file[..5]) ?? throw new InvalidOperationException($"{file} names no rule of the catalogue");

        using var workspace = new SpecWorkspace(@case);
        var findings = workspace.Check(rule, @case.Input);
        string actual = FindingDump.Dump(workspace.Documents, findings);
        if (!spec.Expect(@case, _ => actual))
        {
            return; // rewritten with the actual output
        }

        var edits = findings.Where(f => f.Document == SpecWorkspace.Main).SelectMany(f => f.Fix).ToList();
        if (edits.Count > 0)
        {
            string fixedText = Apply(workspace.Documents[0].Source.Text, edits);
            var after = workspace.Check(rule, fixedText);
            Assert.DoesNotContain(after, f => f.Fix.Count > 0);
        }
    }

    internal static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ToList();
        for (int i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i - 1].Span.End <= ordered[i].Span.Start, $"fixes {ordered[i - 1].Span} and {ordered[i].Span} overlap");
        }

        return TextEdits.Apply(text, ordered);
    }

    /// <summary>A spec case as a workspace on disk: `spec.md`, the case's other documents and files, its punchlist.yml.</summary>
    private sealed class SpecWorkspace : IDisposable
    {
        public const string Main = "spec.md";
        private readonly string _root = Path.Combine(Path.GetTempPath(), "punchlist-spec-" + Guid.NewGuid().ToString("N"));
        private readonly SpecCase _case;
        private readonly DateOnly _today = new(2026, 11, 21);
        private readonly PunchlistConfig _config = PunchlistConfig.Empty;
        private readonly Dictionary<string, DateTime> _created = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTime> _changed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _edited = new(StringComparer.Ordinal);

        public SpecWorkspace(SpecCase @case)
        {
            _case = @case;
            Directory.CreateDirectory(_root);
            var yaml = new List<string>();
            foreach (string line in (@case.Options ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(' ', 3);
                switch (parts[0])
                {
                    case "today":
                        _today = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case "config":
                        yaml.Add(line["config ".Length..]);
                        break;
                    case "file":
                        string path = Path.Combine(_root, parts[1]);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        if (!parts[1].EndsWith('/'))
                        {
                            File.WriteAllText(path, string.Empty);
                        }

                        break;
                    case "created":
                        _created[parts[1]] = DateTime.ParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case "changed":
                        _changed[parts[1]] = DateTime.ParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case "edited":
                        _edited.Add(parts[1]);
                        break;
                    default:
                        throw new ArgumentException($"unknown spec option '{line}'");
                }
            }

            _config = ConfigLoader.Parse(string.Join('\n', yaml));
        }

        public List<TrackerDocument> Documents { get; private set; } = [];

        public List<Finding> Check(IFindingRule rule, string main)
        {
            var reader = new DocumentReader(_config.ToReaderOptions());
            Documents = [reader.Read(Main, SourceText.FromString(main))];
            Documents.AddRange(_case.Documents.Select(d => reader.Read(d.Key, SourceText.FromString(d.Value))));
            return new FindingEngine([rule]).Check(Documents, _root, _today, _config.Check, new Clock(_created, _changed, _edited));
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private sealed class Clock(Dictionary<string, DateTime> created, Dictionary<string, DateTime> changed, HashSet<string> edited) : ICreationClock
        {
            public DateTime? CreatedAt(TrackerDocument document, Item item) => created.TryGetValue(item.Key, out var when) ? when : null;

            public ItemPast? Past(TrackerDocument document, Item item)
            {
                if (!changed.TryGetValue(item.Key, out var last))
                {
                    return null;
                }

                var version = Punchlist.History.ItemVersion.Of(item);
                return new ItemPast(created.GetValueOrDefault(item.Key, last), last, edited.Contains(item.Key) ? version with { Title = "as committed" } : version);
            }
        }
    }
}
