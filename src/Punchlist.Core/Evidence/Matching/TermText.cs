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

    // Every run of one to MaxWindow consecutive words, joined: built on the first question, since a
    // text is asked about every phrase of every probe (hundreds) and a lookup beats joining each time.
    private HashSet<string>? _windows;

    public bool Contains(string key) => (_windows ??= Windows(Words)).Contains(key);

    private static HashSet<string> Windows(string[] words)
    {
        var windows = new HashSet<string>(words.Length * MaxWindow, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            string joined = string.Empty;
            for (int n = 0; n < MaxWindow && i + n < words.Length; n++)
            {
                joined += words[i + n];
                windows.Add(joined);
            }
        }

        return windows;
    }
}
