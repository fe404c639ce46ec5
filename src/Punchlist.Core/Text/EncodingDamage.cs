namespace Punchlist.Text;

public enum EncodingDamageKind
{
    /// <summary>UTF-8 read as a single-byte code page; the intended text is certain.</summary>
    Repairable,

    /// <summary>U+FFFD, invalid bytes, or mojibake that lost a byte: the original cannot be recovered with certainty.</summary>
    Unrepairable,
}

/// <summary>One damaged run of text. <see cref="Repaired"/> is set only when the repair is certain.</summary>
public sealed record EncodingDamage(TextSpan Span, EncodingDamageKind Kind, string Original, string? Repaired, string Explanation)
{
    /// <summary>
    /// An unrepairable run that is U+FFFD read as the code page (`ï¿½`, <see cref="Mojibake.ReplacementImage"/>):
    /// the character it replaced is lost, but its bytes were U+FFFD, so writing U+FFFD back is no guess.
    /// </summary>
    public bool IsReplacementImage { get; init; }

    /// <summary>For a run that lost a byte: every character the surviving bytes could have been.</summary>
    public IReadOnlyList<string>? Candidates { get; init; }
}
