using Punchlist.Text;

namespace Punchlist.Evidence.Matching;

/// <summary>
/// A text as stemmed words. A phrase matches when consecutive words, joined, spell it: so
/// "non-root", "non root" and "nonroot" all meet the phrase "nonroot", and "health checks" meets
/// "healthcheck".
/// </summary>
internal sealed class TermText
{
    private const int MaxWindow = 4;

    private TermText(string[] words) => Words = words;

    public string[] Words { get; }

    public static TermText Of(string text) =>
        new(TextFold.Words(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stemmer.Stem).ToArray());

    /// <summary>A phrase as the matcher compares it: its stemmed words joined without spaces.</summary>
    public static string Key(string phrase) => string.Concat(Of(phrase).Words);

    public bool Contains(string key)
    {
        for (int i = 0; i < Words.Length; i++)
        {
            string joined = string.Empty;
            for (int n = 0; n < MaxWindow && i + n < Words.Length; n++)
            {
                joined += Words[i + n];
                if (joined.Length > key.Length)
                {
                    break;
                }

                if (string.Equals(joined, key, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
