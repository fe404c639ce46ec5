using Punchlist.Analysis.Findings;
using Punchlist.Editing;
using Punchlist.Model;
using Punchlist.Reading.Org;

namespace Punchlist.Analysis.Claims;

/// <summary>
/// Org's statistics cookies as claims (PL001): a cookie that states a count (`[2/5]`, `[40%]`) claims
/// what Org counts under it (<see cref="OrgCookies"/>), and is judged like any other progress claim —
/// reported with the true figure and fixed digit for digit. A cookie that only asks (`[/]`, `[%]`) is
/// filled by `punch sync`, never reported.
/// </summary>
internal static class CookieClaims
{
    public static IEnumerable<Finding> Check(RuleContext context, RuleInfo rule)
    {
        var document = context.Document;
        foreach (var cookie in OrgCookies.Of(document))
        {
            string declared = document.Source.Slice(cookie.Span);
            string truth = cookie.Truth(declared);
            if (!OrgCookies.States(declared) || string.Equals(declared, truth, StringComparison.Ordinal))
            {
                continue;
            }

            string done = cookie.Basis == "boxes" ? "ticked" : "done";
            string percent = new Fraction(cookie.Done, cookie.Total).Percent is { } p ? $" ({p}%)" : string.Empty;
            string message = $"progress cookie {declared} of '{cookie.Of}' claims {declared.Trim('[', ']')}, but {cookie.Done} of {cookie.Total} {cookie.Basis} under it are {done}{percent}";
            yield return context.Report(rule, cookie.Span, message, Innermost(document, cookie.Span.Start)) with
            {
                Declared = declared,
                Actual = truth,
                Basis = cookie.Basis,
                Fix = [new TextEdit(cookie.Span, truth)],
            };
        }
    }

    // The item the cookie is written in: the smallest one whose span holds it.
    private static Item? Innermost(TrackerDocument document, int offset)
    {
        Item? best = null;
        foreach (var item in document.Items)
        {
            if (item.Span.Contains(offset) && (best is null || item.Span.Length < best.Span.Length))
            {
                best = item;
            }
        }

        return best;
    }
}
