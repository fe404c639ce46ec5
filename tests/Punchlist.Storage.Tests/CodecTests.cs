using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Model;
using Punchlist.Storage.Checks;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage.Tests;

/// <summary>The blobs the index keeps read back as they were written, in BinaryWriter's varint format.</summary>
public sealed class CodecTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(300)]
    [InlineData(16_384)]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    public void Integers_are_written_as_binary_writer_writes_them_and_read_back(int value)
    {
        var writer = new VarintWriter(4);
        writer.Int(value);
        byte[] written = writer.ToArray();

        using var stream = new MemoryStream();
        using (var binary = new BinaryWriter(stream))
        {
            binary.Write7BitEncodedInt(value);
        }

        Assert.Equal(stream.ToArray(), written);
        Assert.Equal(value, new VarintReader(written).Int());
    }

    [Fact]
    public void Lookups_read_back_whole_from_the_bytes_binary_writer_wrote()
    {
        var lookups = new Lookups(
            [new("MH-001", true), new("P0-999", false)],
            [new("PLAN-e962d61", true)],
            [new("docs/ü-notes.md", false)],
            [new("dockerfile/*.Dockerfile", true)],
            [new("docker:api", true), new("helm:chart", false), new("k8s:probe", null)]);

        // Rows cached before the codecs shared VarintWriter were written this way: they must still read.
        using var stream = new MemoryStream();
        using (var binary = new BinaryWriter(stream))
        {
            foreach (var list in new[] { lookups.ItemIds, lookups.PlanIds, lookups.Paths, lookups.Globs })
            {
                binary.Write7BitEncodedInt(list.Count);
                foreach (var (question, answer) in list)
                {
                    binary.Write(question);
                    binary.Write(answer);
                }
            }

            binary.Write7BitEncodedInt(lookups.Probes.Count);
            foreach (var (probe, ok) in lookups.Probes)
            {
                binary.Write(probe);
                binary.Write((byte)(ok switch { null => 0, false => 1, true => 2 }));
            }
        }

        Assert.Equal(stream.ToArray(), lookups.Encode());
        var read = Lookups.Decode(stream.ToArray());
        Assert.Equal(lookups.ItemIds, read.ItemIds);
        Assert.Equal(lookups.PlanIds, read.PlanIds);
        Assert.Equal(lookups.Paths, read.Paths);
        Assert.Equal(lookups.Globs, read.Globs);
        Assert.Equal(lookups.Probes, read.Probes);
        Assert.Null(Lookups.None.Encode());
        Assert.True(Lookups.Decode(null).IsEmpty);
    }

    [Fact]
    public void Bytes_and_strings_read_back_in_order()
    {
        var writer = new VarintWriter(0);
        writer.Byte(7);
        writer.String(string.Empty);
        writer.String("Déploiement ✓ 🚀");
        writer.Int(42);
        var reader = new VarintReader(writer.ToArray());
        Assert.Equal(7, reader.Byte());
        Assert.Equal(string.Empty, reader.String());
        Assert.Equal("Déploiement ✓ 🚀", reader.String());
        Assert.Equal(42, reader.Int());
    }

    [Fact]
    public void A_summary_and_check_counts_read_back_whole()
    {
        var summary = new DocumentSummary("a.md", "A", new ItemCounts(9, 3, 2, 2, 1, 1), 20, 7, 12, 5,
            [new TierCount(2, 1), new TierCount(3, 0), new TierCount(0, 0), new TierCount(1, 1), new TierCount(3, 0)],
            [new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), new DateOnly(2026, 11, 21)]);
        var back = SummaryCodec.Decode("a.md", "A", SummaryCodec.Encode(summary));
        Assert.Equal(summary.Items, back.Items);
        Assert.Equal((summary.CheckboxesTotal, summary.CheckboxesChecked, summary.CriteriaTotal, summary.CriteriaChecked),
            (back.CheckboxesTotal, back.CheckboxesChecked, back.CriteriaTotal, back.CriteriaChecked));
        Assert.Equal(summary.ByPriority, back.ByPriority);
        Assert.Equal(summary.OpenDue, back.OpenDue);

        var counts = new CheckCounts(11, 3, 5, 3, 40, 12, 2, 26)
        {
            PastSla =
            [
                new SlaBreach(0, "P0-001", "Rotate the keys", "P0", ItemState.Blocked, "Bo", null, new DateOnly(2026, 11, 8)),
                new SlaBreach(7, "ops/page-on-call", "Page on call ✓", null, ItemState.Open, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 10, 30)),
            ],
        };
        Assert.Equal(counts, CountsCodec.Decode(CountsCodec.Encode(counts)));
        Assert.NotEqual(counts, counts with { PastSla = [counts.PastSla[0]] });
        Assert.Equal(CheckCounts.None, CountsCodec.Decode(CountsCodec.Encode(CheckCounts.None)));
    }

    [Fact]
    public void Check_counts_another_version_wrote_are_no_counts()
    {
        Assert.Null(CountsCodec.Decode([1, 11, 3, 5, 3, 40, 12, 2, 26, 0]));
        Assert.Null(CountsCodec.Decode([3, 11, 3, 5, 3, 40, 12, 2, 26, 0]));
        Assert.Null(CountsCodec.Decode([]));
    }
}
