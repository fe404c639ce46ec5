using System.Text;
using Punchlist.History.Git;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.History;

/// <summary>
/// A repository can hold a blob of any size (a 3 GB `*.md` committed once): history passes over one
/// past a tracker's limit, as the workspace's own file would be, and the answers after it stay in step.
/// </summary>
public sealed class BlobReaderTests : IDisposable
{
    private readonly GitRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_blob_past_the_limit_is_passed_over_and_the_next_answers_stay_in_step()
    {
        _repo.Write("small.md", "# S\n\n- [ ] a\n").Write("big.md", "# B\n\n" + new string('x', 4000) + "\n").Commit("2025-01-06");
        string small = _repo.Git("rev-parse", "HEAD:small.md").Trim();
        string big = _repo.Git("rev-parse", "HEAD:big.md").Trim();

        using var reader = BlobReader.Open(new HistoryGit(_repo.Root), maxBytes: 1000)!;

        Assert.Null(reader.Read(big));
        Assert.Equal("# S\n\n- [ ] a\n", Encoding.UTF8.GetString(reader.Read(small)!));
        var many = reader.ReadMany([big, small, big, small]).ToList();
        Assert.Equal([null, "# S\n\n- [ ] a\n", null, "# S\n\n- [ ] a\n"], many.Select(b => b.Bytes is null ? null : Encoding.UTF8.GetString(b.Bytes)));
    }
}
