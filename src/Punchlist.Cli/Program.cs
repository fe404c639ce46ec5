using System.Text;
using Punchlist.Cli;

var environment = CliEnvironment.FromProcess();
using var standardOutput = Console.OpenStandardOutput();

// Standard output through a large buffer, flushed once at the end: Console.Out flushes every write,
// and a status of ten thousand trackers is megabytes of JSON (measured: a third of a warm status).
// On a terminal it is held whole, for the pager. Errors stay unbuffered, so they are seen at once.
using var held = environment.Pager is null ? null : new MemoryStream();
var output = new StreamWriter(held ?? standardOutput, new UTF8Encoding(false), 1 << 16);
int exit = CliApp.Run(args, output, Console.Error, environment);
output.Flush();
if (held is not null)
{
    environment.Pager!.Show(held.GetBuffer().AsSpan(0, (int)held.Length), standardOutput);
}

return exit;
