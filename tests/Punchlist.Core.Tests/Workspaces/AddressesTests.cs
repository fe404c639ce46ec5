using Punchlist.Reading;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Workspaces;

public sealed class AddressesTests
{
    private static readonly Workspace Seeds = WorkspaceLoader.Load([Repo.Seeds]);

    [CorpusTheory]
    [InlineData("data-platform-todo.md#P0-001", "data-platform-todo.md#P0-001")]
    [InlineData("data-platform-todo.md#p0-001", "data-platform-todo.md#P0-001")]
    [InlineData("MH-004", "data-platform-todo.md#MH-004")]
    [InlineData("plan-infrastructure-devops.md#ci-cd-pipeline/set-up-ci-cd-pipeline", "plan-infrastructure-devops.md#ci-cd-pipeline/set-up-ci-cd-pipeline")]
    public void Addresses_resolve(string address, string expected)
    {
        var (document, item) = Addresses.Resolve(Seeds, address);
        Assert.Equal(expected, Workspace.Address(document, item));
    }

    [CorpusFact]
    public void An_id_in_two_documents_is_ambiguous_and_names_both()
    {
        var error = Assert.Throws<PunchlistException>(() => Addresses.Resolve(Seeds, "P0-001"));
        Assert.Equal("'P0-001' is ambiguous: data-platform-todo.md#P0-001, optimization-health-todos.md#P0-001", error.Message);
    }

    [CorpusTheory]
    [InlineData("nope.md#P0-001", "no document 'nope.md'")]
    [InlineData("data-platform-todo.md#ZZ-999", "no item 'data-platform-todo.md#ZZ-999'")]
    [InlineData("data-platform-todo.md#", "names no item")]
    public void Unknown_addresses_are_errors(string address, string expected)
    {
        var error = Assert.Throws<PunchlistException>(() => Addresses.Resolve(Seeds, address));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_unique_within_every_corpus_document()
    {
        foreach (string file in Repo.CorpusFiles())
        {
            var document = DocumentReader.Default.Read(Repo.CaseName(file), File.ReadAllBytes(file));
            var duplicates = document.Items.GroupBy(i => i.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, $"{Repo.CaseName(file)} repeats keys {string.Join(", ", duplicates)}");
        }
    }
}
