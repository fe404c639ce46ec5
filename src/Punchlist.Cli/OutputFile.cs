using System.Text;
using Punchlist.Cli.Rendering;

namespace Punchlist.Cli;

/// <summary>
/// Where `report` and `export` write: standard output, or the file `--output` names — replaced whole,
/// never half written (the bytes go to a temporary file beside it, which is then renamed over it).
/// </summary>
internal static class OutputFile
{
    public static void Write(CommandContext context, string? path, Action<Stream> write)
    {
        if (path is null)
        {
            ToStandardOutput(context.Out, write);
            return;
        }

        string target = Check(context, path)!;
        string folder = Path.GetDirectoryName(target)!;
        string temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.punch-tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PunchlistException($"--output {TerminalText.Quote(path)}: cannot be written: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The full path `--output` names, checked before any work: a file in a folder that exists.</summary>
    public static string? Check(CommandContext context, string? path)
    {
        if (path is null)
        {
            return null;
        }

        string target = Path.GetFullPath(path, context.Environment.WorkingDirectory);
        if (Directory.Exists(target))
        {
            throw new PunchlistException($"--output {TerminalText.Quote(path)} is a folder; name a file");
        }

        return Directory.Exists(Path.GetDirectoryName(target))
            ? target
            : throw new PunchlistException($"--output {TerminalText.Quote(path)}: no folder {TerminalText.Quote(Path.GetDirectoryName(path) ?? path)}");
    }

    // Straight to the stream as UTF-8 when there is one (standard output), else through a buffer (tests).
    private static void ToStandardOutput(TextWriter output, Action<Stream> write)
    {
        if (output is StreamWriter { Encoding: UTF8Encoding } stream)
        {
            stream.Flush();
            write(stream.BaseStream);
            return;
        }

        using var buffer = new MemoryStream();
        write(buffer);
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
