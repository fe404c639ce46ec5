using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Punchlist.Mcp.Tools;
using Punchlist.Json;

namespace Punchlist.Mcp;

/// <summary>
/// Punchlist's MCP surface, for any host of the SDK's server: the tools (the writes only when the
/// session may write), the trackers as resources, the prompts, and errors as tool errors of one
/// sentence. Tool results are the CLI's JSON shapes (docs/json.md), written by the same mapping.
/// </summary>
public static class PunchlistMcp
{
    public const string Instructions = """
        Punchlist reads the Markdown and Org trackers of this repository (TODO lists, roadmaps, readiness checklists, plans with
        P0-001 cards) as they are written, and says what is really done, late or contradicted. Start with status; find items with
        search_items (its query language: words, priority:p0, is:open, is:overdue, owner:NAME, doc:PATH…); read one with get_item;
        list_findings for false claims, contradictions and late items; verify_item to check an item against the repository before
        calling it done; item_history for an item's past in git (who ticked what, when). tick_criterion and set_status return a
        diff and write nothing unless apply: true — preview, show the user, then apply with the preview's documentHash as
        expected_hash. Items are named by address: DOCUMENT#KEY (ROADMAP.md#MH-002).
        """;

    /// <summary>The tool types that only read, and those that write (left out of a read-only session).</summary>
    public static readonly Type[] ReadTools = [typeof(StatusTool), typeof(SearchItemsTool), typeof(GetItemTool), typeof(ListFindingsTool), typeof(VerifyItemTool), typeof(ItemHistoryTool)];

    public static readonly Type[] WriteTools = [typeof(TickCriterionTool), typeof(SetStatusTool)];

    /// <summary>The names of the tools that write, for a host that decides per caller who may see them.</summary>
    public static readonly IReadOnlySet<string> WriteToolNames = new HashSet<string>(StringComparer.Ordinal) { "tick_criterion", "set_status" };

    /// <summary>How the server introduces itself to a client, whatever carries it.</summary>
    public static Implementation ServerInfo(string version) => new() { Name = "punchlist", Title = "Punchlist", Version = version };

    /// <summary>How tool results are written: the versioned shapes' source-generated metadata first, camelCase, every field written, strings escaped only where they must be.</summary>
    public static JsonSerializerOptions Json { get; } = new(McpJsonUtilities.DefaultOptions)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(McpJsonContext.Default, PunchJsonContext.Default, McpJsonUtilities.DefaultOptions.TypeInfoResolver),
        Encoder = ReadableEncoder.Instance,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never, // as the CLI: null, never missing
    };

    public static IMcpServerBuilder WithPunchlist(this IMcpServerBuilder builder, bool readOnly)
    {
        // As IEnumerable<Type>: an array alone binds to the overload that takes a target object.
        IEnumerable<Type> tools = readOnly ? ReadTools : [.. ReadTools, .. WriteTools];
        IEnumerable<Type> prompts = [typeof(Prompts)];
        builder.WithTools(tools, Json)
            .WithPrompts(prompts, Json)
            .WithListResourcesHandler(TrackerResources.List)
            .WithReadResourceHandler(TrackerResources.Read)
            .WithListResourceTemplatesHandler(TrackerResources.Templates)
            .WithRequestFilters(filters => filters.AddCallToolFilter(next => async (request, cancellationToken) =>
            {
                try
                {
                    return await next(request, cancellationToken);
                }
                catch (PunchlistException e)
                {
                    // The user's mistake or the repository's state, in one sentence the agent can act on.
                    return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = e.Message }] };
                }
            }));
        return builder;
    }
}
