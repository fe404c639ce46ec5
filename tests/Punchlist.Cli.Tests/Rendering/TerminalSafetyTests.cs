using System.Text;
using System.Text.RegularExpressions;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Rendering;

/// <summary>
/// Whatever a document, a file name or a command's output holds, what reaches a terminal is text:
/// no escape sequence, carriage return, bell or NUL of its own (reliability review S2, C4, W10).
/// JSON and SARIF keep the text exact.
/// </summary>
public sealed partial class TerminalSafetyTests
{
    private const string Hostile =
        "# Hostile \e]0;PWNED\a title\n\n" +
        "## Backend [/]\e[1A\e[2K\n\n" +
        "- [x] erase \e[2J the screen\n" +
        "- [ ] carriage\rreturn and \0 nul and \u009b c1 and \u202e bidi\n\n" +
        "### P0-001: Card \e[31mred\e[0m here\n\n" +
        "**Status:** Not Started\n" +
        "**Owner:** \e[5mblink\n" +
        "**Due:** 2026-01-01\n\n" +
        "- [x] criterion \e]8;;http://evil\e\\link\e]8;;\e\\ text\n" +
        "- [ ] another `docs/\e[2Jgone.md`\n\n" +
        "**Validation Commands:**\n\n" +
        "```bash\nprintf 'out \\033[2J \\033]0;x\\007 done\\n'\n```\n";

    public static TheoryData<string[]> Commands() => new()
    {
        { ["status"] },
        { ["status", "--explain"] },
        { ["list"] },
        { ["show", "P0-001"] },
        { ["search", "erase"] },
        { ["check"] },
        { ["check", "--explain"] },
        { ["sync", "--statuses"] },
        { ["verify", "--run-commands", "--explain"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Control_characters_never_reach_a_terminal_without_colour(string[] args)
    {
        using var workspace = HostileWorkspace();
        var (exit, output, error) = Punch.RunAt(100, color: false, workspace.Root, [.. args, workspace.Root]);
        Assert.True(exit is 0 or 1, error);
        AssertPrintable(output);
        AssertPrintable(error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void With_colour_only_our_own_colour_codes_reach_a_terminal(string[] args)
    {
        using var workspace = HostileWorkspace();
        var (exit, output, error) = Punch.RunAt(100, color: true, workspace.Root, [.. args, workspace.Root]);
        Assert.True(exit is 0 or 1, error);
        AssertPrintable(ColourCodes().Replace(output, string.Empty));
        AssertPrintable(error);
    }

    [Fact]
    public void Done_prints_its_diff_without_the_documents_escape_sequences()
    {
        using var workspace = HostileWorkspace();
        var (exit, output, error) = Punch.RunAt(100, color: false, workspace.Root, "done", "P0-001", workspace.Root);
        Assert.True(exit == 0, error);
        AssertPrintable(output);
        Assert.Contains("+**Status:**", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keeps_the_text_exact()
    {
        using var workspace = HostileWorkspace();
        var (_, output, _) = Punch.RunAt(100, color: false, workspace.Root, "list", "--json", workspace.Root);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var titles = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Contains(titles, t => t!.StartsWith("erase \e", StringComparison.Ordinal));
        Assert.Contains("\\u001B", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\x02\xff")]
    [InlineData("\x0c\xff")]
    [InlineData("\x1b\xff")]
    [InlineData("\x1b\x1b\x1b\x7f\x0b\xff")]
    [InlineData("a\x01\x02\x03\x04\x05\x06\x07\x08 \xff")]
    public void Check_survives_control_characters_before_a_finding(string before)
    {
        // Reliability review C4: Spectre counts a control character as -1 cell, so the caret's place went negative.
        using var workspace = new TempWorkspace();
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("# T\n\n- [ ] task\n\n"));
        bytes.AddRange(before.Select(c => (byte)c));
        bytes.Add((byte)'\n');
        workspace.Write("c.md", bytes.ToArray());
        foreach (bool color in new[] { false, true })
        {
            var (exit, output, error) = Punch.RunAt(60, color, workspace.Root, "check", workspace.Root);
            Assert.True(exit is 0 or 1, error);
            Assert.Contains("PL007", output, StringComparison.Ordinal);
            AssertPrintable(ColourCodes().Replace(output, string.Empty));
        }
    }

    [Fact]
    public void A_file_name_with_a_newline_is_quoted_in_the_diff_header_as_git_quotes_it()
    {
        // Reliability review W10: `+++ b/new` then `line.md` on a line of its own broke the patch.
        using var workspace = new TempWorkspace();
        workspace.Write("new\nline.md", "# T\n\n## Tasks [/]\n\n- [x] a\n- [ ] b\n");
        var (exit, output, error) = Punch.RunAt(100, color: false, workspace.Root, "sync", workspace.Root);
        Assert.True(exit == 0, error);
        Assert.Contains("--- \"a/new\\nline.md\"\n+++ \"b/new\\nline.md\"\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_with_a_newline_is_one_line_and_a_long_one_is_not_echoed_whole()
    {
        // Reliability review W10.
        using var workspace = new TempWorkspace();
        workspace.Write("t.md", "# T\n\n- [ ] a task\n");
        var (exit, _, error) = Punch.RunAt(100, color: false, workspace.Root, "show", "t.md#a\nb", workspace.Root);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));

        (exit, _, error) = Punch.RunAt(100, color: false, workspace.Root, "show", new string('x', 100_000), workspace.Root);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.True(error.Length < 400, $"the error is {error.Length} characters long");
    }

    private static TempWorkspace HostileWorkspace()
    {
        var workspace = new TempWorkspace();
        workspace.Write("e\e[2Jvil.md", Hostile);
        return workspace;
    }

    /// <summary>Nothing but printable text and line feeds: no C0 or C1 control, DEL, or bidirectional override.</summary>
    internal static void AssertPrintable(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool control = (c < ' ' && c != '\n') || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';
            Assert.False(control, $"U+{(int)c:X4} at {i}: …{text[Math.Max(0, i - 40)..Math.Min(text.Length, i + 20)]}…");
        }
    }

    [GeneratedRegex("\e\\[[0-9;]*m")]
    private static partial Regex ColourCodes();
}
