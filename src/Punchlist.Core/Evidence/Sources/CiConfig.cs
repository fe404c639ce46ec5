using Punchlist.Evidence.Probes;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Sources;

/// <summary>One thing a CI pipeline does: an action it uses, a script it runs; at its file and line.</summary>
internal sealed record CiStep(string File, int Line, string? Uses, string? Run)
{
    public string Text => $"{Uses} {Run}";

    /// <summary>The commands of the package scripts the step runs (`bun run lint` → `biome lint .`), one a line; null for none.</summary>
    public string? Scripts { get; init; }

    /// <summary>What the step runs: its own text and the package scripts it invokes.</summary>
    public string? Command => Scripts is null ? Run : $"{Run}\n{Scripts}";

    public Citation Cite() => new(File, Line, Uses ?? FirstLine(Run));

    private static string? FirstLine(string? run) => run?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}

internal sealed record CiFile(string Path, string System, YamlNode? Root, IReadOnlyList<CiStep> Steps);

/// <summary>
/// The workspace's CI: GitHub Actions workflows (jobs, steps, reusable workflows), GitLab CI jobs
/// and includes, the scripts of other YAML pipelines (CircleCI, Azure, Bitbucket, Travis, Drone) and
/// Jenkinsfiles line by line.
/// </summary>
internal sealed class CiConfig
{
    private static readonly HashSet<string> ScriptKeys = new(StringComparer.Ordinal)
    {
        "run", "script", "before_script", "after_script", "command", "commands", "bash", "sh", "pwsh", "powershell", "uses", "image", "orb", "task", "steps",
    };

    private static readonly string[] OtherYaml = [".circleci/config.yml", ".circleci/config.yaml", "azure-pipelines.yml", "azure-pipelines.yaml", "bitbucket-pipelines.yml", ".travis.yml", ".drone.yml", ".woodpecker.yml"];

    public required IReadOnlyList<CiFile> Files { get; init; }

    public IEnumerable<CiStep> Steps => Files.SelectMany(f => f.Steps);

    public IEnumerable<CiFile> Workflows => Files.Where(f => f.System == "github");

    public static CiConfig Load(ProbeContext context)
    {
        var files = new List<CiFile>();
        foreach (string path in context.Index.Files.Where(IsGitHubWorkflow))
        {
            var docs = context.Yaml(path);
            files.Add(new CiFile(path, "github", docs.FirstOrDefault()?.RootNode, docs.Count == 0 ? [] : GitHubSteps(path, docs[0].RootNode).ToList()));
        }

        foreach (string path in context.Index.Files.Where(f => f is ".gitlab-ci.yml" or ".gitlab-ci.yaml" || OtherYaml.Contains(f, StringComparer.Ordinal)))
        {
            var root = context.Yaml(path).FirstOrDefault()?.RootNode;
            var steps = path.StartsWith(".gitlab-ci", StringComparison.Ordinal) ? GitLabSteps(path, root) : ScriptSteps(path, root);
            files.Add(new CiFile(path, path.StartsWith(".gitlab-ci", StringComparison.Ordinal) ? "gitlab" : "other", root, steps.ToList()));
        }

        foreach (string path in context.Index.Named(n => n.StartsWith("Jenkinsfile", StringComparison.Ordinal)))
        {
            var lines = (context.ReadText(path) ?? string.Empty).Split('\n');
            files.Add(new CiFile(path, "jenkins", null, lines.Select((l, i) => new CiStep(path, i + 1, null, l.Trim())).Where(s => s.Run!.Length > 0).ToList()));
        }

        // Each step with the package scripts it runs (package.json at the root).
        var scripts = PackageScripts.Read(context.ReadText("package.json"));
        return new CiConfig { Files = [.. files.Select(f => f with { Steps = [.. f.Steps.Select(s => s with { Scripts = scripts.Expand(s.Run) })] })] };
    }

    public static bool IsGitHubWorkflow(string path) =>
        path.StartsWith(".github/workflows/", StringComparison.Ordinal) && path.IndexOf('/', 18) < 0
        && (path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal));

    private static IEnumerable<CiStep> GitHubSteps(string path, YamlNode root)
    {
        foreach (var (_, job) in Yaml.Entries(Yaml.Get(root, "jobs")))
        {
            if (Yaml.Scalar(Yaml.Get(job, "uses")) is { } reusable)
            {
                yield return new CiStep(path, Yaml.Line(job), reusable, null);
            }

            foreach (var step in Yaml.Items(Yaml.Get(job, "steps")))
            {
                string? with = string.Join(' ', Yaml.Scalars(Yaml.Get(step, "with")).Select(s => $"{s.Key}={s.Text}"));
                string? run = Yaml.Scalar(Yaml.Get(step, "run"));
                yield return new CiStep(path, Yaml.Line(step), Yaml.Scalar(Yaml.Get(step, "uses")), with.Length > 0 ? $"{run} {with}".Trim() : run);
            }
        }
    }

    private static IEnumerable<CiStep> GitLabSteps(string path, YamlNode? root)
    {
        foreach (var (key, value) in Yaml.Entries(root))
        {
            if (key == "include")
            {
                foreach (var (text, line) in Yaml.Scalars(value).Select(s => (s.Text, s.Line)))
                {
                    yield return new CiStep(path, line, text, null);
                }

                continue;
            }

            foreach (string scriptKey in new[] { "before_script", "script", "after_script" })
            {
                foreach (var (text, line) in Yaml.Strings(Yaml.Get(value, scriptKey)))
                {
                    yield return new CiStep(path, line, null, text);
                }
            }

            if (Yaml.Get(value, "image") is { } image && Yaml.Scalar(image) is { } name)
            {
                yield return new CiStep(path, Yaml.Line(image), name, null);
            }
        }
    }

    private static IEnumerable<CiStep> ScriptSteps(string path, YamlNode? root) =>
        Yaml.Scalars(root).Where(s => s.Key is null || ScriptKeys.Contains(s.Key)).Select(s => new CiStep(path, s.Line, null, s.Text));
}
