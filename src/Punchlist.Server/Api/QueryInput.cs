using Punchlist.Search;
using Punchlist.Server.Data;
using Punchlist.Server.Hosting;

namespace Punchlist.Server.Api;

/// <summary>A `?q=` query as the API reads it: at most a thousand characters, parsed as the CLI parses it; malformed is 400.</summary>
internal static class QueryInput
{
    public static Query Parse(IWorkspaceStore store, string? text, DateOnly today)
    {
        string query = (text ?? string.Empty).Trim();
        if (query.Length > RequestLimits.MaxQueryLength)
        {
            throw new BadRequestException("Query too long", $"a query has at most {RequestLimits.MaxQueryLength} characters");
        }

        try
        {
            return Query.Parse(query, store.QueryContext(today));
        }
        catch (PunchlistException e)
        {
            throw new BadRequestException("Malformed query", e.Message);
        }
    }

    public static int Bounded(int? value, string name, int fallback, int min, int max) =>
        value is null ? fallback
        : value >= min && value <= max ? value.Value
        : throw new BadRequestException($"Bad {name}", $"{name} is from {min} to {max}, not {value}");
}
