using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Sources;

/// <summary>
/// Reading YAML the way Compose, Kubernetes and CI files and punchlist.yml are written: loaded with a
/// bound on what aliases expand to (<see cref="Load"/>), keys looked up through `&lt;&lt;: *anchor`
/// merges, scalars as strings, 1-based lines.
/// </summary>
internal static partial class Yaml
{
    private const int MaxMergeDepth = 8;

    public static YamlNode? Get(YamlNode? node, string key) => Get(node, key, 0);

    private static YamlNode? Get(YamlNode? node, string key, int depth)
    {
        if (node is not YamlMappingNode map || depth > MaxMergeDepth)
        {
            return null;
        }

        YamlNode? merge = null;
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name })
            {
                if (string.Equals(name, key, StringComparison.Ordinal))
                {
                    return v;
                }

                if (name == "<<")
                {
                    merge = v;
                }
            }
        }

        // `<<: *defaults` or `<<: [*a, *b]`: keys written in the mapping win, then the merged ones in order.
        return merge switch
        {
            YamlMappingNode merged => Get(merged, key, depth + 1),
            YamlSequenceNode list => list.Children.Select(c => Get(c, key, depth + 1)).FirstOrDefault(v => v is not null),
            _ => null,
        };
    }

    public static YamlNode? Path(YamlNode? node, params string[] keys)
    {
        foreach (string key in keys)
        {
            node = Get(node, key);
        }

        return node;
    }

    public static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static bool Has(YamlNode? node, string key) => Get(node, key) is not null;

    public static bool IsTrue(YamlNode? node) => Scalar(node) is { } v && (string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || v == "yes");

    public static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode? node)
    {
        if (node is not YamlMappingNode map)
        {
            yield break;
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name != "<<")
            {
                yield return (name, v);
            }
        }
    }

    public static IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode s ? s.Children : [];

    /// <summary>A scalar or a list of scalars as strings (`script: make test` and `script: [a, b]` alike).</summary>
    public static IEnumerable<(string Text, int Line)> Strings(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } v } scalar => [(v, Line(scalar))],
        YamlSequenceNode list => list.Children.SelectMany(Strings),
        _ => [],
    };

    /// <summary>Every scalar below <paramref name="node"/> with the key it sits under (null for list items), depth-capped.</summary>
    public static IEnumerable<(string? Key, string Text, int Line)> Scalars(YamlNode? node, string? key = null, int depth = 0)
    {
        if (depth > 64)
        {
            yield break;
        }

        switch (node)
        {
            case YamlScalarNode { Value: { } v } scalar:
                yield return (key, v, Line(scalar));
                break;
            case YamlSequenceNode list:
                foreach (var child in list.Children)
                {
                    foreach (var s in Scalars(child, key, depth + 1))
                    {
                        yield return s;
                    }
                }

                break;
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    foreach (var s in Scalars(v, (k as YamlScalarNode)?.Value, depth + 1))
                    {
                        yield return s;
                    }
                }

                break;
        }
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;
}
