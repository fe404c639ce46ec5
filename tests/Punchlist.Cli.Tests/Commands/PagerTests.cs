using System.Text;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>Long output on a terminal goes through the pager; short output, and output the command keeps from it, does not.</summary>
public sealed class PagerTests
{
    [Theory]
    [InlineData(true, 30, true)]
    [InlineData(true, 5, false)]
    [InlineData(false, 30, false)]
    public void Output_taller_than_the_terminal_is_paged_when_the_command_allows_it(bool wanted, int lines, bool paged)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the pager below is a shell command
        }

        string file = Path.Combine(Path.GetTempPath(), $"punch-pager-{Guid.NewGuid():N}.txt");
        try
        {
            var pager = new PagerOutput($"cat > '{file}'", height: 10) { Wanted = wanted };
            byte[] text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, lines).Select(i => $"line {i}\n")));
            using var standardOutput = new MemoryStream();
            pager.Show(text, standardOutput);
            Assert.Equal(paged ? [] : text, standardOutput.ToArray());
            Assert.Equal(paged, File.Exists(file));
            if (paged)
            {
                Assert.Equal(text, File.ReadAllBytes(file));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(null, null, "less")]
    [InlineData("more", null, "more")]
    [InlineData("more", "most", "most")]
    [InlineData("cat", null, null)]
    [InlineData("", null, "less")]
    public void The_pager_is_PUNCH_PAGER_else_PAGER_else_less_and_cat_means_none(string? pager, string? punchPager, string? expected)
    {
        var chosen = PagerOutput.ForTerminal(name => name switch
        {
            "PAGER" => string.IsNullOrEmpty(pager) ? null : pager,
            "PUNCH_PAGER" => punchPager,
            _ => null,
        });
        Assert.Equal(expected, chosen?.Command);
    }
}
