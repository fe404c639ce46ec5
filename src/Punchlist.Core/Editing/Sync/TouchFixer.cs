using System.Globalization;
using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Editing.Sync;

/// <summary>
/// `--touch`: the document's own `Last Updated` dates (front matter and lines outside items) become
/// today, written the way each one is written (`2025-10-27`, `2025-10-27T03:00:00Z`, `December 28,
/// 2025`). A time of day is the current time when today is the real today, else midnight.
/// </summary>
public sealed partial class TouchFixer(DateOnly today, DateTimeOffset now)
{
    private static readonly string[] WordFormats = ["MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy"];

    public IEnumerable<ProposedEdit> Propose(TrackerDocument document)
    {
        foreach (var field in document.Metadata.Where(f => f.Kind == FieldKind.LastUpdated && f.HasValue))
        {
            if (Rewrite(document.Source.Slice(field.ValueSpan)) is { } found)
            {
                var span = new TextSpan(field.ValueSpan.Start + found.Offset, found.Old.Length);
                yield return new ProposedEdit(new TextEdit(span, found.New), ChangeKind.Touch, $"{field.Key} becomes {today:yyyy-MM-dd}");
            }
        }
    }

    private (int Offset, string Old, string New)? Rewrite(string value)
    {
        var iso = IsoDate().Match(value);
        if (iso.Success)
        {
            string date = $"{today.Year:D4}{iso.Groups["s"].Value}{Pad(today.Month, iso.Groups["m"].Value)}{iso.Groups["s"].Value}{Pad(today.Day, iso.Groups["d"].Value)}";
            return (iso.Index, iso.Value, date + (iso.Groups["time"].Success ? Time(iso) : string.Empty));
        }

        var words = WordDate().Match(value);
        if (words.Success)
        {
            foreach (string format in WordFormats)
            {
                if (DateOnly.TryParseExact(words.Value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return (words.Index, words.Value, today.ToString(format, CultureInfo.InvariantCulture));
                }
            }
        }

        return null;
    }

    private static string Pad(int value, string like) => value.ToString(like.Length == 2 ? "D2" : "D1", CultureInfo.InvariantCulture);

    private string Time(Match iso)
    {
        string zone = iso.Groups["zone"].Value;
        var at = zone.Length == 0 ? now.ToLocalTime() : zone == "Z" ? now.ToUniversalTime() : now.ToOffset(ParseOffset(zone));
        var time = DateOnly.FromDateTime(at.DateTime) == today ? TimeOnly.FromDateTime(at.DateTime) : TimeOnly.MinValue;
        string written = iso.Groups["seconds"].Success ? time.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return iso.Groups["t"].Value + written + zone;
    }

    private static TimeSpan ParseOffset(string zone)
    {
        int sign = zone[0] == '-' ? -1 : 1;
        string digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        return sign * new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
    }

    [GeneratedRegex(@"\b\d{4}(?<s>[-/])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?<time>(?<t>[T ])\d{1,2}:\d{2}(?<seconds>:\d{2})?(?:\.\d+)?(?<zone>Z|[+-]\d{2}:?\d{2})?)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordDate();
}
