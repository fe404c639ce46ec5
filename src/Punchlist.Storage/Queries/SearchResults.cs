using Punchlist.Search;

namespace Punchlist.Storage.Queries;

/// <summary>Where the words matched, best first: results are ordered by this before BM25.</summary>
public enum MatchField
{
    Title,
    Criteria,
    Text,
}

/// <summary>A piece of matching text with the matched words marked as ranges of it.</summary>
public sealed record Snippet(string Text, IReadOnlyList<Range> Matches)
{
    internal static Snippet Parse(string marked)
    {
        var text = new System.Text.StringBuilder(marked.Length);
        var matches = new List<Range>();
        int start = -1;
        foreach (char c in marked)
        {
            if (c == Folding.MatchStart)
            {
                start = text.Length;
            }
            else if (c == Folding.MatchEnd && start >= 0)
            {
                matches.Add(new Range(start, text.Length));
                start = -1;
            }
            else
            {
                text.Append(c == '\n' ? ' ' : c);
            }
        }

        return new Snippet(text.ToString(), matches);
    }
}

/// <summary>One result: the item, its document, and for ranked queries where and how well it matched.</summary>
public sealed record SearchHit(string Document, ItemRecord Item, MatchField? MatchedIn, double? Score, Snippet? Snippet);

/// <summary>The results asked for (up to the limit) and how many matched in all.</summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits);
