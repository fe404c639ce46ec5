using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Sources;

internal static partial class Yaml
{
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
        if (TooDeep(text))
        {
            return new YamlLoad([], Mark.Empty, $"its mappings and lists nest more than {MaxDepth} deep");
        }

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
}

/// <summary>A YAML text loaded: its documents, or why it could not be used and where (<see cref="Mark.Empty"/> when the parser said nowhere).</summary>
internal sealed record YamlLoad(IReadOnlyList<YamlDocument> Documents, Mark At, string? Problem);
