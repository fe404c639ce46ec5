using Punchlist.Model;

namespace Punchlist.Evidence.Matching;

/// <summary>
/// `&lt;!-- punch: probe=docker.non-root,compose.healthchecks --&gt;` inside an item names its probes;
/// `probe=none` says no probe stands for it. Comments in code blocks are text, not directives.
/// </summary>
internal static class ProbeDirectives
{
    public static IReadOnlyList<string>? Read(TrackerDocument document, Item item)
    {
        string text = document.Source.Text;
        int end = Math.Min(item.Span.End, text.Length);
        List<string>? named = null;
        // Every search stays inside the item: run to the end of the document, it cost a scan per item.
        for (int at = Find(text, "<!--", item.Span.Start, end); at >= 0; at = Find(text, "<!--", at + 4, end))
        {
            int close = Find(text, "-->", at + 4, end);
            if (close < 0 || InCode(document, at))
            {
                break;
            }

            string body = text[(at + 4)..close].Trim();
            if (!body.StartsWith("punch:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (string setting in body[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = setting.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && setting[..eq].Trim() is "probe" or "probes")
                {
                    named ??= [];
                    named.AddRange(setting[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Where(p => !string.Equals(p, "none", StringComparison.OrdinalIgnoreCase)));
                }
            }
        }

        return named;
    }

    private static int Find(string text, string what, int from, int end) =>
        from >= end ? -1 : text.IndexOf(what, from, end - from, StringComparison.Ordinal);

    // An HTML block is verbatim too, but a comment there is still a comment; a code block's is not.
    private static bool InCode(TrackerDocument document, int offset) =>
        VerbatimSpans.Holding(document, offset, v => !document.Source.Text.AsSpan(v.Start, v.Length).TrimStart().StartsWith("<")) is not null;
}
