using System.Diagnostics;
using System.Text;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Live;

/// <summary>The live stream: a file saved in the workspace becomes an event naming it, and the pages show the change.</summary>
public sealed class LiveStreamTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task A_saved_file_becomes_a_scan_event_naming_it_and_the_pages_show_the_change()
    {
        using var stream = await EventStream.OpenAsync(server.Client);
        var hello = await stream.NextAsync(e => e.Type == "hello");
        Assert.Contains("\"version\":", hello.Data, StringComparison.Ordinal);

        string path = server.Factory.Workspace.Path("TODO.md");
        File.AppendAllText(path, "\n- [ ] Rotate the live-stream test key\n");
        var started = Stopwatch.StartNew();
        var scan = await stream.NextAsync(e => e.Type == "scan" && e.Data.Contains("TODO.md", StringComparison.Ordinal));
        Assert.Contains("\"documents\":[\"TODO.md\"]", scan.Data, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));

        var page = await Html.GetAsync(server.Client, "/items?q=" + Uri.EscapeDataString("rotate live-stream"));
        Assert.Contains(page.QuerySelectorAll("#results tbody th a"), a => a.Text() == "Rotate the live-stream test key");
    }
}

/// <summary>Reads server-sent events from `/events`, one at a time, each within a bounded wait.</summary>
internal sealed class EventStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<EventStream> OpenAsync(HttpClient client)
    {
        var response = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
    }

    public async Task<(string Type, string Data)> NextAsync(Func<(string Type, string Data), bool> wanted, int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        string type = "message";
        var data = new StringBuilder();
        while (true)
        {
            string? line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the live stream ended");
            if (line.Length == 0)
            {
                var item = (type, data.ToString());
                if (wanted(item))
                {
                    return item;
                }

                type = "message";
                data.Clear();
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
