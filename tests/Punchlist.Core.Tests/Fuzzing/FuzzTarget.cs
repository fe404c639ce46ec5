using System.Text;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Evidence;
using Punchlist.Evidence.Probes;
using Punchlist.Evidence.Sources;
using Punchlist.Reading;
using Punchlist.Search;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Fuzzing;

/// <summary>
/// One thing the fuzzer feeds: what it reads, the inputs it starts from, the words worth inserting,
/// and what counts as failure. A target fails only by throwing something its contract does not
/// allow (a one-line <see cref="PunchlistException"/> is an answer, not a failure) or by taking longer
/// than <see cref="Hang"/> on one input.
/// </summary>
public sealed class FuzzTarget
{
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    private FuzzTarget(string name, Func<IReadOnlyList<byte[]>> seeds, string[] tokens, Action<byte[]> run)
    {
        Name = name;
        Seeds = new Lazy<IReadOnlyList<byte[]>>(seeds);
        Tokens = [.. tokens.Select(Encoding.UTF8.GetBytes)];
        Run = run;
    }

    public string Name { get; }

    public Lazy<IReadOnlyList<byte[]>> Seeds { get; }

    public IReadOnlyList<byte[]> Tokens { get; }

    public Action<byte[]> Run { get; }

    /// <summary>The committed inputs for this target: its starting corpus and every failure found so far.</summary>
    public static string Folder(string target, string kind) => Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Fuzzing", kind, target);

    public static readonly FuzzTarget[] All = [Reader(), Queries(), Config(), ProbeYaml()];

    public static FuzzTarget Named(string name) => All.Single(t => t.Name == name);

    public override string ToString() => Name;

    // The reader, then every rule over what it read: the reader never throws, and a rule that throws
    // on some document would crash `punch check`.
    private static FuzzTarget Reader() => new("reader",
        () => [.. Committed("reader"), .. Files(Path.Combine(Repo.Root, "samples"), "*.md"), .. (Repo.HasShared ? Files(Path.Combine(Repo.Shared, "corpus"), "*.md").Take(60) : [])],
        ["- [ ] ", "- [x] ", "\n", "> ", "  ", "## P0-001: ", "**Status:** Done\n", "| a | b |\n|---|---|\n", "```\n", "[/]", "[1/2]", "<!-- punch: probe=x -->", "0/3 tasks (0%)", "\uFFFD", "\u00C3\u00A9", "- - - ", "1. ", "---\ntitle: x\n---\n"],
        bytes =>
        {
            var document = DocumentReader.Default.Read("fuzz.md", bytes);
            string root = Scratch.Value!;
            _ = new FindingEngine(FindingRules.Default).Check([document], root, new DateOnly(2026, 11, 21), CheckPolicy.Default, NoHistory.Instance, new WorkspaceEvidence(root));
        });

    // The query parser: every text is a query or a one-line error with its column.
    private static FuzzTarget Queries() => new("query",
        () => [.. Committed("query")],
        ["(", ")", "-", " OR ", "\"", "doc:", "is:open", "priority:p0..p1", "due:<today", "effort:>2h", "sort:due", "[", "]", "*", "tech:docker", "owner:none", "has:files"],
        bytes =>
        {
            try
            {
                var query = Query.Parse(Encoding.UTF8.GetString(bytes), new QueryContext(new DateOnly(2026, 11, 21)));
                _ = SearchPlan.Of(query);
                foreach (var doc in Filters(query.Root).OfType<DocFilter>())
                {
                    _ = doc.Matches("docs/plans/launch.md");
                }
            }
            catch (PunchlistException e) when (!e.Message.Contains('\n', StringComparison.Ordinal))
            {
                // a malformed query: the answer it should get
            }
        });

    // punchlist.yml: settings, or one line that says what is wrong and where.
    private static FuzzTarget Config() => new("config",
        () => [.. Committed("config"), .. Files(Path.Combine(Repo.Root, "samples"), "punchlist.yml"), .. Files(Path.Combine(Repo.Root, "tests", "fixtures"), "punchlist.yml")],
        [": ", "\n  ", "- ", "[", "]", "{", "}", "&a ", "*a", "<<: ", "include: ", "exclude: ", "markers: ", "statuses: ", "rules: ", "sla: ", "probes: ", "\"", "'", "!", "?", "#"],
        bytes =>
        {
            try
            {
                var config = ConfigLoader.Parse(Encoding.UTF8.GetString(bytes));
                _ = config.Include.Concat(config.Exclude).Select(g => Globs.Parse(g)).ToList();
            }
            catch (PunchlistException e) when (!e.Message.Contains('\n', StringComparison.Ordinal))
            {
                // a malformed file: the answer it should get
            }
        });

    // The YAML probes read (Compose, CI, Kubernetes, Helm): loaded, then every probe run over it.
    private static FuzzTarget ProbeYaml() => new("yaml",
        () => [.. Committed("yaml"), .. Files(Path.Combine(Repo.Root, "samples"), "*.yml"), .. Files(Path.Combine(Repo.Root, "tests", "fixtures"), "*.y*ml")],
        [": ", "\n  ", "- ", "[", "]", "{", "}", "&a ", "*a", "<<: *a", "services:\n", "healthcheck:\n", "test: ", "kind: Deployment\n", "jobs:\n", "steps:\n", "run: ", "{{ .Values.x }}", "---\n", "!!binary ", "? "],
        bytes =>
        {
            string text = Encoding.UTF8.GetString(bytes);
            _ = Yaml.Load(text);
            string root = Scratch.Value!;
            foreach (string name in new[] { "docker-compose.yml", ".github/workflows/ci.yml", "k8s/deployment.yaml", "charts/app/templates/deployment.yaml", "charts/app/Chart.yaml" })
            {
                string path = System.IO.Path.Combine(root, name);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }

            var context = new ProbeContext(root);
            foreach (var probe in ProbeCatalogue.All)
            {
                _ = probe.Run(context);
            }
        });

    private static IEnumerable<QueryNode> Filters(QueryNode? node) => node switch
    {
        null => [],
        AllOf all => all.Parts.SelectMany(Filters),
        AnyOf any => any.Parts.SelectMany(Filters),
        Not not => Filters(not.Part),
        _ => [node],
    };

    private static IEnumerable<byte[]> Committed(string target) =>
        new[] { Folder(target, "Corpus"), Folder(target, "Crashes") }.Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d).Order(StringComparer.Ordinal)).Select(File.ReadAllBytes);

    private static IEnumerable<byte[]> Files(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes) : [];

    // A folder per thread (the fuzzer runs several), reused for every input: the reader's evidence
    // walks it (empty), the YAML target writes its files into it. Removed when the process ends.
    private static readonly ThreadLocal<string> Scratch = new(() =>
    {
        string path = Directory.CreateTempSubdirectory("punch-fuzz-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // the OS cleans temp
            }
        };
        return path;
    });
}
