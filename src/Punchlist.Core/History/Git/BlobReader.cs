using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Punchlist.History.Git;

/// <summary>
/// Reads blobs by id through one long-running `git cat-file --batch`: a line with the id in, a
/// header and the bytes out, with no process per blob. Not thread-safe: one reader per thread.
/// </summary>
public sealed class BlobReader : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly BufferedStream _output;
    private readonly long _maxBytes;

    private BlobReader(Process process, long maxBytes)
    {
        _process = process;
        _maxBytes = maxBytes;
        _input = process.StandardInput.BaseStream;
        _output = new BufferedStream(process.StandardOutput.BaseStream, 64 * 1024);
    }

    /// <summary>
    /// Starts the reader; null when git cannot be started. A blob past <paramref name="maxBytes"/> (a
    /// tracker's limit, <see cref="Workspaces.FileBytes.MaxTrackerBytes"/>, unless a test says less) is
    /// passed over as the workspace's own file would be: a repository can hold a blob of any size.
    /// </summary>
    public static BlobReader? Open(HistoryGit git, long maxBytes = Workspaces.FileBytes.MaxTrackerBytes) =>
        git.Start(input: true, "cat-file", "--batch") is { } process ? new BlobReader(process, maxBytes) : null;

    /// <summary>The blob's bytes, or null when the repository lacks it (a partial clone, a pruned object) or it is past the limit.</summary>
    public byte[]? Read(string id)
    {
        _input.Write(Encoding.ASCII.GetBytes(id + "\n"));
        _input.Flush();
        return Answer();
    }

    /// <summary>
    /// Reads many blobs, in the order given, with the requests written ahead of the answers (on another
    /// thread, so neither pipe fills while the other waits): no round trip per blob.
    /// </summary>
    public IEnumerable<(string Id, byte[]? Bytes)> ReadMany(IReadOnlyList<string> ids)
    {
        var writer = Task.Run(() =>
        {
            var requests = new BufferedStream(_input, 16 * 1024); // not disposed: that would close git's input
            foreach (string id in ids)
            {
                requests.Write(Encoding.ASCII.GetBytes(id + "\n"));
            }

            requests.Flush();
        });
        foreach (string id in ids)
        {
            yield return (id, Answer());
        }

        writer.GetAwaiter().GetResult();
    }

    // "<id> blob <size>", the bytes and a newline; or "<id> missing".
    private byte[]? Answer()
    {
        var parts = ReadLine().Split(' ');
        if (parts.Length != 3 || parts[1] != "blob")
        {
            return null;
        }

        long size = long.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
        if (size > _maxBytes)
        {
            Skip(size + 1); // its bytes and the newline after them: the next answer starts there
            return null;
        }

        var bytes = new byte[size];
        _output.ReadExactly(bytes);
        _output.ReadByte();
        return bytes;
    }

    private void Skip(long count)
    {
        byte[] buffer = new byte[64 * 1024];
        while (count > 0)
        {
            int n = _output.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (n == 0)
            {
                throw new IOException("git cat-file stopped");
            }

            count -= n;
        }
    }

    private string ReadLine()
    {
        var line = new StringBuilder(64);
        while (true)
        {
            int b = _output.ReadByte();
            if (b is -1)
            {
                throw new IOException("git cat-file stopped");
            }

            if (b == '\n')
            {
                return line.ToString();
            }

            line.Append((char)b);
        }
    }

    public void Dispose()
    {
        try
        {
            _input.Dispose();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
