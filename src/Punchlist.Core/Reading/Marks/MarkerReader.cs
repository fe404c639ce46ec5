using Punchlist.Reading.Legend;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Marks;

/// <summary>
/// Finds state markers in a document's own text, as that document means them: through its legend, and
/// through its encoding damage (`âœ…` is a `✅` saved as Windows-1252 and reads as one), so repairing the
/// encoding never changes what the reader sees. The marker's length is its length in the source text.
/// </summary>
internal sealed class MarkerReader(DocumentLegend legend, EncodingReport encoding)
{
    public DocumentLegend Legend => legend;

    public StateMarker? At(string text, int at)
    {
        if (at >= text.Length)
        {
            return null;
        }

        char c = text[at];
        if (StateMarkers.MayStart(c))
        {
            return legend.MarkerAt(text, at);
        }

        if (c <= '\u007F' || encoding.CodePage is null || Damage(at) is not { Repaired: { } repaired } damage)
        {
            return null;
        }

        // The whole damaged run must be the marker (and its variation selector): `âœ…` for `✅`.
        return legend.MarkerAt(repaired, 0) is { } marker && marker.Length >= repaired.Length - 1
            ? marker with { Length = damage.Span.Length }
            : null;
    }

    // Damages are sorted by start: a binary search for the one starting here.
    private EncodingDamage? Damage(int at)
    {
        var damages = encoding.Damages;
        int low = 0, high = damages.Count - 1;
        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            int start = damages[mid].Span.Start;
            if (start == at)
            {
                return damages[mid];
            }

            if (start < at)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return null;
    }
}
