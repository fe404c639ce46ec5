using Punchlist.Evidence;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Evidence;

/// <summary>Files an item names: resolved against the root and the document's folder, globs expanded, outside paths unjudged.</summary>
public sealed class PromisedFilesTests
{
    [Fact]
    public void Paths_resolve_against_the_document_folder_and_the_root_and_globs_expand()
    {
        using var workspace = new TempWorkspace()
            .Write("docs/plans/plan.md", """
                # Plan

                ## PL-1: Build images

                **Status:** Done

                **Files to Create:**

                - `notes.md`
                - `dockerfile/*.Dockerfile`
                - `dockerfile/*.Containerfile`
                - `/README.md`
                - `../../../outside.md`
                - `e:\Apps\backend\`
                - `~/secrets.txt`
                - `/etc/nginx/nginx.conf`
                """)
            .Write("docs/plans/notes.md", "# notes\n")
            .Write("dockerfile/api.Dockerfile", "FROM scratch\n")
            .Write("README.md", "# readme\n");
        var (loaded, evidence) = Fixtures.Load(workspace.Root);
        var records = Fixtures.Item(loaded, evidence, "Build images").Records.Where(r => r.Kind == EvidenceKind.File).ToDictionary(r => r.Ref);

        Assert.True(records["notes.md"].Ok);
        Assert.Equal("docs/plans/notes.md", Assert.Single(records["notes.md"].Citations).File);
        Assert.True(records["dockerfile/*.Dockerfile"].Ok);
        Assert.False(records["dockerfile/*.Containerfile"].Ok);
        Assert.True(records["/README.md"].Ok);
        Assert.Null(records[@"e:\Apps\backend\"].Ok);
        Assert.Null(records["~/secrets.txt"].Ok);
        Assert.Null(records["/etc/nginx/nginx.conf"].Ok);
        Assert.Null(records["../../../outside.md"].Ok);
        Assert.All(records.Values.Where(r => r.Ok is not null), r => Assert.True(r.Decisive));
        Assert.All(records.Values.Where(r => r.Ok is null), r => Assert.False(r.Decisive));
    }

    [Fact]
    public void A_repository_walk_stopped_at_the_file_limit_is_reported_because_globs_miss_the_files_past_it()
    {
        using var workspace = new TempWorkspace()
            .Write("TODO.md", """
                # T

                ## T-1: Write the notes

                **Status:** Done

                **Files to Create:**

                - `zz/*.md`
                """)
            .Write("a.md", "a\n")
            .Write("zz/late.md", "late\n");
        var (loaded, evidence) = Fixtures.Load(workspace.Root, new EvidenceOptions { MaxFiles = 2 });
        Assert.Empty(evidence.Warnings()); // nothing has walked the repository yet

        var glob = Fixtures.Item(loaded, evidence, "Write the notes").Records.Single(r => r.Kind == EvidenceKind.File);
        Assert.False(glob.Ok); // the walk listed TODO.md and a.md, then stopped
        Assert.Equal("the repository walk stopped at 2 files; probes and globs did not see the files past them, so some evidence may be missing", Assert.Single(evidence.Warnings()));

        var (_, whole) = Fixtures.Load(workspace.Root);
        Assert.True(Fixtures.Item(loaded, whole, "Write the notes").Records.Single(r => r.Kind == EvidenceKind.File).Ok);
        Assert.Empty(whole.Warnings());
    }

    [Fact]
    public void Mentioned_files_and_files_to_be_removed_do_not_decide()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", """
            # T

            ## T-1: Clean up

            **Status:** Done

            Rename `old-name/` to `new-name/`.

            **Files to Modify:**

            - `legacy/SUMMARY.md` (remove)
            - `kept.md`
            """).Write("kept.md", "x\n");
        var (loaded, evidence) = Fixtures.Load(workspace.Root);
        var item = Fixtures.Item(loaded, evidence, "Clean up");
        var files = item.Records.Where(r => r.Kind == EvidenceKind.File).ToDictionary(r => r.Ref);

        Assert.False(files["old-name/"].Decisive);
        Assert.Equal("mentioned, absent", files["old-name/"].Detail);
        Assert.False(files["legacy/SUMMARY.md"].Decisive);
        Assert.Contains("removes it", files["legacy/SUMMARY.md"].Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Verified, item.Verdict);
    }

    [Fact]
    public void An_open_item_whose_promised_files_all_exist_may_be_done()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", """
            # T

            ## T-1: Write the guide

            **Status:** Not Started

            **Output Files:**
            - `docs/guide.md`

            ## T-2: Write the FAQ

            **Status:** Not Started

            **Output Files:**
            - `docs/faq.md`
            """).Write("docs/guide.md", "# guide\n");
        var (loaded, evidence) = Fixtures.Load(workspace.Root);
        Assert.True(Fixtures.Item(loaded, evidence, "Write the guide").MayBeDone);
        Assert.False(Fixtures.Item(loaded, evidence, "Write the FAQ").MayBeDone);
        Assert.Equal(Verdict.Unknown, Fixtures.Item(loaded, evidence, "Write the FAQ").Verdict);
    }

    [Fact]
    public void A_done_item_missing_a_promised_file_is_contradicted()
    {
        var (loaded, evidence) = Fixtures.Load(Fixtures.Unready);
        var item = Fixtures.Item(loaded, evidence, "Backup scripts");
        Assert.Equal(Verdict.Contradicted, item.Verdict);
        Assert.Contains(item.Failing, r => r is { Kind: EvidenceKind.File, Ref: "scripts/backup-db.sh" });
        Assert.Contains(item.Records, r => r is { Ref: "docker-compose.yml", Ok: true });
    }
}
