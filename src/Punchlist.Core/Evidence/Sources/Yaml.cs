using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Sources;

/// <summary>
/// Reading YAML the way Compose, Kubernetes and CI files and punchlist.yml are written: loaded with a
/// bound on what aliases expand to (<see cref="Load"/>), keys looked up through `&lt;&lt;: *anchor`
/// merges, scalars as strings, 1-based lines.
/// </summary>
internal static class Yaml
{
    private const int MaxMergeDepth = 8;

    /// <summary>
    /// What a document may expand to through its aliases: at least this many nodes, or ten times the
    /// nodes written. YamlDotNet shares an anchored node among its aliases, so nine lists of nine
    /// aliases nine levels deep load in a few kilobytes — and every walk of them visits 9^9 nodes (the
    /// review's 459-byte Compose file kept `check` busy 6 min 40 s). Counting once per distinct node,
    /// with the counts of shared nodes kept, costs one pass over what was written.
    /// </summary>
    public const int MinExpandedNodes = 100_000;

    /// <summary>The documents of <paramref name="text"/>, or the reason and place it cannot be used.</summary>
    public static YamlLoad Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return new YamlLoad([], e.Start, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet reports some malformed input (an unclosed flow collection at the end of the
            // text, among others) with exceptions that are not YamlException and carry no position.
            return new YamlLoad([], Mark.Empty, e.Message);
        }

        foreach (var document in stream.Documents)
        {
            if (Expanded(document.RootNode) is { } too)
            {
                return new YamlLoad([], too.Start, $"its aliases expand to more than {Math.Max(MinExpandedNodes, 10 * Written(document.RootNode)):N0} nodes");
            }
        }

        return new YamlLoad([.. stream.Documents], Mark.Empty, null);
    }

    // The first alias whose expansion passes the bound (null when none does): sizes are counted per
    // distinct node, so the count is linear in what was written.
    private static YamlNode? Expanded(YamlNode root)
    {
        long limit = Math.Max(MinExpandedNodes, 10L * Written(root));
        var sizes = new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
        YamlNode? culprit = null;
        long Size(YamlNode node, int depth)
        {
            if (sizes.TryGetValue(node, out long known))
            {
                if (known < 0 || known > limit)
                {
                    culprit ??= node; // a node that holds itself, or one already too large
                }

                return known < 0 ? limit + 1 : known;
            }

            if (depth > 512)
            {
                culprit ??= node;
                return limit + 1;
            }

            sizes[node] = -1;
            long size = 1;
            IEnumerable<YamlNode> children = node switch
            {
                YamlSequenceNode list => list.Children,
                YamlMappingNode map => map.Children.SelectMany(p => new[] { p.Key, p.Value }),
                _ => [],
            };
            foreach (var child in children)
            {
                size = Math.Min(size + Size(child, depth + 1), limit + 1);
            }

            sizes[node] = size;
            return size;
        }

        return Size(root, 0) > limit ? culprit ?? root : null;
    }

    // The nodes as written: each distinct node once.
    private static long Written(YamlNode root)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            foreach (var child in node switch
            {
                YamlSequenceNode list => list.Children,
                YamlMappingNode map => map.Children.SelectMany(p => new[] { p.Key, p.Value }),
                _ => [],
            })
            {
                stack.Push(child);
            }
        }

        return seen.Count;
    }

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

/// <summary>A YAML text loaded: its documents, or why it could not be used and where (<see cref="Mark.Empty"/> when the parser said nowhere).</summary>
internal sealed record YamlLoad(IReadOnlyList<YamlDocument> Documents, Mark At, string? Problem);
