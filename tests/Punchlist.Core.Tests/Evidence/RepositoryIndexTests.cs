using Punchlist.Evidence.Files;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Evidence;

/// <summary>The files evidence looks through: what is skipped, what .gitignore files leave out, what is stamped.</summary>
public sealed class RepositoryIndexTests
{
    [Fact]
    public void Ignored_and_vendored_files_are_left_out_and_every_gitignore_read_is_stamped()
    {
        using var workspace = new TempWorkspace()
            .Write(".gitignore", "*.log\nbuild/\n")
            .Write("app/.gitignore", "secrets/*\n!secrets/README.md\n")
            .Write("app/main.py", "print()\n")
            .Write("app/run.log", "noise\n")
            .Write("app/secrets/key.pem", "x\n")
            .Write("app/secrets/README.md", "# keep\n")
            .Write("build/out.bin", "x\n")
            .Write("node_modules/pkg/index.js", "x\n")
            .Write("Dockerfile", "FROM scratch\n");

        var index = RepositoryIndex.Build(workspace.Root);

        Assert.Equal([".gitignore", "Dockerfile", "app/.gitignore", "app/main.py", "app/secrets/README.md", "punchlist.yml"], index.Files); // TempWorkspace writes punchlist.yml
        Assert.False(index.Truncated);
        Assert.Contains(index.Stamps, s => s is { Path: ".gitignore", Folder: false } && s.Size == 13); // "*.log\nbuild/\n"
        Assert.Contains(index.Stamps, s => s is { Path: "app/.gitignore", Folder: false });
        Assert.Contains(index.Stamps, s => s is { Path: "app/secrets", Folder: true });
        Assert.DoesNotContain(index.Stamps, s => s.Path.StartsWith("build", StringComparison.Ordinal) || s.Path.StartsWith("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public void The_walk_stops_at_its_limit_and_says_so()
    {
        using var workspace = new TempWorkspace();
        for (int i = 0; i < 5; i++)
        {
            workspace.Write($"f{i}.txt", "x\n");
        }

        var index = RepositoryIndex.Build(workspace.Root, maxFiles: 3);
        Assert.Equal(3, index.Files.Count);
        Assert.True(index.Truncated);
    }
}
