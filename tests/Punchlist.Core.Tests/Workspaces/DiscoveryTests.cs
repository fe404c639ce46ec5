using Punchlist.Workspaces;

namespace Punchlist.Tests.Workspaces;

public sealed class DiscoveryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "punchlist-discovery-" + Guid.NewGuid().ToString("N"));

    public DiscoveryTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Write("TODO.md", "- [ ] a\n");
        Write("docs/plan.markdown", "- [ ] b\n");
        Write("docs/readme.txt", "- [ ] not markdown\n");
        Write("node_modules/pkg/TODO.md", "- [ ] vendored\n");
        Write("bin/Debug/TODO.md", "- [ ] built\n");
        Write("build/out/TODO.md", "- [ ] ignored by .gitignore\n");
        Write("docs/archive/old.md", "- [ ] ignored by a nested .gitignore\n");
        Write("docs/archive/keep.md", "- [ ] re-included\n");
        Write(".gitignore", "# comment\nbuild/\n");
        Write("docs/.gitignore", "archive/*\n!archive/keep.md\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Markdown_files_are_found_and_ignored_folders_skipped()
    {
        var files = Discovery.Find(_root, [_root], PunchlistConfig.Empty).Select(f => f.RelativePath);
        Assert.Equal(["TODO.md", "docs/archive/keep.md", "docs/plan.markdown"], files);
    }

    [Fact]
    public void Find_and_ForEach_find_the_same_files_once_each_through_nested_folders_and_rules()
    {
        // Many folders, nested .gitignore files and globs, taken by every core: Find sorts what it
        // collects, ForEach hands each file to its visitor on the core that found it.
        for (int i = 0; i < 40; i++)
        {
            Write($"area{i % 7}/team{i}/TODO.md", "- [ ] x\n");
            Write($"area{i % 7}/team{i}/deep/er/notes{i}.md", "- [ ] y\n");
            Write($"area{i % 7}/team{i}/skip/me.md", "- [ ] z\n");
        }

        Write("area3/.gitignore", "skip/\n");
        var config = PunchlistConfig.Empty with { Exclude = ["area5/**/deep/**"] };
        var found = Discovery.Find(_root, [_root], config);
        var visited = new System.Collections.Concurrent.ConcurrentBag<string>();
        Discovery.ForEach(_root, [_root], config, f => visited.Add(f.RelativePath));
        Assert.Equal(visited.Order(StringComparer.Ordinal), found.Select(f => f.RelativePath));
        Assert.Equal(found.Count, found.Select(f => f.RelativePath).Distinct().Count());
        Assert.DoesNotContain(found, f => f.RelativePath.StartsWith("area3/", StringComparison.Ordinal) && f.RelativePath.Contains("/skip/", StringComparison.Ordinal));
        Assert.Contains(found, f => f.RelativePath.StartsWith("area4/", StringComparison.Ordinal) && f.RelativePath.Contains("/skip/", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.RelativePath.StartsWith("area5/", StringComparison.Ordinal) && f.RelativePath.Contains("/deep/", StringComparison.Ordinal));
        Assert.All(found, f => Assert.True(f.Length > 0));
        Assert.Equal(3 + (3 * 40) - 6 - 5, found.Count); // area3 holds 6 teams, area5 5
    }

    [Fact]
    public void Include_and_exclude_globs_apply_relative_to_the_root()
    {
        var config = PunchlistConfig.Empty with { Include = ["docs/**"], Exclude = ["**/keep.md"] };
        var files = Discovery.Find(_root, [_root], config).Select(f => f.RelativePath);
        Assert.Equal(["docs/plan.markdown"], files);
    }

    [Fact]
    public void A_file_named_explicitly_is_read_even_if_ignored()
    {
        var files = Discovery.Find(_root, [Path.Combine(_root, "build", "out", "TODO.md")], PunchlistConfig.Empty);
        var file = Assert.Single(files);
        Assert.True(file.Explicit);
        Assert.Equal("build/out/TODO.md", file.RelativePath);
    }

    [Fact]
    public void The_root_is_the_nearest_folder_with_git_or_punchlist_yml()
    {
        Assert.Equal(_root, Discovery.FindRoot(Path.Combine(_root, "docs")));
        Write("docs/punchlist.yml", "include: ['*.md']\n");
        Assert.Equal(Path.Combine(_root, "docs"), Discovery.FindRoot(Path.Combine(_root, "docs", "plan.markdown")));
    }

    [Fact]
    public void Loading_reads_only_trackers_and_reports_counts()
    {
        Write("docs/guide.md", "# Guide\n\nNo tasks here.\n");
        var workspace = WorkspaceLoader.Load([_root]);
        Assert.Equal(["TODO.md", "docs/archive/keep.md", "docs/plan.markdown"], workspace.Documents.Select(d => d.Path));
        Assert.Equal(4, workspace.FilesFound);
        Assert.Equal(3, workspace.FilesParsed);
    }

    [Fact]
    public void Scanning_keeps_what_the_caller_makes_of_each_tracker_in_path_order()
    {
        Write("docs/guide.md", "# Guide\n\nNo tasks here.\n");
        var scan = WorkspaceLoader.Scan([_root], d => $"{d.Path}:{d.Checkboxes.Count}");
        Assert.Equal(["TODO.md:1", "docs/archive/keep.md:1", "docs/plan.markdown:1"], scan.Results);
        Assert.Equal(4, scan.FilesFound);
        Assert.Equal(3, scan.FilesParsed);
    }

    [Fact]
    public void Symbolic_links_to_folders_are_not_followed_but_links_to_files_are_read()
    {
        Write("elsewhere/TODO.md", "- [ ] c\n");
        Directory.CreateSymbolicLink(Path.Combine(_root, "docs", "linked"), Path.Combine(_root, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(_root, "docs", "alias.md"), Path.Combine(_root, "TODO.md"));
        var files = Discovery.Find(_root, [Path.Combine(_root, "docs")], PunchlistConfig.Empty).Select(f => f.RelativePath);
        Assert.Equal(["docs/alias.md", "docs/archive/keep.md", "docs/plan.markdown"], files);
    }

    [Fact]
    public void Every_byte_of_a_large_file_is_read_and_an_empty_named_file_is_kept()
    {
        Write("big.md", new string('x', 3 * 1024 * 1024) + "\n\n- [ ] at the very end\n");
        Write("empty.md", string.Empty);
        var workspace = WorkspaceLoader.Load([_root, Path.Combine(_root, "empty.md")]);
        var big = workspace.Documents.Single(d => d.Path == "big.md");
        Assert.Equal(new FileInfo(Path.Combine(_root, "big.md")).Length, big.Source.Bytes.Length);
        Assert.Single(big.Checkboxes);
        Assert.Contains(workspace.Documents, d => d.Path == "empty.md" && d.Items.Count == 0);
    }

    [Fact]
    public void Overlapping_paths_find_each_file_once_and_a_named_file_stays_explicit()
    {
        string named = Path.Combine(_root, "docs", "plan.markdown");
        var files = Discovery.Find(_root, [Path.Combine(_root, "docs"), _root, named], PunchlistConfig.Empty);
        Assert.Equal(["TODO.md", "docs/archive/keep.md", "docs/plan.markdown"], files.Select(f => f.RelativePath));
        Assert.Equal(["docs/plan.markdown"], files.Where(f => f.Explicit).Select(f => f.RelativePath));
    }

    [Fact]
    public void What_the_caller_throws_while_scanning_comes_out_as_itself()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WorkspaceLoader.Scan<int>([_root], _ => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public void A_missing_path_is_a_user_error()
    {
        var error = Assert.Throws<PunchlistException>(() => WorkspaceLoader.Load([Path.Combine(_root, "nope")]));
        Assert.Contains("no such file or folder", error.Message, StringComparison.Ordinal);
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
