using System.Text.Json;
using Punchlist.Cli;
using Punchlist.Json;

namespace Punchlist.Bench.Team;

/// <summary>
/// Push bodies as `punch push` sends them: the CLI's own `push --dry-run` run in this process on the
/// repository's checkout (its scan, check and evidence, the commit from git), then the wire's gzip
/// encoding. A thousand CI jobs are a thousand processes; building their payloads here measures the
/// server, not the start-up of a thousand runtimes.
/// </summary>
internal static class Payloads
{
    public static byte[] Build(string folder, string repository)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(DateOnly.Parse(Corpus.Today, System.Globalization.CultureInfo.InvariantCulture), ColorAllowed: false, Width: 120, folder) { IndexOnDisk = false };
        int exit = CliApp.Run(["push", "--dry-run", "--repository", repository, "--today", Corpus.Today, folder], output, error, environment);
        if (exit is not (0 or 1))
        {
            throw new InvalidOperationException($"punch push --dry-run in {folder} exited {exit}: {error}");
        }

        var push = JsonSerializer.Deserialize(output.ToString(), PunchJson.Context.PushJson)!;
        return PushWire.Encode(push);
    }

    /// <summary>The items a push carries (its trackers' items, as the server stores them).</summary>
    public static int Items(byte[] body)
    {
        using var stream = new MemoryStream(body);
        return PushWire.Decode(stream).Documents.Sum(d => d.Items.Count);
    }
}
