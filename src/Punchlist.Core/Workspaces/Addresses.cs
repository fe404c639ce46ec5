using Punchlist.Model;

namespace Punchlist.Workspaces;

/// <summary>
/// Resolves an item address: `doc.md#P0-001` (the document by path, by a unique path suffix, or by
/// file name), or a bare `P0-001` / key when only one document has it. Anything else is an error
/// that names the candidates.
/// </summary>
public static class Addresses
{
    public static (TrackerDocument Document, Item Item) Resolve(Workspace workspace, string address)
    {
        int hash = address.LastIndexOf('#');
        string? docPart = hash >= 0 ? address[..hash] : null;
        string keyPart = hash >= 0 ? address[(hash + 1)..] : address;
        if (keyPart.Length == 0)
        {
            throw new PunchlistException($"'{address}' names no item: write DOCUMENT#KEY or KEY");
        }

        var documents = docPart is null ? workspace.Documents : Documents(workspace, docPart);
        var matches = Find(documents, keyPart);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new PunchlistException($"no item '{address}'{Suggest(workspace, keyPart)}"),
            _ => throw new PunchlistException($"'{address}' is ambiguous: {string.Join(", ", matches.Select(m => Workspace.Address(m.Document, m.Item)))}"),
        };
    }

    private static List<TrackerDocument> Documents(Workspace workspace, string part)
    {
        string wanted = part.Replace('\\', '/').TrimStart('.', '/');
        var exact = workspace.Documents.Where(d => string.Equals(d.Path, wanted, StringComparison.Ordinal)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var suffix = workspace.Documents.Where(d => d.Path.EndsWith("/" + wanted, StringComparison.Ordinal)).ToList();
        return suffix.Count switch
        {
            1 => suffix,
            0 => throw new PunchlistException($"no document '{part}' in the workspace"),
            _ => throw new PunchlistException($"document '{part}' is ambiguous: {string.Join(", ", suffix.Select(d => d.Path))}"),
        };
    }

    // Exact key first; then the key or ID ignoring case.
    private static List<(TrackerDocument Document, Item Item)> Find(IEnumerable<TrackerDocument> documents, string key)
    {
        var all = documents.SelectMany(d => d.Items.Select(i => (Document: d, Item: i))).ToList();
        var exact = all.Where(m => string.Equals(m.Item.Key, key, StringComparison.Ordinal)).ToList();
        return exact.Count > 0
            ? exact
            : all.Where(m => string.Equals(m.Item.Key, key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(m.Item.Id, key, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static string Suggest(Workspace workspace, string key)
    {
        var close = workspace.AllItems()
            .Where(m => m.Item.Key.Contains(key, StringComparison.OrdinalIgnoreCase))
            .Take(3)
            .Select(m => Workspace.Address(m.Document, m.Item))
            .ToList();
        return close.Count == 0 ? string.Empty : $"; did you mean {string.Join(", ", close)}?";
    }
}
