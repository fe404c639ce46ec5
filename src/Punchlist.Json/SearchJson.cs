namespace Punchlist.Json;

/// <summary>`punchlist.search/1`.</summary>
public sealed record SearchJson(string Schema, string Query, int Total, IReadOnlyList<SearchResultJson> Results)
{
    public const string Version = "punchlist.search/1";
}

public sealed record SearchResultJson(
    string Key,
    string Address,
    string Document,
    int Line,
    string Title,
    string State,
    string? Priority,
    double? Score,
    string? MatchedIn,
    string? Snippet,
    IReadOnlyList<HighlightJson> Highlights);

/// <summary>A matched word in the snippet: UTF-16 offset and length.</summary>
public sealed record HighlightJson(int Start, int Length);
