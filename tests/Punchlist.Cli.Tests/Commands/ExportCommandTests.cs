using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;
using Punchlist.Cli.Rendering;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Tests.Commands;

public sealed class ExportCommandTests
{
    private static readonly string Samples = Path.Combine(Repo.Root, "samples");

    [Fact]
    public void Json_export_holds_every_item_of_punch_list_once_in_the_same_order()
    {
        var items = Items(Export(Samples, "json"));
        var (_, listed, _) = Punch.Run("list", Samples, "--json");
        using var list = JsonDocument.Parse(listed);
        var expected = list.RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(expected.Count, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("item").GetProperty("address").GetString()).Distinct().Count());
        for (int i = 0; i < expected.Count; i++)
        {
            // The same item, in the same shape as `punch list --json` prints it.
            Assert.True(JsonElement.DeepEquals(expected[i], items[i].GetProperty("item")), $"item {i + 1} differs from punch list --json");
        }
    }

    [Fact]
    public void Json_lines_hold_one_record_per_line_equal_to_the_json_export()
    {
        var items = Items(Export(Samples, "json"));
        string[] lines = Export(Samples, "jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(items.Count, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.DoesNotContain("\n", lines[i], StringComparison.Ordinal);
            using var line = JsonDocument.Parse(lines[i]);
            Assert.True(JsonElement.DeepEquals(items[i], line.RootElement), $"line {i + 1} differs from the JSON export");
        }
    }

    [Fact]
    public void A_record_carries_what_a_retrieval_pipeline_needs()
    {
        var record = Items(Export(Samples, "json")).Single(i => i.GetProperty("item").GetProperty("address").GetString() == "ROADMAP.md#MH-002");
        var item = record.GetProperty("item");

        Assert.Matches("^[0-9a-f]{32}$", record.GetProperty("id").GetString());
        Assert.Matches("^[0-9a-f]{64}$", record.GetProperty("contentHash").GetString());
        Assert.Equal("ROADMAP.md", item.GetProperty("document").GetString());
        Assert.Equal(["🔴 MUST HAVE"], item.GetProperty("sectionPath").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("in-progress", item.GetProperty("state").GetString());
        Assert.Equal("P0", item.GetProperty("priority").GetString());
        Assert.Equal("Luis", item.GetProperty("owner").GetString());
        Assert.Equal("2026-11-10", item.GetProperty("due").GetString());
        Assert.Equal(40, record.GetProperty("startLine").GetInt32());
        Assert.Equal(49, record.GetProperty("endLine").GetInt32());

        // The text is the item's own lines, criteria included, as the document writes them.
        string text = record.GetProperty("text").GetString()!;
        string[] source = File.ReadAllLines(Path.Combine(Samples, "ROADMAP.md"))[39..49];
        Assert.Equal(string.Join('\n', source).TrimEnd(), text.ReplaceLineEndings("\n"));
        Assert.Contains("- [ ] 429 responses carry `Retry-After`", text, StringComparison.Ordinal);
        Assert.Equal(3, record.GetProperty("criteriaList").GetArrayLength());
    }

    [Fact]
    public void Csv_read_back_by_another_parser_equals_the_json_export()
    {
        var items = Items(Export(Samples, "json"));
        var csv = Export(Samples, "csv");

        AssertCsvEqualsJson(csv, items);
    }

    [Fact]
    public void Csv_is_rfc_4180_with_crlf_records_and_quoted_line_breaks()
    {
        string csv = Export(Samples, "csv");

        Assert.StartsWith(string.Join(',', ExportWriter.Columns) + "\r\n", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);

        // Texts span lines, so they are quoted; a quote inside a field is doubled.
        Assert.Contains(",\"## MH-001: Signed upload URLs\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_stay_the_same_across_a_rescan_and_edits_while_content_hashes_follow_the_text()
    {
        using var workspace = new TempWorkspace().CopyFrom(Samples);
        var before = Records(Export(workspace.Root, "jsonl", indexed: true));

        // Another item's criterion ticked, and a line added at the top: every ID stays; only the edited
        // item's hash changes (line numbers move, but they are not content).
        string roadmap = workspace.Path("ROADMAP.md");
        string text = File.ReadAllText(roadmap);
        text = "<!-- reviewed -->\n" + text.Replace("- [ ] 429 responses carry `Retry-After`", "- [x] 429 responses carry `Retry-After`", StringComparison.Ordinal);
        workspace.Write("ROADMAP.md", text, now: true);
        var after = Records(Export(workspace.Root, "jsonl", indexed: true));

        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, (address, hash, line)) in before)
        {
            Assert.Equal(address, after[id].Address);
            bool edited = address == "ROADMAP.md#MH-002";
            Assert.Equal(!edited, hash == after[id].Hash);
            if (address.StartsWith("ROADMAP.md#", StringComparison.Ordinal))
            {
                Assert.Equal(line + 1, after[id].Line);
            }
        }

        // A rescan with nothing changed gives the same bytes.
        Assert.Equal(Export(workspace.Root, "jsonl", indexed: true), Export(workspace.Root, "jsonl", indexed: true));
    }

    [Fact]
    public void A_card_nested_in_another_is_cut_from_its_text()
    {
        using var workspace = new TempWorkspace().Write("plan.md", """
            # Plan

            ## EPIC-1: Payments

            **Status:** In Progress

            - [x] Provider chosen

            ### TASK-1: Checkout page

            **Status:** Not Started

            - [ ] Form validates cards

            ### TASK-2: Refunds

            **Status:** Not Started
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        var items = Items(Export(workspace.Root, "json")).ToDictionary(i => i.GetProperty("item").GetProperty("key").GetString()!);

        string epic = items["EPIC-1"].GetProperty("text").GetString()!;
        Assert.Contains("Provider chosen", epic, StringComparison.Ordinal);
        Assert.DoesNotContain("TASK-1", epic, StringComparison.Ordinal);
        Assert.DoesNotContain("Form validates cards", epic, StringComparison.Ordinal);
        Assert.StartsWith("### TASK-1: Checkout page", items["TASK-1"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Form validates cards", items["TASK-1"].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_goes_to_the_file_named_whole_and_nothing_to_standard_output()
    {
        using var workspace = new TempWorkspace().CopyFrom(Samples);
        string target = workspace.Path("out/items.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, "old content that is much longer than nothing at all");

        var (exit, output, error) = Punch.RunIn(workspace.Root, "export", "--format", "csv", "--output", "out/items.csv");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(string.Empty, error);
        Assert.Equal(Export(workspace.Root, "csv"), File.ReadAllText(target));
        Assert.Equal(["items.csv"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--output", "no/such/folder/x.csv")]
    [InlineData("--format", "xml")]
    [InlineData("--format", "csv", "--json")]
    public void Bad_options_are_one_line_and_exit_2_with_nothing_written(params string[] args)
    {
        using var workspace = new TempWorkspace().CopyFrom(Samples);
        var before = Directory.GetFiles(workspace.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var (exit, output, error) = Punch.RunIn(workspace.Root, ["export", .. args]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("punch: ", Assert.Single(error.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(workspace.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [CorpusFact]
    public void Every_item_of_the_corpus_is_exported_once_and_its_csv_reads_back_equal()
    {
        string corpus = Path.Combine(Repo.Shared, "corpus");
        var workspace = WorkspaceLoader.Load([corpus]);
        var expected = workspace.AllItems().Select(m => Workspace.Address(m.Document, m.Item)).ToList();

        var items = Items(Export(corpus, "json"));

        Assert.True(expected.Count > 1000, $"the corpus holds {expected.Count} items");
        Assert.Equal(expected, items.Select(i => i.GetProperty("item").GetProperty("address").GetString()));
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        AssertCsvEqualsJson(Export(corpus, "csv"), items);
    }

    private static void AssertCsvEqualsJson(string csv, List<JsonElement> items)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = false }).FromText(csv);
        Assert.Equal(ExportWriter.Columns, reader.Header.ColNames);
        int row = 0;
        foreach (var record in reader)
        {
            var json = items[row++];
            var item = json.GetProperty("item");
            string? Text(JsonElement e) => e.ValueKind switch
            {
                JsonValueKind.Null => string.Empty,
                JsonValueKind.String => e.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => e.GetRawText(),
            };

            var expected = new Dictionary<string, string?>
            {
                ["id"] = Text(json.GetProperty("id")),
                ["contentHash"] = Text(json.GetProperty("contentHash")),
                ["address"] = Text(item.GetProperty("address")),
                ["document"] = Text(item.GetProperty("document")),
                ["key"] = Text(item.GetProperty("key")),
                ["itemId"] = Text(item.GetProperty("id")),
                ["kind"] = Text(item.GetProperty("kind")),
                ["title"] = Text(item.GetProperty("title")),
                ["sectionPath"] = string.Join(ExportWriter.SectionSeparator, item.GetProperty("sectionPath").EnumerateArray().Select(s => s.GetString())),
                ["startLine"] = Text(json.GetProperty("startLine")),
                ["endLine"] = Text(json.GetProperty("endLine")),
                ["state"] = Text(item.GetProperty("state")),
                ["status"] = Text(item.GetProperty("status")),
                ["priority"] = Text(item.GetProperty("priority")),
                ["priorityLabel"] = Text(item.GetProperty("priorityLabel")),
                ["owner"] = Text(item.GetProperty("owner")),
                ["due"] = Text(item.GetProperty("due")),
                ["overdue"] = Text(item.GetProperty("overdue")),
                ["effort"] = item.GetProperty("effort") is { ValueKind: JsonValueKind.Object } effort ? Text(effort.GetProperty("text")) : string.Empty,
                ["effortHours"] = item.GetProperty("effort") is { ValueKind: JsonValueKind.Object } hours ? Text(hours.GetProperty("hours")) : string.Empty,
                ["category"] = Text(item.GetProperty("category")),
                ["criteriaTotal"] = Text(item.GetProperty("criteria").GetProperty("total")),
                ["criteriaChecked"] = Text(item.GetProperty("criteria").GetProperty("checked")),
                ["dependsOn"] = string.Join(ExportWriter.ListSeparator, item.GetProperty("dependsOn").EnumerateArray().Select(s => s.GetString())),
                ["text"] = Text(json.GetProperty("text")),
            };
            foreach (string column in ExportWriter.Columns)
            {
                Assert.True(expected[column] == record[column].ToString(), $"row {row}, column {column}: '{record[column].ToString()}' is not '{expected[column]}'");
            }
        }

        Assert.Equal(items.Count, row);
    }

    private static string Export(string folder, string format, bool indexed = false)
    {
        var (exit, output, error) = indexed
            ? Punch.Invoke(new CliEnvironment(Punch.Today, ColorAllowed: false, Width: 120, folder) { IndexOnDisk = true }, ["export", "--format", format])
            : Punch.Run("export", folder, "--format", format);
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        return output;
    }

    private static List<JsonElement> Items(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal("punchlist.export/1", document.RootElement.GetProperty("schema").GetString());
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }

    private static Dictionary<string, (string Address, string Hash, int Line)> Records(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            return (Id: root.GetProperty("id").GetString()!, Address: root.GetProperty("item").GetProperty("address").GetString()!,
                Hash: root.GetProperty("contentHash").GetString()!, Line: root.GetProperty("startLine").GetInt32());
        }).ToDictionary(r => r.Id, r => (r.Address, r.Hash, r.Line));
}
