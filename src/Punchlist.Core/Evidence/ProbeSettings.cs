namespace Punchlist.Evidence;

/// <summary>
/// The `probes:` part of punchlist.yml: probes turned off, and probes named for items
/// (`"TODO.md#P0-001": [docker.non-root]`; a bare key or ID names it in every document).
/// </summary>
public sealed record ProbeSettings
{
    public static readonly ProbeSettings Empty = new();

    public IReadOnlySet<string> Off { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Item address or key → the probes that stand for it (meaning-based matching is then skipped).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Items { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public IReadOnlyList<string>? For(string documentPath, Model.Item item)
    {
        if (Items.TryGetValue($"{documentPath}#{item.Key}", out var byAddress))
        {
            return byAddress;
        }

        if (Items.TryGetValue(item.Key, out var byKey))
        {
            return byKey;
        }

        return item.Id is not null && Items.TryGetValue(item.Id, out var byId) ? byId : null;
    }
}
