using System.Globalization;
using System.Net;
using System.Text;
using Punchlist.Analysis;
using Punchlist.Cli.Json;
using Punchlist.Json;

namespace Punchlist.Cli.Report;

/// <summary>
/// The report's charts as inline SVG: no script, no external file, drawn the same on screen, on paper
/// and in a mail client that shows images. Every chart carries its numbers as text too (a title and
/// the table beside it), so nothing is only in a picture.
/// </summary>
internal static class SvgCharts
{
    public const string Done = "#15803d";
    public const string Progress = "#2563eb";
    public const string Blocked = "#b91c1c";
    public const string Open = "#d1d5db";
    public const string Cancelled = "#9ca3af";

    /// <summary>A progress bar: done of total, rounded down as every percentage Punchlist shows.</summary>
    public static string Bar(int done, int total, int width = 140)
    {
        int? percent = new Fraction(done, total).Percent;
        int filled = total == 0 ? 0 : (int)Math.Round((double)width * done / total, MidpointRounding.AwayFromZero);
        string label = percent is { } p ? $"{p.ToString(CultureInfo.InvariantCulture)} % done" : "no items";
        return $"""<svg class="bar" width="{width}" height="12" viewBox="0 0 {width} 12" role="img" aria-label="{label}"><rect width="{width}" height="12" rx="2" fill="{Open}"/><rect width="{filled}" height="12" rx="2" fill="{Done}"/></svg>""";
    }

    /// <summary>The items by state as one stacked bar with its legend.</summary>
    public static string States(StateCountsJson items, int width = 640)
    {
        (string Name, int Count, string Colour)[] parts =
        [
            ("done", items.Done, Done), ("in progress", items.InProgress, Progress), ("blocked", items.Blocked, Blocked),
            ("open", items.Open, Open), ("cancelled", items.Cancelled, Cancelled),
        ];
        var svg = new StringBuilder($"""<svg class="states" width="100%" viewBox="0 0 {width} 44" role="img" aria-label="Items by state: {string.Join(", ", parts.Select(p => $"{N(p.Count)} {p.Name}"))}">""");
        double x = 0;
        foreach (var (name, count, colour) in parts)
        {
            double w = items.Total == 0 ? 0 : (double)width * count / items.Total;
            if (w > 0)
            {
                svg.Append($"""<rect x="{F(x)}" width="{F(w)}" height="18" fill="{colour}"><title>{N(count)} {name}</title></rect>""");
            }

            x += w;
        }

        double legend = 0;
        foreach (var (name, count, colour) in parts)
        {
            svg.Append($"""<rect x="{F(legend)}" y="28" width="10" height="10" fill="{colour}"/><text x="{F(legend + 14)}" y="37" font-size="11">{name} {N(count)}</text>""");
            legend += 128;
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The burn-up of the last <paramref name="weeks"/> periods: scope as a line, done as a filled
    /// area beneath it, so that scope growth and progress read apart.
    /// </summary>
    public static string BurnUp(IReadOnlyList<BurnUpJson> periods, int weeks = 26)
    {
        var shown = periods.Where(p => p.Group is null).TakeLast(weeks).ToList();
        if (shown.Count < 2)
        {
            return string.Empty;
        }

        const int width = 640, height = 220, left = 36, right = 12, top = 12, bottom = 28;
        int max = Math.Max(1, shown.Max(p => p.Scope));
        double X(int i) => left + ((double)(width - left - right) * i / (shown.Count - 1));
        double Y(int n) => top + ((double)(height - top - bottom) * (max - n) / max);
        string Points(Func<BurnUpJson, int> value) => string.Join(' ', shown.Select((p, i) => $"{F(X(i))},{F(Y(value(p)))}"));

        var svg = new StringBuilder($"""<svg class="burnup" width="100%" viewBox="0 0 {width} {height}" role="img" aria-label="Burn-up, {shown[0].Start} to {shown[^1].End}: scope {N(shown[0].Scope)} to {N(shown[^1].Scope)}, done {N(shown[0].Done)} to {N(shown[^1].Done)}">""");
        svg.Append($"""<line x1="{left}" y1="{F(Y(0))}" x2="{width - right}" y2="{F(Y(0))}" stroke="#6b7280"/>""");
        svg.Append($"""<text x="{left - 6}" y="{F(Y(max) + 4)}" font-size="11" text-anchor="end">{N(max)}</text><text x="{left - 6}" y="{F(Y(0) + 4)}" font-size="11" text-anchor="end">0</text>""");
        svg.Append($"""<polygon points="{F(X(0))},{F(Y(0))} {Points(p => p.Done)} {F(X(shown.Count - 1))},{F(Y(0))}" fill="{Done}" fill-opacity="0.35" stroke="none"/>""");
        svg.Append($"""<polyline points="{Points(p => p.Done)}" fill="none" stroke="{Done}" stroke-width="2"/>""");
        svg.Append($"""<polyline points="{Points(p => p.Scope)}" fill="none" stroke="#111827" stroke-width="2" stroke-dasharray="5 3"/>""");
        svg.Append($"""<text x="{left}" y="{height - 8}" font-size="11">{shown[0].Start}</text><text x="{width - right}" y="{height - 8}" font-size="11" text-anchor="end">{shown[^1].End}</text>""");
        svg.Append($"""<text x="{width / 2}" y="{height - 8}" font-size="11" text-anchor="middle">- - - scope    ▬ done</text>""");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Finished items per week as columns.</summary>
    public static string Throughput(IReadOnlyList<WeekJson> weeks)
    {
        if (weeks.Count == 0)
        {
            return string.Empty;
        }

        const int height = 80, column = 18;
        int width = weeks.Count * (column + 4);
        int max = Math.Max(1, weeks.Max(w => w.Done));
        var svg = new StringBuilder($"""<svg class="throughput" width="{width}" height="{height + 14}" viewBox="0 0 {width} {height + 14}" role="img" aria-label="Finished per week: {string.Join(", ", weeks.Select(w => N(w.Done)))}">""");
        for (int i = 0; i < weeks.Count; i++)
        {
            double h = (double)height * weeks[i].Done / max;
            svg.Append($"""<rect x="{i * (column + 4)}" y="{F(height - h)}" width="{column}" height="{F(h)}" fill="{Progress}"><title>week of {WebUtility.HtmlEncode(weeks[i].Week)}: {N(weeks[i].Done)}</title></rect>""");
            svg.Append($"""<text x="{i * (column + 4) + (column / 2)}" y="{height + 12}" font-size="10" text-anchor="middle">{N(weeks[i].Done)}</text>""");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
