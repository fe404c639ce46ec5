using System.Text;
using System.Text.Json;
using Punchlist.Analysis;
using Punchlist.Cli.Commands;
using Punchlist.Cli.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Storage;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Json;

/// <summary>
/// The hand-written status writer writes exactly the bytes the source-generated serializer writes for
/// the same report: the records stay the one definition of `punchlist.status/1`.
/// </summary>
public sealed class StatusJsonWriterTests
{
    public static TheoryData<string, string?> Workspaces() => new()
    {
        { "seeds", null },
        { "seeds", "priority" },
        { "seeds", "section" },
        { "seeds", "owner" },
        { "real", null },
        { "real", "document" },
    };

    [CorpusTheory]
    [MemberData(nameof(Workspaces))]
    public void Writes_what_the_serializer_writes_for_a_corpus_workspace(string folder, string? by)
    {
        using var workspace = WorkspaceIndex.Scan([Path.Combine(Repo.Shared, "corpus", folder)], new IndexOptions { InMemory = true, KeepDocuments = true });
        var grouping = by is null ? (GroupBy?)null : Enum.Parse<GroupBy>(by, ignoreCase: true);
        var report = StatusCommand.Build(workspace.Summaries, grouping is null ? null : workspace.Documents, workspace.Checks(Punch.Today).ByPath, grouping, Punch.Today);
        Assert.NotEmpty(report.Documents);
        Assert.Equal(Serialized(report), Written(report));
    }

    [Fact]
    public void Writes_nulls_and_escapes_as_the_serializer_does()
    {
        var tiers = new Dictionary<string, PriorityCountJson>(StringComparer.Ordinal) { ["P0"] = new(1, 0), ["none"] = new(0, 0) };
        var counts = new StateCountsJson(1, 1, 0, 0, 0, 0);
        var empty = new ProgressJson("items", 0, 0, null);
        var document = new DocumentStatusJson("docs/\"quoted\" <b>&amp;</b> \u00e9\u2713.md", null, counts, new BoxCountJson(2, 1), new BoxCountJson(0, 0), tiers,
            empty, 0, 0, new FindingCountsJson(0, 0, 0, 0), new VerificationJson(0, 0, 0, 0));
        var titled = document with { Path = "b.md", Title = "Tab\there, line\nbreak, emoji \ud83d\ude80", Progress = new ProgressJson("items", 1, 3, 33) };
        var totals = new TotalsJson(2, counts, new BoxCountJson(2, 1), new BoxCountJson(0, 0), tiers, empty, 1, 2, new FindingCountsJson(3, 1, 1, 1), new VerificationJson(1, 1, 0, 0));
        var report = new StatusJson(StatusCommand.Schema, "2026-11-21", [document, titled], totals,
            [new GroupJson("owner", "@\u00e5sa", counts, new BoxCountJson(0, 0), empty, 0), new GroupJson("owner", null, counts, new BoxCountJson(0, 0), empty, 0)]);
        Assert.Equal(Serialized(report), Written(report));
        Assert.Equal(Serialized(report with { Groups = null }), Written(report with { Groups = null }));
    }

    private static string Serialized(StatusJson report) => JsonSerializer.Serialize(report, JsonOutput.Options.GetTypeInfo(typeof(StatusJson)));

    private static string Written(StatusJson report)
    {
        using var stream = new MemoryStream();
        StatusJsonWriter.Write(stream, report);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
