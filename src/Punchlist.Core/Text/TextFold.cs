using System.Text;

namespace Punchlist.Text;

/// <summary>Folds text for comparison by meaning: case, accents, emoji and punctuation are noise.</summary>
public static class TextFold
{
    // Keys, vocabularies and groupings fold text for every item of a scan: one builder per thread.
    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>Lower-case words of letters and digits, accents removed, separated by single spaces.</summary>
    public static string Words(string text)
    {
        var folded = Fold(text, ' ');
        return folded.ToString();
    }

    /// <summary>A URL-safe slug: folded words joined by '-', cut at a word boundary near <paramref name="maxLength"/>.</summary>
    public static string Slug(string text, int maxLength = 60)
    {
        var folded = Fold(text, '-');
        int length = folded.Length;
        if (length > maxLength)
        {
            int cut = maxLength;
            while (cut > 0 && folded[cut] != '-')
            {
                cut--;
            }

            length = cut > 0 ? cut : maxLength;
        }

        return folded.ToString(0, length);
    }

    // Letters and digits, lower-cased and with accents folded; every other run becomes one separator,
    // never leading or trailing.
    private static StringBuilder Fold(string text, char separator)
    {
        var folded = _builder ??= new StringBuilder(128);
        folded.Clear();
        bool space = true;
        foreach (char c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (LatinFold.Of(c) is { } plain)
            {
                foreach (char p in plain)
                {
                    folded.Append(char.ToLowerInvariant(p));
                }

                space = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                folded.Append(separator);
                space = true;
            }
        }

        if (space && folded.Length > 0)
        {
            folded.Length--;
        }

        return folded;
    }

    /// <summary>Strips leading characters that are neither letters nor digits (emoji, bullets, brackets).</summary>
    public static string TrimNoise(string text)
    {
        int i = 0;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return text[i..].TrimEnd();
    }
}
