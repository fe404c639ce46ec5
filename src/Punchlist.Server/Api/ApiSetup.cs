using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;
using Punchlist.Json;

namespace Punchlist.Server.Api;

/// <summary>The API's JSON is the CLI's (Punchlist.Json's shapes and serializer settings), and its OpenAPI document says who may write.</summary>
internal static class ApiSetup
{
    public static IServiceCollection AddPunchlistApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            var cli = PunchJson.Options;
            o.SerializerOptions.PropertyNamingPolicy = cli.PropertyNamingPolicy;
            o.SerializerOptions.WriteIndented = cli.WriteIndented;
            o.SerializerOptions.DefaultIgnoreCondition = cli.DefaultIgnoreCondition;
            o.SerializerOptions.Encoder = cli.Encoder;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, PunchJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, ApiJsonContext.Default);
        });
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Punchlist",
                Version = "v1",
                Description = "The trackers of one workspace: true progress, items, findings and evidence, in the same JSON shapes as `punch --json` (docs/json.md). " +
                    "Writes need the server's token as a bearer token and the item's ETag as If-Match.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The server's write token (--token or PUNCHLIST_TOKEN); also the read token when one is set." },
            };
            return Task.CompletedTask;
        }));
        return services;
    }
}

/// <summary>What a write asks for: a criterion ticked or not.</summary>
public sealed record CriterionWrite(bool Checked);

/// <summary>What a write asks for: the item done, or open again (in the document's own words: its box, or its status line).</summary>
public sealed record StatusWrite(string State);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(CriterionWrite))]
[System.Text.Json.Serialization.JsonSerializable(typeof(StatusWrite))]
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<DocumentStatusJson>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class ApiJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
