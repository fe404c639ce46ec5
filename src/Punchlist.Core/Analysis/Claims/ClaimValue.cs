using Punchlist.Text;

namespace Punchlist.Analysis.Claims;

/// <summary>A number as written in the source: its value and the exact span of its digits.</summary>
internal readonly record struct ClaimNumber(int Value, TextSpan Span);

internal enum ClaimShape
{
    /// <summary>`15`, `**50**`, `50 actionable tasks`.</summary>
    Count,

    /// <summary>`0/15`, `3 of 5`, `0/50 (0%)`, `12/20 done`.</summary>
    Fraction,

    /// <summary>`60%`, `60% complete`.</summary>
    Percent,
}

/// <summary>
/// The numbers of one claim, each with its span, and the words that follow them (`tasks`, `done`).
/// <see cref="Span"/> runs from the first digit to the end of the last number (a percentage's closing
/// parenthesis included): the part of the text a correction rewrites.
/// </summary>
internal sealed record ClaimValue(ClaimShape Shape, ClaimNumber First, ClaimNumber? Total, ClaimNumber? Percent, TextSpan Span, IReadOnlyList<string> Words)
{
    /// <summary>For a count, the count; for a fraction, the done part.</summary>
    public int Value => First.Value;
}
