using System.Globalization;
using System.Text.RegularExpressions;
using Punchlist.Text;

namespace Punchlist.Analysis.Policies;

/// <summary>
/// A span of time as a policy states it: `24 hours`, `2 weeks`, `4-6 weeks per item` (the top of a
/// range), `Monthly`, `Quarterly`, `Sprint-based`. Months stay months so that "monthly" from
/// January 31st lands on the last day of February, as a calendar would.
/// </summary>
public sealed partial record Duration(int Months, double Hours, string Text)
{
    public DateTime After(DateTime start) => start.AddMonths(Months).AddHours(Hours);

    public DateOnly After(DateOnly start) => DateOnly.FromDateTime(After(start.ToDateTime(TimeOnly.MinValue)));

    public override string ToString() => Text;

    /// <summary>Reads a duration; <paramref name="sprintDays"/> is what `sprint` means to this workspace.</summary>
    public static Duration? Parse(string text, double sprintDays = 14)
    {
        string clean = text.Trim().Trim('*', '_', '`').Trim();
        var m = Amount().Match(clean);
        if (m.Success)
        {
            double amount = double.Parse(m.Groups["b"].Success ? m.Groups["b"].Value : m.Groups["a"].Value, CultureInfo.InvariantCulture);
            string unit = m.Groups["unit"].Value.ToLowerInvariant();
            string said = m.Value.Trim(); // `2 weeks` out of `Complete within 2 weeks`
            return unit[0] switch
            {
                'h' => new Duration(0, amount, said),
                'd' => new Duration(0, amount * 24, said),
                'w' => new Duration(0, amount * 7 * 24, said),
                's' => new Duration(0, amount * sprintDays * 24, said),
                'q' => new Duration((int)Math.Ceiling(amount * 3), 0, said),
                'y' => new Duration((int)Math.Ceiling(amount * 12), 0, said),
                _ => new Duration((int)Math.Ceiling(amount), 0, said),
            };
        }

        string words = " " + TextFold.Words(clean) + " ";
        return Cadences.FirstOrDefault(c => words.Contains(" " + c.Word + " ", StringComparison.Ordinal)) is { Word: not null } hit
            ? new Duration(hit.Months, hit.Days == 0 && hit.Word.StartsWith("sprint", StringComparison.Ordinal) ? sprintDays * 24 : hit.Days * 24, clean)
            : null;
    }

    private static readonly (string Word, int Months, double Days)[] Cadences =
    [
        ("daily", 0, 1), ("weekly", 0, 7), ("fortnightly", 0, 14), ("biweekly", 0, 14), ("bi weekly", 0, 14),
        ("sprint", 0, 0), ("sprint based", 0, 0), ("sprintly", 0, 0), ("monthly", 1, 0), ("bimonthly", 2, 0),
        ("quarterly", 3, 0), ("semiannually", 6, 0), ("yearly", 12, 0), ("annually", 12, 0), ("annual", 12, 0),
    ];

    [GeneratedRegex(@"(?<a>\d+(?:\.\d+)?)\s*(?:(?:-|–|—|to)\s*(?<b>\d+(?:\.\d+)?))?\s*(?<unit>hours?\b|hrs?\b|h\b|days?\b|d\b|weeks?\b|wks?\b|w\b|sprints?\b|months?\b|mos?\b|quarters?\b|years?\b|yrs?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
