using Punchlist.Workspaces;

namespace Punchlist.Bench.Contenders;

/// <summary>The whole reader keeping the whole model of every tracker, as `punch list` and `show` load it.</summary>
internal sealed class PunchlistLoad : IContender
{
    public string Name => "punchlist load (model kept)";

    public bool InProcess => true;

    public Outcome Run(string tree)
    {
        var workspace = WorkspaceLoader.Load([tree]);
        return workspace.Documents.Sum(d => (long)d.Checkboxes.Count);
    }
}
