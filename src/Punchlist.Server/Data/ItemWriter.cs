using Punchlist.Editing;
using Punchlist.Editing.Sync;
using Punchlist.Reading;
using Punchlist.Analysis.Policies;

namespace Punchlist.Server.Data;

/// <summary>
/// A write from the API or a page, made as `punch done` / `punch reopen` make it: the one edit
/// <see cref="Ticking"/> proposes (nothing else in the file changes), applied by the same engine, and
/// written by <see cref="ConditionalWriter"/> atomically and only if the file is still the one read —
/// which must also be the one the client saw (its If-Match).
/// </summary>
internal static class ItemWriter
{
    public static WriteOutcome Write(ItemView item, ItemWrite write, string ifMatch, string fullPath, IndexStore.ScanContext context)
    {
        if (!ETagMatches(ifMatch, item.ETag))
        {
            throw new PreconditionFailedException($"{item.Document.Path} changed since {ifMatch} was read; nothing was written", item.ETag);
        }

        string? criterion = write.Criterion?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tick = Ticking.Edit(item.Document, item.Item, criterion, write.Done);
        if (tick is null)
        {
            return new WriteOutcome(false, item.ETag, item.Address, string.Empty);
        }

        var engine = new SyncEngine(new DocumentReader(context.Config.ToReaderOptions()), SyncFixers.Create(new SyncOptions { Claims = false, Cookies = false }), touch: null);
        var result = engine.Run(item.Document, new SyncScope([item.Document], context.Root, item.Today, context.Config.Check, NoHistory.Instance), [tick]);
        try
        {
            ConditionalWriter.Default.Write(context.Root, new FileWrite(fullPath, item.Document.Source.ContentHash, result.Final.Bytes, item.Document.Path));
        }
        catch (PunchlistException) when (CurrentETag(fullPath) is { } now && now != item.ETag)
        {
            throw new PreconditionFailedException($"{item.Document.Path} changed on disk while it was being written; nothing was written", now);
        }

        return new WriteOutcome(true, $"\"{result.Final.ContentHash}\"", item.Address, result.Diff().ToString());
    }

    private static string? CurrentETag(string fullPath)
    {
        try
        {
            return $"\"{Text.SourceText.Hash(File.ReadAllBytes(fullPath))}\"";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>If-Match as RFC 9110 compares it for a write: strong comparison against any listed tag, or `*`.</summary>
    public static bool ETagMatches(string ifMatch, string etag) =>
        ifMatch.Trim() == "*" || ifMatch.Split(',').Select(t => t.Trim()).Any(t => !t.StartsWith("W/", StringComparison.Ordinal) && t == etag);
}
