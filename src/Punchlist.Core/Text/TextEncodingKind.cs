namespace Punchlist.Text;

/// <summary>How a file's bytes were turned into text; kept so a rewrite writes the same way.</summary>
public enum TextEncodingKind
{
    Utf8,
    Utf8WithBom,
    Utf16LittleEndian,
    Utf16BigEndian,
}
