using Punchlist.Analysis.Policies;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Analysis;

/// <summary>The checked-out commit, read from `.git` files as git lays them out, without running git.</summary>
public sealed class GitHeadTests
{
    [Fact]
    public void A_branch_resolves_through_a_loose_ref()
    {
        using var workspace = new TempWorkspace()
            .Write(".git/HEAD", "ref: refs/heads/main\n")
            .Write(".git/refs/heads/main", "1111111111111111111111111111111111111111\n");
        Assert.Equal("1111111111111111111111111111111111111111", GitHead.Of(workspace.Path("docs")));
    }

    [Fact]
    public void A_worktree_resolves_through_its_gitdir_commondir_and_packed_refs()
    {
        using var workspace = new TempWorkspace()
            .Write("tree/.git", "gitdir: ../repo/worktrees/tree\n")
            .Write("repo/worktrees/tree/HEAD", "ref: refs/heads/feature\n")
            .Write("repo/worktrees/tree/commondir", "../..\n")
            .Write("repo/packed-refs", "# pack-refs with: peeled\n2222222222222222222222222222222222222222 refs/heads/feature\n");
        Assert.Equal("2222222222222222222222222222222222222222", GitHead.Of(workspace.Path("tree")));
    }

    [Fact]
    public void A_detached_head_is_its_commit_and_an_unborn_branch_its_name()
    {
        using var detached = new TempWorkspace().Write(".git/HEAD", "3333333333333333333333333333333333333333\n");
        Assert.Equal("3333333333333333333333333333333333333333", GitHead.Of(detached.Root));
        using var unborn = new TempWorkspace().Write(".git/HEAD", "ref: refs/heads/main\n");
        Assert.Equal("ref:refs/heads/main", GitHead.Of(unborn.Root));
    }
}
