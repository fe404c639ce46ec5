using System.Collections.Concurrent;
using Punchlist.Evidence.Files;
using Punchlist.Evidence.Sources;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Probes;

/// <summary>
/// The workspace as probes see it: its files, their text, and the Dockerfiles, Compose files, CI
/// pipelines, Kubernetes objects and Helm charts in it, each read once and shared by every probe.
/// Files past <see cref="MaxFileBytes"/> or that do not parse are passed over, never fatal.
/// </summary>
public sealed class ProbeContext
{
    public const int MaxFileBytes = 1 << 20;
    private const int MaxYamlFiles = 5_000;

    private readonly Lazy<RepositoryIndex> _index;
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RepositoryStamp> _read = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<YamlDocument>> _yaml = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<Dockerfile>> _dockerfiles;
    private readonly Lazy<IReadOnlyList<ComposeFile>> _compose;
    private readonly Lazy<CiConfig> _ci;
    private readonly Lazy<IReadOnlyList<string>> _charts;
    private readonly Lazy<IReadOnlyList<KubeObject>> _kube;

    public ProbeContext(string root)
        : this(root, RepositoryIndex.MaxFiles)
    {
    }

    internal ProbeContext(string root, int maxFiles)
    {
        Root = root;
        _index = new(() => RepositoryIndex.Build(root, maxFiles));
        _dockerfiles = new(() => Index.Named(Dockerfile.IsDockerfileName).Select(p => Dockerfile.Parse(p, ReadText(p) ?? string.Empty)).Where(d => d.Stages.Count > 0).ToList());
        _compose = new(() => Index.Named(ComposeFile.IsComposeName).Select(p => ComposeFile.From(p, Yaml(p))).OfType<ComposeFile>().ToList());
        _ci = new(() => CiConfig.Load(this));
        _charts = new(() => Index.Named(n => n == "Chart.yaml" || n == "Chart.yml").ToList());
        _kube = new(LoadKube);
    }

    public string Root { get; }

    internal RepositoryIndex Index => _index.Value;

    /// <summary>The index if something has looked at the repository yet, else null (asking does not walk it).</summary>
    internal RepositoryIndex? IndexIfBuilt => _index.IsValueCreated ? _index.Value : null;

    internal IReadOnlyList<Dockerfile> Dockerfiles => _dockerfiles.Value;

    internal IReadOnlyList<ComposeFile> ComposeFiles => _compose.Value;

    internal IEnumerable<ComposeService> ComposeServices => ComposeFiles.SelectMany(f => f.Services);

    internal CiConfig Ci => _ci.Value;

    /// <summary>Paths of `Chart.yaml` files: one Helm chart each, in the folder holding it.</summary>
    internal IReadOnlyList<string> Charts => _charts.Value;

    internal IReadOnlyList<KubeObject> Kube => _kube.Value;

    /// <summary>A file's text, or null when it is missing, unreadable, too large or not a regular file (a pipe, a device).</summary>
    public string? ReadText(string relative) => _texts.GetOrAdd(relative, path =>
    {
        try
        {
            var info = new FileInfo(Index.FullPath(path));
            _read[path] = RepositoryStamp.Of(info, path);
            return info.Exists ? Workspaces.FileBytes.ReadText(info.FullName, MaxFileBytes) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });

    /// <summary>The YAML documents of a file (a Helm template made readable first); empty when it does not parse or its aliases expand past the bound.</summary>
    internal IReadOnlyList<YamlDocument> Yaml(string relative) => _yaml.GetOrAdd(relative, path =>
    {
        string? text = ReadText(path);
        if (text is null)
        {
            return [];
        }

        if (HelmTemplate.IsTemplate(text))
        {
            text = HelmTemplate.Clean(text);
        }

        return Sources.Yaml.Load(text).Documents;
    });

    /// <summary>The folders walked and files read so far (see <see cref="RepositoryStamp"/>); empty before the first look.</summary>
    public IReadOnlyList<RepositoryStamp> Stamps() =>
        _index.IsValueCreated ? [.. _index.Value.Stamps, .. _read.Values.OrderBy(s => s.Path, StringComparer.Ordinal)] : [.. _read.Values];

    internal static bool IsYaml(string path) => path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    private List<KubeObject> LoadKube()
    {
        var candidates = Index.Files.Where(f => IsYaml(f)
            && !ComposeFile.IsComposeName(RepositoryIndex.FileName(f))
            && !f.StartsWith(".github/", StringComparison.Ordinal)
            && !RepositoryIndex.FileName(f).StartsWith("values", StringComparison.Ordinal)
            && RepositoryIndex.FileName(f) is not ("Chart.yaml" or ".gitlab-ci.yml" or ".pre-commit-config.yaml"))
            .Take(MaxYamlFiles);
        var templates = Charts.Select(c => RepositoryIndex.Folder(c) is { Length: > 0 } dir ? dir + "/templates/" : "templates/").ToList();
        return candidates
            .SelectMany(f => KubeObject.From(f, Yaml(f), templates.Exists(t => f.StartsWith(t, StringComparison.Ordinal))))
            .ToList();
    }
}
