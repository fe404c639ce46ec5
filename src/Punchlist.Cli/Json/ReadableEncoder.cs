using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Punchlist.Cli.Json;

/// <summary>
/// How every JSON document punch writes escapes its strings: only what JSON requires (`"`, `\`,
/// control characters) and what a terminal or a JavaScript parser would misread (DEL, C1 controls,
/// U+2028/U+2029, bidirectional overrides); every other character — `'`, `+`, `&lt;`, accents, emoji —
/// is written as itself, so the JSON reads and greps as the document does. System.Text.Json's own
/// encoders escape emoji (even the relaxed one) or HTML characters, hence this one.
/// </summary>
internal sealed class ReadableEncoder : JavaScriptEncoder
{
    public static readonly ReadableEncoder Instance = new();

    // The relaxed encoder does the escaping itself; this class only decides what is escaped.
    private static readonly JavaScriptEncoder Escaper = Create(new TextEncoderSettings(UnicodeRanges.BasicLatin));

    public override int MaxOutputCharactersPerInputCharacter => 12;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar switch
    {
        < 0x20 or '"' or '\\' => true,
        >= 0x7F and <= 0x9F => true,
        0x2028 or 0x2029 or 0x061C or 0x200E or 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2066 and <= 0x2069 => true,
        >= 0xD800 and <= 0xDFFF => true,
        _ => false,
    };

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (int i = 0; i < textLength; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < textLength && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (WillEncode(c))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (!WillEncode(unicodeScalar))
        {
            // Written as itself (a pair of surrogates above the basic plane).
            string text = char.ConvertFromUtf32(unicodeScalar);
            if (text.Length > bufferLength)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                buffer[i] = text[i];
            }

            numberOfCharactersWritten = text.Length;
            return true;
        }

        return Escaper.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
    }
}
