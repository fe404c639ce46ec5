using Punchlist.Model;
using Punchlist.Reading.Legend;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Marks;

/// <summary>
/// The state a section heading declares for everything under it, written at its end: `Phase 0:
/// Foundation Hardening ✅ COMPLETED`, `Owner PWA - ✅ 100% COMPLETE`, `FINAL STATUS: 100% COMPLETE ✅`,
/// `Documentation Updates ✅`, `Phase 3 — DONE`, `Phase 17 ⏸️ DEFERRED`. A state emoji that leads a
/// heading alone (`## ✅ Pre-Launch Checklist`) is its icon, and declares nothing.
/// </summary>
internal static class HeadingState
{
    public static DeclaredStatus? Of(string title, TextSpan titleSpan, string source, DocumentLegend legend)
    {
        // The last state marker, if the heading ends with it or with a status phrase after it.
        for (int i = title.Length - 1; i > 0; i--)
        {
            if (!StateMarkers.MayStart(title[i]) || legend.MarkerAt(title, i) is not { Definite: true } marker)
            {
                continue;
            }

            string after = Tail(title[(i + marker.Length)..]);
            var state = after.Length == 0 ? marker.State : legend.Statuses.Exact(after);
            if (state is null && !IsPercent(after))
            {
                return null;
            }

            return new DeclaredStatus(title[i..].Trim(), state ?? marker.State, Locate(title[i..].Trim(), titleSpan, source));
        }

        // No marker: a status phrase in capitals after the last separator (`Phase 3 — DONE`).
        int cut = LastSeparator(title);
        if (cut > 0)
        {
            string tail = Tail(title[cut..]);
            if (tail.Length > 0 && tail.Any(char.IsLetter) && tail.Where(char.IsLetter).All(char.IsUpper) && legend.Statuses.Exact(tail) is { } state)
            {
                return new DeclaredStatus(tail, state, Locate(tail, titleSpan, source));
            }
        }

        return null;
    }

    /// <summary>
    /// The heading states a verdict of its own: a state it declares, or a state marker followed by words in
    /// capitals (`✅ CONNECTED`, `⚠️ SEPARATE APP`, `❌ EMPTY`, `— ✅ APPROVED`).
    /// </summary>
    public static bool Verdict(string title, DocumentLegend legend)
    {
        if (Of(title, default, title, legend) is not null)
        {
            return true;
        }

        for (int i = 0; i < title.Length; i++)
        {
            if (StateMarkers.MayStart(title[i]) && legend.MarkerAt(title, i) is { } marker)
            {
                string after = Tail(title[(i + marker.Length)..]);
                var letters = after.Where(char.IsLetter).ToList();
                return letters.Count >= 3 && letters.All(char.IsUpper) && after.Length <= 24;
            }
        }

        return false;
    }

    private static readonly char[] TailNoise = ['*', '_', '!', '.', '(', ')', ' '];

    // `100% COMPLETE` → `COMPLETE`; trailing punctuation and emphasis dropped.
    private static string Tail(string text)
    {
        string tail = text.Trim().Trim(TailNoise);
        int percent = tail.IndexOf('%', StringComparison.Ordinal);
        if (percent >= 0 && percent < 5 && tail[..percent].All(char.IsAsciiDigit))
        {
            tail = tail[(percent + 1)..].Trim();
        }

        return tail;
    }

    private static bool IsPercent(string text) => text.Length > 1 && text[^1] == '%' && text[..^1].All(char.IsAsciiDigit);

    private static int LastSeparator(string title)
    {
        int best = -1;
        foreach (string separator in (ReadOnlySpan<string>)[" - ", " — ", " – ", ": "])
        {
            int at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > best)
            {
                best = at + separator.Length;
            }
        }

        return best;
    }

    private static TextSpan Locate(string text, TextSpan titleSpan, string source)
    {
        int at = titleSpan.Length >= text.Length ? source.LastIndexOf(text, titleSpan.End - 1, titleSpan.Length, StringComparison.Ordinal) : -1;
        return at >= 0 ? new TextSpan(at, text.Length) : titleSpan;
    }
}
