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

    /// <summary>The line of punchlist.yml each address of <see cref="Items"/> is written on.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// One warning for each address of <see cref="Items"/> that names no item of <paramref name="documents"/>
    /// (looked up as <see cref="For"/> does): a probe named for an item that is not there never runs, and
    /// a typo should not pass in silence. A `DOCUMENT#KEY` whose document was not read is judged only when
    /// that file does not exist under <paramref name="root"/>, and a bare key or ID only when
    /// <paramref name="everyDocument"/> says the whole workspace was read: a command narrowed to one
    /// file must not call the others' addresses wrong.
    /// </summary>
    public IEnumerable<string> Unmatched(string root, IReadOnlyList<Model.TrackerDocument> documents, bool everyDocument)
    {
        if (Items.Count == 0)
        {
            yield break;
        }

        var read = documents.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var item in document.Items)
            {
                named.Add($"{document.Path}#{item.Key}");
                named.Add(item.Key);
                if (item.Id is not null)
                {
                    named.Add(item.Id);
                }
            }
        }

        foreach (var (address, _) in Items.OrderBy(pair => Lines.GetValueOrDefault(pair.Key)).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (named.Contains(address))
            {
                continue;
            }

            int hash = address.LastIndexOf('#');
            string? document = hash > 0 ? address[..hash] : null;
            string? why = document switch
            {
                null => everyDocument ? "names no item here (a key or an ID, in its case)" : null,
                _ when read.Contains(document) => $"names no item here ({document} has no key '{address[(hash + 1)..]}')",
                _ when !File.Exists(Path.Combine(root, document)) => $"names no item here (no file {document})",
                _ => null,
            };
            if (why is not null)
            {
                string at = Lines.TryGetValue(address, out int line) ? $"{Workspaces.PunchlistConfig.FileName}:{line}" : Workspaces.PunchlistConfig.FileName;
                yield return $"{at}: probes: '{address}' {why}, so its probes never run";
            }
        }
    }

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
