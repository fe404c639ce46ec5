using System.Runtime.CompilerServices;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Evidence;

/// <summary>
/// A document's verbatim spans (code and HTML blocks), sorted once per document, so that asking which
/// lie in an item, or whether an offset is in one, costs a binary search: per item, a scan of every
/// block was the product of items and blocks.
/// </summary>
internal static class VerbatimSpans
{
    private static readonly ConditionalWeakTable<TrackerDocument, TextSpan[]> Sorted = new();

    /// <summary>The verbatim spans that lie inside <paramref name="span"/>, in order.</summary>
    public static IEnumerable<TextSpan> Within(TrackerDocument document, TextSpan span)
    {
        var spans = Of(document);
        for (int i = FirstStartingAtOrAfter(spans, span.Start); i < spans.Length && spans[i].Start < span.End; i++)
        {
            if (span.Contains(spans[i]))
            {
                yield return spans[i];
            }
        }
    }

    /// <summary>The verbatim span holding <paramref name="offset"/> that <paramref name="where"/> accepts, or null.</summary>
    public static TextSpan? Holding(TrackerDocument document, int offset, Func<TextSpan, bool> where)
    {
        var spans = Of(document);
        // Spans do not nest (blocks), so only the last one starting at or before the offset can hold it.
        int i = FirstStartingAtOrAfter(spans, offset + 1) - 1;
        return i >= 0 && spans[i].Start <= offset && offset < spans[i].End && where(spans[i]) ? spans[i] : null;
    }

    private static TextSpan[] Of(TrackerDocument document) =>
        Sorted.GetValue(document, d => [.. d.Verbatim.OrderBy(v => v.Start)]);

    private static int FirstStartingAtOrAfter(TextSpan[] spans, int offset)
    {
        int lo = 0, hi = spans.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
