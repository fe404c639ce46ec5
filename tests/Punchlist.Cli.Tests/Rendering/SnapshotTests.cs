using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Punchlist.Cli.Rendering;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Rendering;

/// <summary>
/// Every command's terminal output on the samples and the seeds at 60, 80, 100 and 160 columns, one
/// golden file per command and width (colourless; at 100 also with colour), and the same rules over
/// every output, the real corpus's tables included: no line wider than the width (but the
/// `path:line:column:` lines and diffs, never cut by design), no table collapsed to `…`, no control
/// character, and every number of a tracker or an item whole on its own row.
/// </summary>
public sealed partial class SnapshotTests
{
    public static readonly TheoryData<int> Widths = [60, 80, 100, 160];

    private static readonly string Samples = Path.Combine(Repo.Root, "samples");

    // Each command once per input: what it is given besides the input folder.
    private static readonly Dictionary<string, (string[] Samples, string[] Seeds)> Commands = new(StringComparer.Ordinal)
    {
        ["status"] = (["status"], ["status"]),
        ["list"] = (["list"], ["list"]),
        ["show"] = (["show", "MH-002"], ["show", "data-platform-todo.md#MH-004"]),
        ["search"] = (["search", "backup OR restore"], ["search", "backup"]),
        ["check"] = (["check", "--fail-on", "none"], ["check", "--fail-on", "none"]),
        ["sync"] = (["sync", "--statuses"], ["sync", "--encoding", "--statuses"]),
        ["verify"] = (["verify"], ["verify"]),
    };

    [CorpusTheory]
    [MemberData(nameof(Widths))]
    public void Status(int width) => Snapshot("status", width);

    [CorpusTheory]
    [MemberData(nameof(Widths))]
    public void List(int width) => Snapshot("list", width);

    [CorpusTheory]
    [MemberData(nameof(Widths))]
    public void Show(int width) => Snapshot("show", width);

    [CorpusTheory]
    [MemberData(nameof(Widths))]
    public void Search(int width) => Snapshot("search", width);

    [CorpusTheory]
    [MemberData(nameof(Widths))]
    public void Check(int width) => Snapshot("check", width);

    [CorpusTheory]
    [MemberData(nameof(Widths))]
    public void Sync(int width) => Snapshot("sync", width);

    [CorpusTheory]
    [MemberData(nameof(Widths))]
    public void Verify(int width) => Snapshot("verify", width);

    [Theory]
    [MemberData(nameof(Widths))]
    public void The_samples_keep_to_the_rules_at_every_width_with_and_without_colour(int width)
    {
        foreach (var (name, (args, _)) in Commands)
        {
            foreach (bool color in new[] { false, true })
            {
                var (exit, output, error) = Punch.RunAt(width, color, Samples, [.. args, "--today", "2026-11-21", Samples]);
                Assert.True(exit is 0 or 1, $"{name}: {error}");
                KeepsTheRules(name, Plain(output), width, Samples);
            }
        }
    }

    [CorpusTheory]
    [MemberData(nameof(Widths))]
    public void The_real_corpus_tables_keep_to_the_rules(int width)
    {
        foreach (string command in new[] { "status", "list" })
        {
            foreach (bool color in new[] { false, true })
            {
                var (exit, output, error) = Punch.RunAt(width, color, Repo.Real, command, "--today", "2026-11-21", Repo.Real);
                Assert.True(exit == 0, error);
                KeepsTheRules(command, Plain(output), width, Repo.Real);
            }
        }
    }

    private static void Snapshot(string command, int width)
    {
        var golden = new StringBuilder();
        foreach (var (input, args) in new[] { (Samples, Commands[command].Samples), (Repo.Seeds, Commands[command].Seeds) })
        {
            string[] line = [.. args, "--today", "2026-11-21", input];
            var (exit, output, error) = Punch.RunAt(width, color: false, input, line);
            Assert.True(exit is 0 or 1, error);
            KeepsTheRules(command, output, width, input);
            golden.Append($"$ punch {string.Join(' ', args)} {Path.GetFileName(input)}   # {width} columns, exit {exit}\n{output}\n");
            if (width == 100)
            {
                var (_, coloured, _) = Punch.RunAt(width, color: true, input, line);
                Assert.Equal(output, Plain(coloured));
            }
        }

        Punch.AssertGolden($"snapshots/{command}-{width}.txt", golden.ToString());
        if (width == 100)
        {
            var (_, coloured, _) = Punch.RunAt(width, color: true, Samples, [.. Commands[command].Samples, "--today", "2026-11-21", Samples]);
            Punch.AssertGolden($"snapshots/{command}-{width}-colour.txt", coloured);
        }
    }

    private static void KeepsTheRules(string command, string output, int width, string input)
    {
        TerminalSafetyTests.AssertPrintable(output);
        var lines = output.Split('\n');
        Assert.DoesNotContain(lines, l => l.Trim() == "…");
        if (command is not ("check" or "sync"))
        {
            // No padding left at the end of a line (a document's own trailing spaces, in source lines and diffs, stay).
            Assert.DoesNotContain(lines, l => l.Length > 0 && l.TrimEnd() != l);
        }

        if (command != "sync")
        {
            foreach (string line in lines.Where(l => !Location().IsMatch(l)))
            {
                Assert.True(Cells.Width(line) <= width, $"{command} at {width}: {Cells.Width(line)} cells: {line}");
            }
        }

        if (command == "status")
        {
            StatusRowsAreWhole(lines, input);
        }
        else if (command == "list")
        {
            ListRowsAreWhole(lines, input);
        }
    }

    // Each tracker is one row holding its item count and its percentage whole; so is the total.
    private static void StatusRowsAreWhole(string[] lines, string input)
    {
        var (_, json, _) = Punch.RunIn(input, "status", "--json", "--today", "2026-11-21", input);
        using var document = JsonDocument.Parse(json);
        var table = lines.TakeWhile(l => l.Length > 0).ToList();
        Assert.StartsWith("Tracker", table[0], StringComparison.Ordinal);
        var documents = document.RootElement.GetProperty("documents").EnumerateArray().ToList();
        for (int i = 0; i < documents.Count; i++)
        {
            string row = table[i + 1];
            string path = documents[i].GetProperty("path").GetString()!;
            Assert.StartsWith(path[..Math.Min(4, path.Length)], row, StringComparison.Ordinal);
            var tokens = row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.Contains(documents[i].GetProperty("items").GetProperty("total").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), tokens);
            if (documents[i].GetProperty("progress").GetProperty("percent").ValueKind == JsonValueKind.Number)
            {
                Assert.Contains($"{documents[i].GetProperty("progress").GetProperty("percent").GetInt32()}%", tokens);
            }
        }

        if (documents.Count > 1)
        {
            string total = Assert.Single(table, l => l.StartsWith("Total", StringComparison.Ordinal));
            Assert.Contains(document.RootElement.GetProperty("totals").GetProperty("items").GetProperty("total").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                total.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    // One line per item, each with its criteria count whole when the column is shown.
    private static void ListRowsAreWhole(string[] lines, string input)
    {
        var (_, json, _) = Punch.RunIn(input, "list", "--json", "--today", "2026-11-21", input);
        using var document = JsonDocument.Parse(json);
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();
        var rows = lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(items.Count, rows.Count);
        bool criteria = lines[0].Contains("Crit", StringComparison.Ordinal);
        for (int i = 0; i < items.Count && criteria; i++)
        {
            var count = items[i].GetProperty("criteria");
            if (count.GetProperty("total").GetInt32() > 0)
            {
                Assert.Contains($"{count.GetProperty("checked").GetInt32()}/{count.GetProperty("total").GetInt32()}", rows[i].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
    }

    private static string Plain(string text) => Colour().Replace(text, string.Empty);

    [GeneratedRegex("\e\\[[0-9;]*m")]
    private static partial Regex Colour();

    // `path:line:column: severity …`, and the notes `--explain` prints: never cut, so that editors can follow them.
    [GeneratedRegex(@"^\S.*:\d+:\d+:( |$)")]
    private static partial Regex Location();
}
