using System.ComponentModel;
using ModelContextProtocol.Server;
using Punchlist.Analysis.Findings;
using Punchlist.Workspaces;
using Punchlist.Json;

namespace Punchlist.Mcp.Tools;

[McpServerToolType]
internal static class ListFindingsTool
{
    [McpServerTool(Name = "list_findings", Title = "List findings", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        What `punch check` finds in the trackers, most severe first within each document: PL001 a dashboard or summary claims a number the
        items do not add up to; PL002 a status contradicts the item's boxes; PL003 overdue; PL004 past its SLA; PL005 review overdue;
        PL006/PL007 damaged text; PL008 broken reference; PL009 done but promised files missing; PL010 duplicate ID; PL011 P0/P1 with
        no owner; PL012 done but the repository's evidence contradicts it. Each finding has its document, line and column, the item's
        key, what is declared and what is actual. Filter by code, severity, document or item; page with the cursor.
        """)]
    public static FindingsPageJson ListFindings(
        McpWorkspace workspace,
        [Description("Only these rules, by code or name, comma-separated: 'PL003,PL004' or 'overdue'")] string? code = null,
        [Description("Only findings at least this severe: error, warning or note")] string? severity = null,
        [Description("Only this document: its path or the end of it ('ROADMAP.md', 'docs/plans/q3.md')")] string? document = null,
        [Description("Only findings about this item: DOCUMENT#KEY or a KEY")] string? item = null,
        [Description("Findings per page, 1 to 200 (default 50)")] int limit = 50,
        [Description("nextCursor from the previous page of the same filters")] string? cursor = null)
    {
        if (limit is < 1 or > 200)
        {
            throw new PunchlistException($"limit must be between 1 and 200, not {limit}");
        }

        var codes = Codes(code);
        Severity? minimum = severity is null or "" ? null
            : Severities.TryParse(severity, out var parsed) ? parsed
            : throw new PunchlistException($"severity must be error, warning or note, not '{severity}'");
        string request = $"findings\n{code}\n{severity}\n{document}\n{item}";
        int offset = Cursor.Offset(cursor, request);
        return workspace.Run(() =>
        {
            var today = workspace.Today;
            var all = workspace.Load();
            var scope = all;
            (string Path, string Key)? only = null;
            if (item is { Length: > 0 })
            {
                var (d, i) = Addresses.Resolve(all, item);
                only = (d.Path, i.Key);
            }

            if (document is { Length: > 0 })
            {
                string wanted = document.Replace('\\', '/').TrimStart('.', '/');
                var documents = all.Documents.Where(d => Addresses.Names(d.Path, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
                if (documents.Count == 0)
                {
                    throw new PunchlistException($"no tracker '{document}' in the workspace");
                }

                scope = new Workspace { Root = all.Root, Config = all.Config, Documents = documents, FilesFound = all.FilesFound, FilesParsed = all.FilesParsed, Warnings = [] };
            }

            // Checked against the whole workspace (references to other documents resolve), reported for the scope.
            var paths = scope.Documents.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
            var findings = all.Check(today)
                .Where(f => paths.Contains(f.Document)
                    && (codes is null || codes.Contains(f.Code))
                    && (minimum is null || f.Severity >= minimum)
                    && (only is null || (f.Document == only.Value.Path && f.Item == only.Value.Key)))
                .ToList();
            var page = findings.Skip(offset).Take(limit).ToList();
            var totals = FindingMapping.Report(findings, scope.Documents.Count, today, "error", passed: true).Totals;
            return new FindingsPageJson(FindingMapping.Schema, JsonMapping.Date(today), scope.Documents.Count, totals, offset,
                [.. page.Select(FindingMapping.Json)], Cursor.Next(request, offset, page.Count, findings.Count));
        });
    }

    private static HashSet<string>? Codes(string? code)
    {
        var names = (code ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return null;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            var rule = FindingRules.Find(name) ?? FindingRules.Default.FirstOrDefault(r => string.Equals(r.Info.Name, name, StringComparison.OrdinalIgnoreCase));
            codes.Add(rule?.Info.Code ?? throw new PunchlistException(
                $"no rule '{name}': codes are {string.Join(", ", FindingRules.Default.Select(r => r.Info.Code))}, or their names ({string.Join(", ", FindingRules.Default.Select(r => r.Info.Name))})"));
        }

        return codes;
    }
}
