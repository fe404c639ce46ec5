using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Punchlist.Bench.Team;

/// <summary>
/// One statement's plan as auto_explain logged it (EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of the
/// server's own statement, with its parameters): the indexes it used, the tables it read whole, and a
/// short tree of its nodes with their times, rows and buffers.
/// </summary>
internal sealed class Plan
{
    private Plan(string json, string query, JsonElement root)
    {
        Json = json;
        Query = query;
        Root = root;
    }

    public string Json { get; }

    public string Query { get; }

    public JsonElement Root { get; }

    public double TotalMs => Root.TryGetProperty("Actual Total Time", out var t) ? t.GetDouble() : double.NaN;

    public static Plan? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var top = document.RootElement.Clone();
            return top.TryGetProperty("Plan", out var root) && top.TryGetProperty("Query Text", out var query) ? new Plan(json, query.GetString() ?? string.Empty, root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every index the plan scans (index, index-only and bitmap index scans), with the node that scans it.</summary>
    public IReadOnlyList<string> Indexes() => [.. Nodes(Root).Where(n => n.TryGetProperty("Index Name", out _))
        .Select(n => $"{n.GetProperty("Index Name").GetString()} ({n.GetProperty("Node Type").GetString()})").Distinct()];

    /// <summary>Tables read whole (sequential scans), with the rows read.</summary>
    public IReadOnlyList<string> SequentialScans() => [.. Nodes(Root).Where(n => n.GetProperty("Node Type").GetString() == "Seq Scan")
        .Select(n => $"{n.GetProperty("Relation Name").GetString()} ({Rows(n):N0} rows)")];

    public bool ScansWhole(string table) => Nodes(Root).Any(n => n.GetProperty("Node Type").GetString() == "Seq Scan" && n.GetProperty("Relation Name").GetString() == table);

    /// <summary>The plan as an indented tree: node, relation or index, actual time and rows, shared buffers hit and read.</summary>
    public string Tree()
    {
        var text = new StringBuilder();
        Write(text, Root, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonElement node, int depth)
    {
        string type = node.GetProperty("Node Type").GetString()!;
        string on = node.TryGetProperty("Index Name", out var index) ? $" using {index.GetString()}" : string.Empty;
        on += node.TryGetProperty("Relation Name", out var relation) ? $" on {relation.GetString()}" : string.Empty;
        text.Append(CultureInfo.InvariantCulture,
            $"{new string(' ', depth * 2)}-> {type}{on}  (actual {Number(node, "Actual Total Time"):F2} ms, {Rows(node):N0} rows x {Number(node, "Actual Loops"):N0} loops; buffers hit {Number(node, "Shared Hit Blocks"):N0} read {Number(node, "Shared Read Blocks"):N0})\n");
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Write(text, child, depth + 1);
            }
        }
    }

    private static double Rows(JsonElement node) => Number(node, "Actual Rows") * Math.Max(1, Number(node, "Actual Loops"));

    private static double Number(JsonElement node, string name) => node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                foreach (var n in Nodes(child))
                {
                    yield return n;
                }
            }
        }
    }
}
