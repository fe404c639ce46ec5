using System.Globalization;
using Punchlist.Editing;

namespace Punchlist.Analysis.Claims;

/// <summary>A false claim: what it says, what is true on the basis it was judged on, and the edits that correct it.</summary>
internal sealed record ClaimMismatch(Claim Claim, ClaimGroup Group, Basis Basis, Measure Measure, string Declared, string Actual, IReadOnlyList<TextEdit> Fix)
{
    public string BasisName => Group.BasisName(Basis, Measure);
}

/// <summary>
/// Judges a claim against every reading of its label on every basis it may count on; true when
/// any of them makes it true. A false claim is judged on the first reading, on the basis its words
/// name, else the basis whose total it states (`5/152` counts criteria when there are 152), else items.
/// </summary>
internal static class ClaimJudge
{
    public static ClaimMismatch? Judge(Claim claim, LabelMatch match, string text)
    {
        if (claim.Value.Shape == ClaimShape.Percent && match.Readings.All(r => r.Group.Bases.All(b => r.Group.Progress(b).Total == 0)))
        {
            return null; // a percentage of nothing cannot be wrong
        }

        foreach (var reading in match.Readings)
        {
            foreach (var basis in BasesOf(reading.Group, match.Unit))
            {
                if (Holds(claim.Value, reading, basis))
                {
                    return null;
                }
            }
        }

        var primary = match.Readings[0];
        var bases = BasesOf(primary.Group, match.Unit);
        var chosen = claim.Value.Total is { } stated && primary.Measure == Measure.Progress
            ? bases.FirstOrDefault(b => primary.Group.Progress(b).Total == stated.Value, bases[0])
            : bases[0];
        var edits = Corrections(claim.Value, primary, chosen);
        string declared = text.Substring(claim.Value.Span.Start, claim.Value.Span.Length);
        string actual = TextEdits.Apply(declared, edits, claim.Value.Span.Start);
        var fix = claim.Source == ClaimSource.Table ? CellPadding.Keep(text, claim.Container, edits) : edits;
        return new ClaimMismatch(claim, primary.Group, chosen, primary.Measure, declared, actual, fix);
    }

    // The unit the claim names; else every basis the group has something on (a section without
    // criteria does not make `0` true on the criteria basis), the first always.
    private static IReadOnlyList<Basis> BasesOf(ClaimGroup group, Basis? unit) =>
        unit is { } named && group.Bases.Contains(named)
            ? [named]
            : group.Bases.Where((b, i) => i == 0 || group.Progress(b).Total > 0).ToList();

    private static bool Holds(ClaimValue value, Reading reading, Basis basis)
    {
        var group = reading.Group;
        var progress = group.Progress(basis);
        return value.Shape switch
        {
            ClaimShape.Count => value.Value == group.Count(basis, reading.Measure)
                || (reading.Measure == Measure.Total && basis == Basis.Items && value.Value == group.AllItems),
            ClaimShape.Fraction => value.Value == progress.Done
                && (value.Total!.Value.Value == progress.Total || (basis == Basis.Items && value.Total.Value.Value == group.AllItems))
                && (value.Percent is not { } p || PercentFits(p.Value, progress)),
            _ => progress.Total > 0 && PercentFits(value.Value, progress),
        };
    }

    // Teams round either way; `punch status` rounds down. Nothing to count says nothing about a percentage.
    private static bool PercentFits(int percent, Fraction truth) =>
        truth.Total == 0 || percent == truth.Percent || percent == (int)Math.Round(100.0 * truth.Done / truth.Total, MidpointRounding.AwayFromZero);

    // Only the numbers that are wrong change.
    private static List<TextEdit> Corrections(ClaimValue value, Reading reading, Basis basis)
    {
        var edits = new List<TextEdit>();
        var group = reading.Group;
        var progress = group.Progress(basis);
        switch (value.Shape)
        {
            case ClaimShape.Count:
                Replace(edits, value.First, group.Count(basis, reading.Measure));
                break;
            case ClaimShape.Fraction:
                Replace(edits, value.First, progress.Done);
                Replace(edits, value.Total!.Value, progress.Total);
                if (value.Percent is { } percent && !PercentFits(percent.Value, progress))
                {
                    Replace(edits, percent, progress.Percent!.Value);
                }

                break;
            default:
                Replace(edits, value.First, progress.Percent ?? value.Value);
                break;
        }

        return edits;
    }

    private static void Replace(List<TextEdit> edits, ClaimNumber number, int truth)
    {
        if (number.Value != truth)
        {
            edits.Add(new TextEdit(number.Span, truth.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
