using Punchlist.Analysis.Findings;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage.Checks;

/// <summary>
/// A document's cached <see cref="CheckCounts"/> and what they were computed from besides its bytes
/// and punchlist.yml (a change to either drops the row): the day, when a rule read it; the git
/// commit, when the creation clock was asked; the workspace's ID fingerprint, when IDs were looked
/// up; whether probes or globs looked at the repository; and every recorded question with its answer.
/// </summary>
internal sealed record CheckRow(long DocumentId, int? Today, string? Head, long? IdsKey, bool Repository, CheckCounts Counts, Lookups Lookups);

/// <summary>The questions a check asked outside its document, with the answers it got (see <see cref="Consulted"/>).</summary>
internal sealed record Lookups(
    IReadOnlyList<KeyValuePair<string, bool>> ItemIds,
    IReadOnlyList<KeyValuePair<string, bool>> PlanIds,
    IReadOnlyList<KeyValuePair<string, bool>> Paths,
    IReadOnlyList<KeyValuePair<string, bool>> Globs,
    IReadOnlyList<KeyValuePair<string, bool?>> Probes)
{
    public static readonly Lookups None = new([], [], [], [], []);

    public bool IsEmpty => ItemIds.Count + PlanIds.Count + Paths.Count + Globs.Count + Probes.Count == 0;

    public static Lookups Of(Consulted consulted) => new([.. consulted.ItemIds], [.. consulted.PlanIds], [.. consulted.Paths], [.. consulted.Globs], [.. consulted.Probes]);

    public byte[]? Encode()
    {
        if (IsEmpty)
        {
            return null;
        }

        // The same bytes BinaryWriter wrote before the codecs shared VarintWriter: rows stay readable.
        var writer = new VarintWriter(256);
        foreach (var list in new[] { ItemIds, PlanIds, Paths, Globs })
        {
            writer.Int(list.Count);
            foreach (var (question, answer) in list)
            {
                writer.String(question);
                writer.Byte(answer ? (byte)1 : (byte)0);
            }
        }

        writer.Int(Probes.Count);
        foreach (var (probe, ok) in Probes)
        {
            writer.String(probe);
            writer.Byte((byte)(ok switch { null => 0, false => 1, true => 2 }));
        }

        return writer.ToArray();
    }

    public static Lookups Decode(byte[]? blob)
    {
        if (blob is null)
        {
            return None;
        }

        var reader = new VarintReader(blob);
        var lists = new List<KeyValuePair<string, bool>>[4];
        for (int l = 0; l < lists.Length; l++)
        {
            lists[l] = new List<KeyValuePair<string, bool>>(reader.Int());
            for (int i = lists[l].Capacity; i > 0; i--)
            {
                lists[l].Add(new(reader.String(), reader.Byte() != 0));
            }
        }

        var probes = new List<KeyValuePair<string, bool?>>(reader.Int());
        for (int i = probes.Capacity; i > 0; i--)
        {
            probes.Add(new(reader.String(), reader.Byte() switch { 0 => null, 1 => false, _ => true }));
        }

        return new Lookups(lists[0], lists[1], lists[2], lists[3], probes);
    }
}
