using System.Text;

namespace Punchlist.Text;

/// <summary>Folds text for comparison by meaning: case, accents, emoji and punctuation are noise.</summary>
public static class TextFold
{
    /// <summary>Lower-case words of letters and digits, accents removed, separated by single spaces.</summary>
    public static string Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        bool space = true;
        foreach (char c in text)
        {
            if (LatinFold.Of(c) is { } plain)
            {
                folded.Append(plain.ToLowerInvariant());
                space = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                folded.Append(' ');
                space = true;
            }
        }

        return folded.ToString().TrimEnd();
    }

    /// <summary>A URL-safe slug: folded words joined by '-', cut at a word boundary near <paramref name="maxLength"/>.</summary>
    public static string Slug(string text, int maxLength = 60)
    {
        string words = Words(text);
        if (words.Length > maxLength)
        {
            int cut = words.LastIndexOf(' ', maxLength);
            words = words[..(cut > 0 ? cut : maxLength)];
        }

        return words.Replace(' ', '-');
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
