using System.Globalization;
using System.Text;
using System.Text.Json;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Report;

/// <summary>
/// A repository with eleven weeks of history, built commit by commit, whose last week (the report's
/// window, 2026-11-14 to 2026-11-21) holds one of everything a report tells: an item finished
/// (P1-006), one added (P1-013), one reopened (P1-004), a due date pushed back (P0-003), a P1 with no
/// owner that fell due (P1-005); and, from before, a P0 long overdue (P0-001) and a dashboard that
/// claims 20 items.
/// </summary>
public sealed class ReportRepository : IDisposable
{
    public const string Today = "2026-11-21";
    public const string Since = "2026-11-14";

    private readonly GitRepository _repo = new();

    public ReportRepository()
    {
        var done = new HashSet<int>();
        var due = new Dictionary<int, string> { [1] = "2026-10-01", [3] = "2026-11-30", [5] = "2026-11-18" };
        int[][] finished = [[], [2], [7], [], [4, 8], [9], [10], [], [11], [12]];
        for (int week = 0; week < finished.Length; week++)
        {
            done.UnionWith(finished[week]);
            var date = new DateOnly(2026, 9, 7).AddDays(7 * week);
            _repo.Write("PLAN.md", Plan(done, due, added: false)).Commit(Date(date), $"Week {week + 1}", week % 2 == 0 ? "Alice" : "Bob");
        }

        // The window: added on Sunday, reopened on Monday, finished and pushed back on Tuesday.
        _repo.Write("PLAN.md", Plan(done, due, added: true)).Commit("2026-11-15", "Add the load test", "Carol");
        done.Remove(4);
        _repo.Write("PLAN.md", Plan(done, due, added: true)).Commit("2026-11-16", "Alerts are not paging after all", "Bob");
        done.Add(6);
        due[3] = "2026-12-15";
        _repo.Write("PLAN.md", Plan(done, due, added: true)).Commit("2026-11-17", "Dashboards done; rate limits later", "Alice");
    }

    public string Root => _repo.Root;

    public void Dispose() => _repo.Dispose();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Plan(HashSet<int> done, Dictionary<int, string> due, bool added)
    {
        string[] titles = ["", "Backups restore in under an hour", "TLS everywhere", "Per-tenant rate limits", "Alerts page the on-call", "Runbooks for failover",
            "Service dashboards", "Log retention", "Audit trail", "Secrets rotation", "Status page", "Cost alerts", "Access reviews", "Load test at twice the peak"];
        var text = new StringBuilder("# Launch plan\n\n**Total Items:** 20\n\n");
        for (int n = 1; n <= (added ? 13 : 12); n++)
        {
            string priority = n <= 3 ? "P0" : n <= 6 || n == 13 ? "P1" : "P2";
            text.Append(CultureInfo.InvariantCulture, $"## {priority}-{n:D3}: {titles[n]}\n**Status:** {(done.Contains(n) ? "Done" : "Not Started")}\n");
            if (n != 5)
            {
                text.Append(n % 2 == 0 ? "**Owner:** Dana\n" : "**Owner:** Luis\n");
            }

            if (due.TryGetValue(n, out string? date))
            {
                text.Append(CultureInfo.InvariantCulture, $"**Due:** {date}\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The value at a path of a JSON document: `totals.items.total`, `documents[0].late`, `flow.finished.length`; text as the report prints it.</summary>
    public static string? ValueAt(JsonElement root, string path)
    {
        var at = root;
        foreach (string part in path.Split('.'))
        {
            string name = part;
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
            }

            if (name == "length" && at.ValueKind == JsonValueKind.Array)
            {
                return at.GetArrayLength().ToString(CultureInfo.InvariantCulture);
            }

            at = name.Length > 0 ? at.GetProperty(name) : at;
            while (bracket >= 0)
            {
                int close = part.IndexOf(']', bracket);
                at = at[int.Parse(part[(bracket + 1)..close], CultureInfo.InvariantCulture)];
                bracket = part.IndexOf('[', close);
            }
        }

        return at.ValueKind switch
        {
            JsonValueKind.Null => "–",
            JsonValueKind.String => at.GetString(),
            _ => at.GetRawText(),
        };
    }
}
