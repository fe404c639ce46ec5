using Punchlist.Storage;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Mcp;

/// <summary>
/// The workspace an MCP session works on: one folder, read afresh on every call (through the index, so
/// a call reads only what changed since the last), judged against <see cref="Today"/>. Calls run one at
/// a time: the index has one writer, and a write must not interleave with a read of the same file.
/// </summary>
/// <param name="written">Told the path of each tracker a tool wrote, once it is on disk (`punch serve` rescans it at once, for its pages and live stream).</param>
public sealed class McpWorkspace(string folder, Func<DateOnly> today, bool readOnly, bool indexInMemory, Action<string> warn, Action<string>? written = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The folder the session was started for (`--root`, or where `punch mcp` started).</summary>
    public string Folder { get; } = folder;

    public DateOnly Today => today();

    /// <summary>Whether the session may change trackers (`--read-only` hides the tools that write).</summary>
    public bool ReadOnly { get; } = readOnly;

    /// <summary>Says that a tool wrote the tracker at <paramref name="path"/> (relative to the workspace's root).</summary>
    internal void Wrote(string path) => written?.Invoke(path);

    /// <summary>Runs <paramref name="work"/> alone: no other call of this session runs meanwhile.</summary>
    public T Run<T>(Func<T> work)
    {
        _gate.Wait();
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The trackers through the index (its facts, queries and documents by address), brought up to date.</summary>
    public IndexedWorkspace Scan(bool factsOnly = false, bool keepDocuments = false) =>
        WorkspaceIndex.Scan([Folder], new IndexOptions { InMemory = indexInMemory, FactsOnly = factsOnly, KeepDocuments = keepDocuments, Warn = warn });

    /// <summary>The history of the trackers in git, brought up to date (see <see cref="HistoryIndex"/>; not ready outside git).</summary>
    public HistoryIndex History()
    {
        string root = Discovery.FindRoot(Folder);
        return HistoryIndex.Open(root, ConfigLoader.Load(root), new IndexOptions { InMemory = indexInMemory, Warn = warn });
    }

    /// <summary>Every tracker parsed, for what needs the whole model: findings, evidence.</summary>
    public Workspace Load()
    {
        var workspace = WorkspaceLoader.Load([Folder]);
        foreach (string warning in workspace.Warnings)
        {
            warn(warning);
        }

        return workspace;
    }
}
