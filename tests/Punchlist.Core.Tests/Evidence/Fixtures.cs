using Punchlist.Evidence;
using Punchlist.Model;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Evidence;

/// <summary>The fixture workspaces under tests/fixtures/evidence: `ready` (every probe passes) and `unready` (every probe fails).</summary>
internal static class Fixtures
{
    public static string Ready => Path.Combine(Repo.Root, "tests", "fixtures", "evidence", "ready");

    public static string Unready => Path.Combine(Repo.Root, "tests", "fixtures", "evidence", "unready");

    public static string Named(string name) => name switch
    {
        "ready" => Ready,
        "unready" => Unready,
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static (Workspace Workspace, WorkspaceEvidence Evidence) Load(string root, EvidenceOptions? options = null)
    {
        var workspace = WorkspaceLoader.Load([root]);
        return (workspace, new WorkspaceEvidence(workspace.Root, options ?? new EvidenceOptions { Probes = workspace.Config.Probes }));
    }

    public static ItemEvidence Item(Workspace workspace, WorkspaceEvidence evidence, string title)
    {
        var (document, item) = workspace.AllItems().Single(m => m.Item.Title == title);
        return evidence.For(document, item);
    }

    public static Item ItemTitled(Workspace workspace, string title) => workspace.AllItems().Single(m => m.Item.Title == title).Item;
}
