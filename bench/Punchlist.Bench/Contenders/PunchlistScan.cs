using Punchlist.Workspaces;

namespace Punchlist.Bench.Contenders;

/// <summary>The whole reader as `punch status` runs it: discover, read, prefilter, parse, derive.</summary>
internal sealed class PunchlistScan : IContender
{
    public string Name => "punchlist (WorkspaceLoader)";

    public bool InProcess => true;

    public Outcome Run(string tree)
    {
        var workspace = WorkspaceLoader.Load([tree]);
        long boxes = 0;
        foreach (var document in workspace.Documents)
        {
            boxes += document.Checkboxes.Count;
        }

        return boxes;
    }
}
