using System.Diagnostics;

namespace Punchlist.Cli;

/// <summary>
/// Long output on a terminal goes through a pager, as git and gh do: `PUNCH_PAGER`, else `PAGER`, else
/// `less` (with `LESS=FRX` when LESS is not set: it quits when the text fits, keeps colour and leaves
/// the text on the screen). Output is held until the command ends, and paged only when the command
/// allows it (not `--no-pager`) and it is taller than the terminal. Nothing here runs for output that
/// is not a terminal, so a status piped or run in CI costs nothing more.
/// </summary>
internal sealed class PagerOutput(string command, int height)
{
    public string Command => command;

    /// <summary>Set by a command whose output may be paged (read commands, without `--no-pager`).</summary>
    public bool Wanted { get; set; }

    public static PagerOutput? ForTerminal(Func<string, string?> variable)
    {
        string command = variable("PUNCH_PAGER") ?? variable("PAGER") ?? "less";
        if (command.Trim() is "" or "cat")
        {
            return null;
        }

        int height;
        try
        {
            height = Console.IsOutputRedirected ? 24 : Console.WindowHeight;
        }
        catch (IOException)
        {
            height = 24;
        }

        return new PagerOutput(command, height > 0 ? height : 24);
    }

    /// <summary>Writes <paramref name="text"/> to standard output, through the pager when it is wanted and the text is taller than the terminal.</summary>
    public void Show(ReadOnlySpan<byte> text, Stream standardOutput)
    {
        if (!Wanted || text.Count((byte)'\n') < height || !TryPage(text))
        {
            standardOutput.Write(text);
            standardOutput.Flush();
        }
    }

    private bool TryPage(ReadOnlySpan<byte> text)
    {
        var info = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe", ["/c", command])
            : new ProcessStartInfo("/bin/sh", ["-c", command]);
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        if (Environment.GetEnvironmentVariable("LESS") is null)
        {
            info.Environment["LESS"] = "FRX";
        }

        Process? pager;
        try
        {
            pager = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }

        if (pager is null)
        {
            return false;
        }

        using (pager)
        {
            try
            {
                pager.StandardInput.BaseStream.Write(text);
                pager.StandardInput.Close();
            }
            catch (IOException)
            {
                // The reader quit before the end (q in less): what it did not read is not wanted.
            }

            pager.WaitForExit();
        }

        return true;
    }
}
