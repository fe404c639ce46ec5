using Punchlist.Model;
using Punchlist.Storage.Queries;

namespace Punchlist.Json;

/// <summary>`punchlist.search/1`'s results: ranked items with where the words matched and a highlighted snippet.</summary>
public static class SearchMapping
{
    public static SearchResultJson Result(SearchHit hit) => new(
        hit.Item.Key,
        JsonMapping.Address(hit.Document, hit.Item),
        hit.Document,
        hit.Item.Line,
        hit.Item.Title,
        hit.Item.State.Name(),
        hit.Item.Priority?.Name,
        hit.Score is { } score ? Math.Round(score, 4) : null,
        hit.MatchedIn is { } field ? JsonMapping.Lower(field.ToString()) : null,
        hit.Snippet?.Text,
        hit.Snippet?.Matches.Select(m => new HighlightJson(m.Start.Value, m.End.Value - m.Start.Value)).ToList() ?? []);
}
