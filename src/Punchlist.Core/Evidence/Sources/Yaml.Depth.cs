using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Punchlist.Evidence.Sources;

internal static partial class Yaml
{
    /// <summary>How deep mappings and lists may nest: real configuration and front matter stay under ten.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Whether collections nest deeper than <see cref="MaxDepth"/>, block or flow. YamlDotNet builds its
    /// node tree by recursion, one frame per level, so a few kilobytes of `{a: {a: …` or of ever deeper
    /// indentation overflow the stack and end the process, which no catch can stop (the fuzzer found
    /// it). Its parser is a state machine: its events are read here first, without recursion, and the
    /// tree is built only when the depth is bounded. A text the parser refuses is left to the load,
    /// which says why and where.
    /// </summary>
    public static bool TooDeep(string text)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            return true;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return false;
        }

        return false;
    }
}
