using Punchlist.Reading;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Reading;

/// <summary>Keys are assigned for a whole document on first use; the order of asking must not matter.</summary>
public sealed class KeyTests
{
    private const string Repeats = "## CI\n\n- [ ] Ship it\n- [ ] Ship it\n- [ ] Ship it\n\n## Docs\n\n- [ ] Ship it\n";

    [Fact]
    public void Asking_the_last_item_first_gives_the_same_keys_as_asking_in_order()
    {
        var inOrder = DocumentReader.Default.Read("a.md", System.Text.Encoding.UTF8.GetBytes(Repeats)).Items.Select(i => i.Key).ToList();
        var items = DocumentReader.Default.Read("a.md", System.Text.Encoding.UTF8.GetBytes(Repeats)).Items;

        Assert.Equal("docs/ship-it", items[^1].Key);
        Assert.Equal(["ci/ship-it", "ci/ship-it~2", "ci/ship-it~3", "docs/ship-it"], inOrder);
        Assert.Equal(inOrder, items.Select(i => i.Key));
    }

    [CorpusFact]
    public void Keys_asked_for_from_many_threads_at_once_are_the_keys_of_a_sequential_read()
    {
        foreach (string file in Directory.GetFiles(Repo.Seeds))
        {
            byte[] bytes = File.ReadAllBytes(file);
            var expected = DocumentReader.Default.Read(file, bytes).Items.Select(i => i.Key).ToList();
            var items = DocumentReader.Default.Read(file, bytes).Items;

            var keys = new string[items.Count];
            Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => keys[items.Count - 1 - i] = items[items.Count - 1 - i].Key);

            Assert.Equal(expected, keys);
        }
    }
}
