using System.Text;
using Punchlist.Cli;

// Standard output through a large buffer, flushed once at the end: Console.Out flushes every write,
// and a status of ten thousand trackers is megabytes of JSON (measured: a third of a warm status).
// Errors stay unbuffered, so they are seen at once.
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
int exit = CliApp.Run(args, output, Console.Error, CliEnvironment.FromProcess());
output.Flush();
return exit;
