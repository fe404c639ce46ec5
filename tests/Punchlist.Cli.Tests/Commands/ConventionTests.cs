using System.Text.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>What users of gh, cargo and ripgrep expect of any command line: help, version, colour, quiet, read-only reads, config.</summary>
public sealed class ConventionTests
{
    private static readonly string Samples = Path.Combine(Repo.Root, "samples");

    [Theory]
    [InlineData]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Punch_alone_and_help_print_the_help_with_examples(params string[] args)
    {
        var (exit, output, error) = Punch.Run(args);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help", "status")]
    [InlineData("status", "--help")]
    [InlineData("check", "-h")]
    public void A_commands_help_has_its_examples(params string[] args)
    {
        var (exit, output, _) = Punch.Run(args);
        Assert.Equal(0, exit);
        Assert.Contains($"punch {args.First(a => a is not ("help" or "--help" or "-h"))}", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    public void Version_is_one_short_line(string option)
    {
        var (exit, output, _) = Punch.Run(option);
        Assert.Equal(0, exit);
        Assert.Matches(@"^punch \d+\.\d+\.\d+( \([0-9a-f]{1,7}\))?\n$", output);
    }

    [Fact]
    public void Colour_follows_the_option_over_the_environment()
    {
        string[] args = ["status", "--today", "2026-11-21", Samples];
        Assert.DoesNotContain("\e[", Punch.RunAt(100, color: true, Samples, [.. args, "--color", "never"]).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[", Punch.RunAt(100, color: true, Samples, [.. args, "--no-color"]).Out, StringComparison.Ordinal);
        Assert.Contains("\e[", Punch.RunAt(100, color: false, Samples, [.. args, "--color", "always"]).Out, StringComparison.Ordinal);
        Assert.Contains("\e[", Punch.RunAt(100, color: true, Samples, args).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NO_COLOR", "1", false)]
    [InlineData("FORCE_COLOR", "1", true)]
    [InlineData("CLICOLOR_FORCE", "1", true)]
    public void Colour_in_a_process_follows_NO_COLOR_and_FORCE_COLOR(string variable, string value, bool coloured)
    {
        var (exit, output, error) = PunchProcess.Run(Samples, new Dictionary<string, string> { [variable] = value }, "status", "--no-index", "--today", "2026-11-21", Samples);
        Assert.True(exit == 0, error);
        Assert.Equal(coloured, output.Contains("\e[", StringComparison.Ordinal));
    }

    [Fact]
    public void Piped_output_takes_its_width_from_COLUMNS()
    {
        var (_, output, _) = PunchProcess.Run(Samples, new Dictionary<string, string> { ["COLUMNS"] = "60" }, "status", "--no-index", "--today", "2026-11-21", Samples);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 60, line));
        Assert.Contains(output.Split('\n'), line => line.Length > 50);
    }

    [Fact]
    public void Quiet_check_prints_nothing_and_answers_with_its_exit_code()
    {
        var (exit, output, error) = Punch.Run("check", "-q", "--today", "2026-11-21", Samples);
        Assert.Equal((1, string.Empty, string.Empty), (exit, output, error));
        Assert.Equal(0, Punch.Run("check", "--quiet", "--fail-on", "none", Samples).Exit);
    }

    [Fact]
    public void Check_filters_by_rule_and_severity()
    {
        var (_, json, _) = Punch.Run("check", "--json", "--rule", "PL003,missing-owner", "--today", "2026-11-21", Samples);
        using var document = JsonDocument.Parse(json);
        var codes = document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Distinct().Order().ToList();
        Assert.Equal(["PL003", "PL011"], codes);
        Assert.Equal("2026-11-21", document.RootElement.GetProperty("today").GetString());
        Assert.False(document.RootElement.GetProperty("passed").GetBoolean());

        var (_, errors, _) = Punch.Run("check", "--json", "--severity", "error", "--today", "2026-11-21", Samples);
        Assert.All(JsonDocument.Parse(errors).RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("error", f.GetProperty("severity").GetString()));
    }

    [Fact]
    public void A_read_outside_a_workspace_writes_nothing_there()
    {
        // Reliability and UX reviews: `punch status /etc/passwd` created /etc/.punchlist.
        var folder = Directory.CreateTempSubdirectory("punch-outside-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "TODO.md"), "# T\n\n- [ ] a\n- [x] b\n");
            foreach (string[] args in new string[][] { ["status"], ["list"], ["search", "a"], ["show", "TODO.md#L3"], ["check"], ["verify"] })
            {
                var (exit, _, error) = Punch.Invoke(new CliEnvironment(Punch.Today, false, 100, folder.FullName), [.. args, folder.FullName]);
                Assert.True(exit is 0 or 1, error);
                Assert.Equal(["TODO.md"], Directory.GetFileSystemEntries(folder.FullName).Select(Path.GetFileName));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Inside_a_workspace_the_index_is_kept()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", "# T\n\n- [ ] a\n");
        Punch.Invoke(new CliEnvironment(Punch.Today, false, 100, workspace.Root), ["status", workspace.Root]);
        Assert.True(File.Exists(workspace.Path(".punchlist/index.db")));
    }

    [Fact]
    public void Init_writes_a_commented_config_that_changes_nothing_and_never_overwrites()
    {
        var folder = Directory.CreateTempSubdirectory("punch-init-");
        try
        {
            var (exit, output, _) = Punch.RunIn(folder.FullName, "init", folder.FullName);
            Assert.Equal(0, exit);
            Assert.Contains("Wrote", output, StringComparison.Ordinal);
            string file = Path.Combine(folder.FullName, "punchlist.yml");
            Assert.Equal(PunchlistConfig.Empty with { }, ConfigLoader.Load(folder.FullName) with { });

            // Every commented setting is one ConfigLoader accepts as written.
            var settings = File.ReadAllLines(file).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^# (?:[a-z][A-Za-z]*:|  )")).Select(l => l[2..]).ToList();
            Assert.Equal(10, settings.Count(l => !l.StartsWith(' ')));
            var uncommented = ConfigLoader.Parse(string.Join('\n', settings));
            Assert.Equal(["docs/**/*.md", "*.md"], uncommented.Include);
            Assert.True(uncommented.Check.IsOff("PL011"));

            byte[] before = File.ReadAllBytes(file);
            var (again, _, error) = Punch.RunIn(folder.FullName, "init", folder.FullName);
            Assert.Equal(2, again);
            Assert.Contains("already exists", error, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(file));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Config_says_where_each_value_came_from()
    {
        using var workspace = new TempWorkspace().Write("punchlist.yml", "# mine\nhoursPerDay: 6\nrules: {PL011: off}\n").Write("TODO.md", "- [ ] a\n");
        var (exit, output, error) = Punch.RunIn(workspace.Root, "config", "--json", workspace.Root);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var settings = json.RootElement.GetProperty("settings").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(("6", "punchlist.yml:2"), (settings["hoursPerDay"].GetProperty("value").GetString(), settings["hoursPerDay"].GetProperty("from").GetString()));
        Assert.Equal(("PL011 off", "punchlist.yml:3"), (settings["rules"].GetProperty("value").GetString(), settings["rules"].GetProperty("from").GetString()));
        Assert.Equal("default", settings["review"].GetProperty("from").GetString());
        var (_, text, _) = Punch.RunIn(workspace.Root, "config", workspace.Root);
        Assert.Contains("holds punchlist.yml", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_that_matches_nothing_says_it_may_be_a_mistyped_path()
    {
        var (exit, output, _) = Punch.Run("list", "nosuch", Samples);
        Assert.Equal(0, exit);
        Assert.Equal("No item matches nosuch (and no file or folder has that name).\n", output);
    }

    [Fact]
    public void List_limits_and_sorts()
    {
        var (_, json, _) = Punch.Run("list", "--json", "--sort", "due", "--limit", "3", "--today", "2026-11-21", Samples);
        var dues = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("due").GetString()).ToList();
        Assert.Equal(3, dues.Count);
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);
        var (_, text, _) = Punch.Run("list", "--limit", "3", "--today", "2026-11-21", Samples);
        Assert.Contains("3 of 41 items (--limit 41 shows them all).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_means_the_reader_notes_on_every_command_that_reads()
    {
        // `- [ X ]` is no box in GFM: a near-box the reader names (a bare `[x]` line is an item of its own).
        using var workspace = new TempWorkspace().Write("TODO.md", "# T\n\n- [ ] a task\n\n- [ X ] looks like a box\n");
        foreach (string[] args in new string[][] { ["status"], ["list"], ["search", "task"], ["check"], ["sync"], ["verify"], ["show", "TODO.md#L3"] })
        {
            var (_, output, _) = Punch.RunIn(workspace.Root, [.. args, "--explain", workspace.Root]);
            Assert.Contains("TODO.md:5:3:", output, StringComparison.Ordinal);
        }

        var (_, json, error) = Punch.RunIn(workspace.Root, "status", "--json", "--explain", workspace.Root);
        Assert.Contains("punch: note: TODO.md:5:3:", error, StringComparison.Ordinal);
        _ = JsonDocument.Parse(json);
    }

    [Fact]
    public void Json_writes_ordinary_characters_and_emoji_as_themselves()
    {
        var (_, json, _) = Punch.Run("list", "--json", Samples);
        Assert.DoesNotContain("\\u0027", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uD83D", json, StringComparison.Ordinal);
        Assert.Contains("🔴", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_groups_items_without_an_owner_under_null_last()
    {
        var (_, json, _) = Punch.Run("status", "--json", "--by", "owner", Samples);
        var groups = JsonDocument.Parse(json).RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, groups[^1].GetProperty("name").ValueKind);
        Assert.All(groups[..^1], g => Assert.Equal(JsonValueKind.String, g.GetProperty("name").ValueKind));
    }

    [Fact]
    public void Done_with_json_prints_a_document_even_when_nothing_changed()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", "# T\n\n- [x] a task\n");
        var (exit, output, _) = Punch.RunIn(workspace.Root, "done", "TODO.md#L3", "--json", workspace.Root);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("punchlist.sync/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void Addresses_take_a_line_and_documents_in_any_case()
    {
        var (exit, output, error) = Punch.Run("show", "roadmap#MH-002", Samples);
        Assert.True(exit == 0, error);
        Assert.Contains("Per-tenant rate limits", output, StringComparison.Ordinal);
        (exit, output, error) = Punch.Run("show", "ROADMAP.md#L44", Samples);
        Assert.True(exit == 0, error);
        Assert.Contains("ROADMAP.md#MH-002", output, StringComparison.Ordinal);
    }
}
