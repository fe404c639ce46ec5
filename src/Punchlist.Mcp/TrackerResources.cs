using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Punchlist.Mcp;

/// <summary>
/// Every tracker of the workspace as an MCP resource, `punchlist://tracker/PATH` (each segment of the
/// path percent-encoded), its text as it is on disk. Only trackers are served: a URI naming any other
/// file, or a path outside the workspace, is not found.
/// </summary>
internal static class TrackerResources
{
    public const string Prefix = "punchlist://tracker/";

    public static ResourceTemplate Template { get; } = new()
    {
        UriTemplate = Prefix + "{+path}",
        Name = "tracker",
        Title = "A tracker of the workspace",
        Description = "A Markdown or Org tracker by its path in the workspace, e.g. punchlist://tracker/docs/ROADMAP.md",
        MimeType = "text/markdown",
    };

    public static ValueTask<ListResourcesResult> List(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken)
    {
        var workspace = request.Services!.GetRequiredService<McpWorkspace>();
        return ValueTask.FromResult(workspace.Run(() =>
        {
            using var index = workspace.Scan(factsOnly: true);
            return new ListResourcesResult
            {
                Resources = [.. index.Summaries.Select(s => new Resource
                {
                    Uri = Uri(s.Path),
                    Name = s.Path,
                    Title = s.Title,
                    MimeType = MimeType(s.Path),
                    Description = $"{s.Items.Total} items: {s.Items.Done} done, {s.Items.InProgress} in progress, {s.Items.Open} open, {s.Items.Blocked} blocked; {s.Overdue(workspace.Today)} overdue",
                })],
            };
        }));
    }

    public static ValueTask<ReadResourceResult> Read(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var workspace = request.Services!.GetRequiredService<McpWorkspace>();
        string uri = request.Params?.Uri ?? string.Empty;
        string? path = PathOf(uri);
        return ValueTask.FromResult(workspace.Run(() =>
        {
            using var index = workspace.Scan(factsOnly: true);
            if (path is null || !index.Summaries.Any(s => s.Path == path))
            {
                throw new McpProtocolException($"no tracker at '{uri}': resources/list names them", McpErrorCode.ResourceNotFound);
            }

            string text;
            try
            {
                text = Punchlist.Text.SourceText.FromBytes(File.ReadAllBytes(Path.Combine(index.Root, path))).Text;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new McpProtocolException($"{path}: cannot be read: {e.Message}", McpErrorCode.InternalError);
            }

            return new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri, MimeType = MimeType(path), Text = text }] };
        }));
    }

    public static ValueTask<ListResourceTemplatesResult> Templates(RequestContext<ListResourceTemplatesRequestParams> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListResourceTemplatesResult { ResourceTemplates = [Template] });

    public static string Uri(string path) => Prefix + string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));

    private static string? PathOf(string uri)
    {
        if (!uri.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string path = string.Join('/', uri[Prefix.Length..].Split('/').Select(System.Uri.UnescapeDataString));
        return path.Length == 0 || path.Split('/').Any(s => s is "" or "." or "..") ? null : path;
    }

    private static string MimeType(string path) => path.EndsWith(".org", StringComparison.OrdinalIgnoreCase) ? "text/org" : "text/markdown";
}
