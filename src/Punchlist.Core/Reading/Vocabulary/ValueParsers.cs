using System.Globalization;
using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Vocabulary;

/// <summary>Efforts, dates and owners as teams write them.</summary>
public static partial class ValueParsers
{
    private static readonly string[] NoOwner =
    [
        "", "tbd", "tba", "unassigned", "none", "nobody", "n a", "na", "to be determined", "unknown", "not assigned", "anyone",
    ];

    // What values are trimmed of, once: `Trim('*', '_')` allocates its array on every call.
    private static readonly char[] Emphasis = ['*', '_'];
    private static readonly char[] DateNoise = ['"', '\'', '*', '_', '`'];
    private static readonly char[] OwnerNoise = ['*', '_', '`', '[', ']', '"', '\''];
    private static readonly char[] NoteNoise = ['(', ')', '-', '–', ',', ';'];

    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy",
    ];

    /// <summary>`2 hours`, `0.5 days`, `2-3 days`, `4-6 weeks`, `(2h)`, `half-day`, `1:30` (Org's H:MM); hours when numeric.</summary>
    public static Effort ParseEffort(string text, double hoursPerDay)
    {
        string clean = text.Trim().Trim(Emphasis).Trim();
        var clock = ClockDuration().Match(clean);
        if (clock.Success)
        {
            return new Effort(clean, int.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture) + (int.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture) / 60.0), null);
        }

        var m = EffortPattern().Match(clean);
        if (m.Success)
        {
            double unit = UnitHours(m.Groups["unit"].Value.ToLowerInvariant(), hoursPerDay);
            double a = double.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture) * unit;
            double? b = m.Groups["b"].Success ? double.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture) * unit : null;
            return new Effort(clean, b ?? a, b is null ? null : a);
        }

        if (HalfDay().IsMatch(clean))
        {
            return new Effort(clean, hoursPerDay / 2, null);
        }

        return new Effort(clean, null, null);
    }

    /// <summary>Finds an effort inside free text (a card title ending in `(2h)`).</summary>
    public static Effort? FindEffortTag(string title, double hoursPerDay)
    {
        if (!title.AsSpan().TrimEnd().EndsWith(')'))
        {
            return null; // the tag closes the title; most titles end otherwise
        }

        var m = EffortTag().Match(title);
        return m.Success ? ParseEffort(m.Groups[1].Value, hoursPerDay) : null;
    }

    /// <summary>`2025-11-03`, `2025-10-27T03:00:00Z`, `2026-02-23 (Monthly)`, `Nov 3, 2025`.</summary>
    public static DateValue? ParseDate(string text, TextSpan span)
    {
        string clean = text.Trim().Trim(DateNoise).Trim();
        var iso = IsoDate().Match(clean);
        if (iso.Success && DateOnly.TryParseExact(iso.Groups[1].Value.Replace('/', '-'), "yyyy-M-d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateValue(date, text.Trim(), Note(clean.Remove(iso.Index, iso.Length)), span);
        }

        var words = WordDate().Match(clean);
        if (words.Success && DateOnly.TryParseExact(words.Value.Replace(".", string.Empty, StringComparison.Ordinal), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return new DateValue(date, text.Trim(), Note(clean.Remove(words.Index, words.Length)), span);
        }

        return null;
    }

    /// <summary>The owner's name, or null for the placeholders that mean nobody (`TBD`, `unassigned`, `[]`).</summary>
    public static string? ParseOwner(string value)
    {
        string clean = value.Trim().Trim(OwnerNoise).Trim();
        return Array.IndexOf(NoOwner, TextFold.Words(clean)) >= 0 || clean is "-" or "—" or "?" ? null : clean;
    }

    private static string? Note(string rest)
    {
        string note = rest.Trim().Trim(NoteNoise).Trim();
        return note.Length == 0 ? null : note;
    }

    private static double UnitHours(string unit, double hoursPerDay) => unit[0] switch
    {
        'h' => 1,
        'd' => hoursPerDay,
        'w' => hoursPerDay * 5,
        's' => hoursPerDay * 10,
        'm' when unit.StartsWith("mo", StringComparison.Ordinal) => hoursPerDay * 20,
        'm' => 1.0 / 60,
        _ => 1,
    };

    [GeneratedRegex(@"(?<a>\d+(?:\.\d+)?)\s*(?:(?:-|–|—|to)\s*(?<b>\d+(?:\.\d+)?))?\s*(?<unit>months?\b|mos?\b|minutes?\b|mins?\b|m\b|hours?\b|hrs?\b|h\b|days?\b|d\b|weeks?\b|wks?\b|w\b|sprints?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EffortPattern();

    [GeneratedRegex(@"^(\d{1,5}):([0-5]\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockDuration();

    [GeneratedRegex(@"\bhalf[\s-]+(?:a\s+)?day\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HalfDay();

    [GeneratedRegex(@"\((?:(?:est(?:imated?)?|effort)\.?\s*[:=]?\s*)?(\d+(?:\.\d+)?\s*(?:-\s*\d+(?:\.\d+)?\s*)?(?:h|hrs?|hours?|d|days?|w|weeks?))\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EffortTag();

    [GeneratedRegex(@"\b(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordDate();
}
