using Punchlist.Analysis.Findings;

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

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            foreach (var list in new[] { ItemIds, PlanIds, Paths, Globs })
            {
                writer.Write7BitEncodedInt(list.Count);
                foreach (var (question, answer) in list)
                {
                    writer.Write(question);
                    writer.Write(answer);
                }
            }

            writer.Write7BitEncodedInt(Probes.Count);
            foreach (var (probe, ok) in Probes)
            {
                writer.Write(probe);
                writer.Write((byte)(ok switch { null => 0, false => 1, true => 2 }));
            }
        }

        return stream.ToArray();
    }

    public static Lookups Decode(byte[]? blob)
    {
        if (blob is null)
        {
            return None;
        }

        using var reader = new BinaryReader(new MemoryStream(blob));
        var lists = new List<KeyValuePair<string, bool>>[4];
        for (int l = 0; l < lists.Length; l++)
        {
            lists[l] = new List<KeyValuePair<string, bool>>(reader.Read7BitEncodedInt());
            for (int i = lists[l].Capacity; i > 0; i--)
            {
                lists[l].Add(new(reader.ReadString(), reader.ReadBoolean()));
            }
        }

        var probes = new List<KeyValuePair<string, bool?>>(reader.Read7BitEncodedInt());
        for (int i = probes.Capacity; i > 0; i--)
        {
            probes.Add(new(reader.ReadString(), reader.ReadByte() switch { 0 => null, 1 => false, _ => true }));
        }

        return new Lookups(lists[0], lists[1], lists[2], lists[3], probes);
    }
}
