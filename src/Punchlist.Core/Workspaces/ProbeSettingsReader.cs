using Punchlist.Evidence;
using Punchlist.Evidence.Probes;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Workspaces;

/// <summary>
/// Reads `probes:` in punchlist.yml — `off: [docker.pinned-base-image]` and
/// `items: {"TODO.md#P0-001": [docker.non-root]}` — naming only probes the catalogue has, so a typo
/// is an error at its line rather than a probe silently never run.
/// </summary>
internal static class ProbeSettingsReader
{
    public static ProbeSettings Read(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw ConfigLoader.Error(node.Start, "expected a mapping such as `off: [docker.pinned-base-image]`");
        }

        var off = new HashSet<string>(StringComparer.Ordinal);
        var items = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            switch ((keyNode as YamlScalarNode)?.Value)
            {
                case "off":
                    off.UnionWith(Ids(value));
                    break;
                case "items":
                    if (value is not YamlMappingNode entries)
                    {
                        throw ConfigLoader.Error(value.Start, "expected a mapping of item addresses to probe IDs");
                    }

                    foreach (var (item, probes) in entries.Children)
                    {
                        string address = (item as YamlScalarNode)?.Value is { Length: > 0 } a ? a : throw ConfigLoader.Error(item.Start, "expected an item address (DOCUMENT#KEY or KEY)");
                        items[address] = Ids(probes);
                        lines[address] = (int)item.Start.Line;
                    }

                    break;
                default:
                    throw ConfigLoader.Error(keyNode.Start, $"unknown probes setting '{(keyNode as YamlScalarNode)?.Value}' (known: off, items)");
            }
        }

        return new ProbeSettings { Off = off, Items = items, Lines = lines };
    }

    private static List<string> Ids(YamlNode node)
    {
        var scalars = node switch
        {
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode list => list.Children.Select(c => c as YamlScalarNode ?? throw ConfigLoader.Error(c.Start, "expected a probe ID")).ToList(),
            _ => throw ConfigLoader.Error(node.Start, "expected a probe ID or a list of them"),
        };
        foreach (var scalar in scalars)
        {
            if (scalar.Value is not { } id || (id != "none" && ProbeCatalogue.Find(id) is null))
            {
                throw ConfigLoader.Error(scalar.Start, $"no probe '{scalar.Value}' (see `punch verify --probes`)");
            }
        }

        return scalars.Select(s => s.Value!).Where(id => id != "none").ToList();
    }
}
