using System.Text;

namespace Punchlist.Bench.Linear;

/// <summary>
/// The trackers the red team broke, at any size: a plain task list, cards whose status contradicts
/// their boxes (PL002 on every card), task lines full of invalid UTF-8 (PL007 several times a line),
/// and deep nesting (quotes 200 deep, lists 200 deep). Deterministic: the same size is the same file.
/// </summary>
internal static class Shapes
{
    public static readonly string[] All = ["tasks", "cards", "invalid-utf8", "nesting"];

    public static byte[] Make(string shape, long bytes)
    {
        var output = new MemoryStream((int)bytes + 4096);
        Write(output, $"# {shape} ({bytes / (1 << 20)} MB)\n\n");
        for (int i = 0; output.Length < bytes; i++)
        {
            switch (shape)
            {
                case "tasks":
                    if (i % 1000 == 0)
                    {
                        Write(output, $"\n## Area {i / 1000} [/]\n\n");
                    }

                    Write(output, $"- [{(i % 3 == 0 ? 'x' : ' ')}] Task {i} checks the backup of service {i % 97}\n");
                    break;
                case "cards":
                    Write(output, $"## P{i % 3}-{i:000000}: Card {i} about the deploy pipeline\n\n**Status:** Not Started\n**Owner:** @team{i % 7}\n\n- [x] criterion a of {i}\n- [ ] criterion b of {i}\n\n");
                    break;
                case "invalid-utf8":
                    Write(output, $"- [{(i % 2 == 0 ? 'x' : ' ')}] caf");
                    output.Write([0xE9, (byte)' ', 0xFF, 0xFE, (byte)' ', 0xC3, 0x28, (byte)' ', 0xED, 0xA0, 0x80]);
                    Write(output, $" item {i}\n");
                    break;
                default:
                    if (i % 2 == 0)
                    {
                        for (int line = 0; line < 50; line++)
                        {
                            Write(output, new string('>', 200) + $" - [ ] quoted {i}.{line}\n");
                        }
                    }
                    else
                    {
                        for (int depth = 0; depth < 200; depth++)
                        {
                            Write(output, new string(' ', 2 * depth) + $"- [ ] nested {i}.{depth}\n");
                        }
                    }

                    Write(output, "\n");
                    break;
            }
        }

        return output.ToArray();
    }

    private static void Write(MemoryStream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
