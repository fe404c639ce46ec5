using System.Text.Json;
using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>
/// Pull request and issue templates and changelogs hold boxes that are not work (a form each request
/// copies, the history of releases): a folder's walk leaves them out unless punchlist.yml names them,
/// and a file named on the command line is read whatever its name.
/// </summary>
public sealed class NotTrackerFilesTests
{
    private static Workdir Repository() => new Workdir()
        .Write("TODO.md", "- [ ] Real work\n")
        .Write("changes-needed.md", "- [ ] Also real work\n")
        .Write(".github/PULL_REQUEST_TEMPLATE.md", "- [ ] Tests added\n- [ ] Docs updated\n")
        .Write(".github/pull_request_template/feature.md", "- [ ] Flag added\n")
        .Write(".github/ISSUE_TEMPLATE/bug.md", "- [ ] I searched the issues\n")
        .Write(".gitlab/merge_request_templates/Default.md", "- [ ] Reviewed\n")
        .Write("docs/pull_request_template.md", "- [ ] Linked the issue\n")
        .Write("CHANGELOG.md", "## 1.0\n- [x] Shipped the thing\n")
        .Write("docs/CHANGELOG-2024.md", "- [x] Shipped in 2024\n")
        .Write("HISTORY.md", "- [x] Old\n")
        .Write("CHANGES.md", "- [x] Older\n")
        .Write("docs/release-notes.md", "- [x] Noted\n")
        .Write("RELEASE_NOTES.md", "- [x] Also noted\n");

    [Fact]
    public void Templates_and_changelogs_are_not_trackers_by_default()
    {
        using var work = Repository();
        Assert.Equal(["TODO.md", "changes-needed.md"], Paths(work, work.Root));
    }

    [Fact]
    public void An_include_pattern_that_names_them_brings_them_back_and_a_wildcard_does_not()
    {
        using var work = Repository();
        work.Write("punchlist.yml", "include: [\"**/*.md\"]\n");
        Assert.Equal(["TODO.md", "changes-needed.md"], Paths(work, work.Root));
        work.Write("punchlist.yml", "include: [\"*.md\", \"CHANGELOG.md\", \".github/ISSUE_TEMPLATE/*.md\"]\n");
        Assert.Equal([".github/ISSUE_TEMPLATE/bug.md", "CHANGELOG.md", "TODO.md", "changes-needed.md"], Paths(work, work.Root));
    }

    [Fact]
    public void A_template_named_on_the_command_line_is_read()
    {
        using var work = Repository();
        Assert.Equal([".github/PULL_REQUEST_TEMPLATE.md"], Paths(work, work[".github/PULL_REQUEST_TEMPLATE.md"]));
    }

    private static List<string> Paths(Workdir work, string path)
    {
        var (exit, output, error) = work.Punch("status", "--json", path);
        Assert.Equal((0, string.Empty), (exit, error));
        using var status = JsonDocument.Parse(output);
        return [.. status.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).Order(StringComparer.Ordinal)];
    }
}
