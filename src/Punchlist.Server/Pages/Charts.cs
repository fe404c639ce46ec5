using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Punchlist.Analysis;
using Punchlist.Json;

namespace Punchlist.Server.Pages;

/// <summary>
/// Charts drawn on the server as SVG: they need no script, print, and scale. Each is an image with a
/// text alternative that says what it shows; the numbers are also in the table beside it. Colours
/// come from the stylesheet (classes), so light and dark themes both apply.
/// </summary>
public static class Charts
{
    /// <summary>One bar split by state: done, in progress, blocked, open (cancelled left out, as progress leaves it out).</summary>
    public static HtmlString StateBar(ItemCounts counts, string label)
    {
        int total = counts.Done + counts.InProgress + counts.Blocked + counts.Open;
        string alt = $"{label}: {counts.Done} done, {counts.InProgress} in progress, {counts.Blocked} blocked, {counts.Open} open";
        var svg = Start(alt, "bar");
        double x = 0;
        foreach (var (n, css) in new[] { (counts.Done, "done"), (counts.InProgress, "in-progress"), (counts.Blocked, "blocked"), (counts.Open, "open") })
        {
            if (n == 0 || total == 0)
            {
                continue;
            }

            double width = 100.0 * n / total;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{x:0.##}\" y=\"0\" width=\"{width:0.##}\" height=\"10\"/>");
            x += width;
        }

        if (total == 0)
        {
            svg.Append("<rect class=\"empty\" x=\"0\" y=\"0\" width=\"100\" height=\"10\"/>");
        }

        return End(svg);
    }

    /// <summary>Done out of a total as one bar.</summary>
    public static HtmlString Progress(Fraction fraction, string label)
    {
        string alt = $"{label}: {fraction.Done} of {fraction.Total} done";
        var svg = Start(alt, "bar");
        svg.Append("<rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\"/>");
        if (fraction.Total > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"done\" x=\"0\" y=\"0\" width=\"{100.0 * fraction.Done / fraction.Total:0.##}\" height=\"10\"/>");
        }

        return End(svg);
    }

    /// <summary>
    /// The burn-up: scope (items that exist) as a line, done as an area beneath it, one point per
    /// period's end; and, when there is a forecast, a dashed line from today's done to the scope at
    /// the date reached in 85 % of its trials, with a mark at each of its dates.
    /// </summary>
    public static HtmlString BurnUp(IReadOnlyList<BurnUpJson> periods, ForecastJson? forecast, string alt)
    {
        const double Width = 300, Height = 100, Top = 4;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"burn-up\" viewBox=\"0 0 {Width} {Height}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(alt)}\">");
        if (periods.Count == 0)
        {
            return End(svg);
        }

        var dates = forecast?.Dates ?? [];
        int first = Day(periods[0].Start), last = Math.Max(Day(periods[^1].End), dates.Count > 0 ? Day(dates[^1].Date) : 0);
        int top = Math.Max(1, periods.Max(p => p.Scope));
        double X(int day) => last == first ? Width : Width * (day - first) / (last - first);
        double Y(int count) => Height - ((Height - Top) * count / top);

        var done = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{X(first):0.##},{Height} ");
        var scope = new StringBuilder();
        foreach (var p in periods)
        {
            done.Append(CultureInfo.InvariantCulture, $"{X(Day(p.End)):0.##},{Y(p.Done):0.##} ");
            scope.Append(CultureInfo.InvariantCulture, $"{X(Day(p.End)):0.##},{Y(p.Scope):0.##} ");
        }

        done.Append(CultureInfo.InvariantCulture, $"{X(Day(periods[^1].End)):0.##},{Height}");
        svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"done\" points=\"{done}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"scope\" points=\"{scope.ToString().TrimEnd()}\" vector-effect=\"non-scaling-stroke\"/>");
        if (dates.FirstOrDefault(d => d.Percent == 85) is { } likely && forecast!.Remaining > 0)
        {
            var now = periods[^1];
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"forecast\" x1=\"{X(Day(now.End)):0.##}\" y1=\"{Y(now.Done):0.##}\" x2=\"{X(Day(likely.Date)):0.##}\" y2=\"{Y(now.Scope):0.##}\" vector-effect=\"non-scaling-stroke\"/>");
            foreach (var d in dates)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"forecast-date\" x1=\"{X(Day(d.Date)):0.##}\" y1=\"{Top}\" x2=\"{X(Day(d.Date)):0.##}\" y2=\"{Height}\" vector-effect=\"non-scaling-stroke\"/>");
            }
        }

        return End(svg);
    }

    private static int Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;

    private static StringBuilder Start(string alt, string css) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"{css}\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(alt)}\">");

    private static HtmlString End(StringBuilder svg) => new(svg.Append("</svg>").ToString());
}
