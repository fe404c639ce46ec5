using Punchlist.Analysis;
using Punchlist.Workspaces;

namespace Punchlist.Bench.Contenders;

/// <summary>
/// The whole reader — discover, read, prefilter, parse, derive — keeping per document only the
/// summary `punch status` prints (items by state, boxes, criteria, items by priority, due dates),
/// built by the same code the index stores it with.
/// </summary>
internal sealed class PunchlistScan : IContender
{
    public string Name => "punchlist scan (sums kept)";

    public bool InProcess => true;

    public Outcome Run(string tree)
    {
        var scan = WorkspaceLoader.Scan([tree], document => DocumentSummary.Of(DocumentFacts.Of(document)));
        return scan.Results.Sum(s => (long)s.CheckboxesTotal);
    }
}
