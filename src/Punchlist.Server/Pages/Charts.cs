using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Punchlist.Analysis;

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

    private static StringBuilder Start(string alt, string css) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"{css}\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(alt)}\">");

    private static HtmlString End(StringBuilder svg) => new(svg.Append("</svg>").ToString());
}
