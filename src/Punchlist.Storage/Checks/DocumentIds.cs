using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Punchlist.Search;

namespace Punchlist.Storage.Checks;

/// <summary>
/// The IDs a document gives the workspace — its items' IDs and its own plan ID — as the index keeps
/// them: the item IDs one per line, and a 64-bit hash of the whole set. The sum of the hashes of the
/// documents in scope changes whenever any document's set does, which is all a cached check that
/// looked IDs up needs to know to stay valid.
/// </summary>
internal readonly record struct DocumentIds(string? ItemIds, string? PlanId, long Hash)
{
    public static DocumentIds Of(DocumentRecord? record)
    {
        if (record is null)
        {
            return default;
        }

        var ids = record.Items.Select(i => i.Id).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count == 0 && record.PlanId is null)
        {
            return default;
        }

        var canonical = new StringBuilder();
        foreach (string id in ids.Select(i => i.ToUpperInvariant()).Order(StringComparer.Ordinal))
        {
            canonical.Append("item:").Append(id).Append('\n');
        }

        if (record.PlanId is { } plan)
        {
            canonical.Append("plan:").Append(plan.ToUpperInvariant()).Append('\n');
        }

        long hash = BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return new DocumentIds(ids.Count == 0 ? null : string.Join('\n', ids), record.PlanId, hash);
    }
}
