using Punchlist.Model;

namespace Punchlist.Workspaces;

/// <summary>
/// Resolves an item address: `doc.md#P0-001` (the document by path, by a unique path suffix, or by
/// file name; case ignored when nothing matches exactly, `.md` optional), `doc.md#L12` (the item on
/// line 12), or a bare `P0-001` / key when only one document has it. Anything else is an error that
/// names the candidates.
/// </summary>
public static class Addresses
{
    public static (TrackerDocument Document, Item Item) Resolve(Workspace workspace, string address)
    {
        int hash = address.LastIndexOf('#');
        string? docPart = hash > 0 ? address[..hash] : null;
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

        var suffix = workspace.Documents.Where(d => Names(d.Path, wanted, StringComparison.Ordinal)).ToList();
        if (suffix.Count == 0)
        {
            suffix = workspace.Documents.Where(d => Names(d.Path, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        return suffix.Count switch
        {
            1 => suffix,
            0 => throw new PunchlistException($"no document '{part}' in the workspace"),
            _ => throw new PunchlistException($"document '{part}' is ambiguous: {string.Join(", ", suffix.Select(d => d.Path))}"),
        };
    }

    /// <summary>Whether <paramref name="wanted"/> names the document at <paramref name="path"/>: the path, an ending of it, with or without its extension.</summary>
    public static bool Names(string path, string wanted, StringComparison comparison)
    {
        bool Ends(string p) => string.Equals(p, wanted, comparison) || p.EndsWith("/" + wanted, comparison);
        return Ends(path) || Ends(System.IO.Path.ChangeExtension(path, null));
    }

    // Exact key first; then the key or ID ignoring case; then `L12`, the item on line 12 (the last one
    // starting at or before it whose text reaches it).
    private static List<(TrackerDocument Document, Item Item)> Find(IEnumerable<TrackerDocument> documents, string key)
    {
        var all = documents.SelectMany(d => d.Items.Select(i => (Document: d, Item: i))).ToList();
        var exact = all.Where(m => string.Equals(m.Item.Key, key, StringComparison.Ordinal)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var folded = all.Where(m => string.Equals(m.Item.Key, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Item.Id, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (folded.Count > 0 || key.Length < 2 || key[0] is not ('L' or 'l') || !int.TryParse(key.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int line))
        {
            return folded;
        }

        return all.GroupBy(m => m.Document)
            .Select(d => d.LastOrDefault(m => m.Item.Position.Line <= line && d.Key.PositionOf(Math.Max(m.Item.Span.Start, m.Item.Span.End - 1)).Line >= line))
            .Where(m => m.Item is not null)
            .ToList();
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
