using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Sources;

internal sealed record ComposeService(string File, string Name, YamlNode Node, int Line)
{
    public YamlNode? Get(string key) => Yaml.Get(Node, key);

    public Citation Cite(int? line = null) => new(File, line ?? Line, Name);
}

/// <summary>A Compose file (`docker-compose.yml`, `compose.yaml`, `docker-compose.prod.yml` …) with its services.</summary>
internal sealed record ComposeFile(string Path, YamlMappingNode Root, IReadOnlyList<ComposeService> Services)
{
    public static bool IsComposeName(string name)
    {
        string lower = name.ToLowerInvariant();
        return (lower.StartsWith("docker-compose", StringComparison.Ordinal) || lower.StartsWith("compose.", StringComparison.Ordinal) || lower == "compose.yml")
            && (lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal));
    }

    public static ComposeFile? From(string path, IReadOnlyList<YamlDocument> documents)
    {
        if (documents.Count == 0 || documents[0].RootNode is not YamlMappingNode root || Yaml.Get(root, "services") is not YamlMappingNode services)
        {
            return null;
        }

        var list = Yaml.Entries(services).Select(e => new ComposeService(path, e.Key, e.Value, Yaml.Line(e.Value))).ToList();
        return new ComposeFile(path, root, list);
    }
}
