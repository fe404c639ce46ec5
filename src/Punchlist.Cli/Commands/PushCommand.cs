using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Punchlist.Cli.Json;
using Punchlist.Cli.Push;
using Punchlist.Cli.Rendering;
using Punchlist.Json;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch push --server URL`: scans the repository as `punch status` does and sends the result
/// (`punchlist.push/1`, gzip-compressed) to a team server, with the push token from PUNCHLIST_TOKEN.
/// </summary>
internal static class PushCommand
{
    public const string TokenVariable = "PUNCHLIST_TOKEN";

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var path = new Argument<string?>("path") { Description = "The repository folder to scan (default: the current folder)", Arity = ArgumentArity.ZeroOrOne };
        var server = new Option<string?>("--server") { Description = "The team server, e.g. https://punchlist.example.com", HelpName = "URL" };
        var repository = new Option<string?>("--repository") { Description = "The repository's name on the server (default: the path of the git remote origin)", HelpName = "OWNER/NAME" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be sent (punchlist.push/1) and send nothing" };
        var command = new Command("push", "Send this repository's scan to a team server (punch serve --database)") { path, server, repository, dryRun };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            context.NoPager();
            string folder = Path.GetFullPath(parse.GetValue(path) ?? environment.WorkingDirectory, environment.WorkingDirectory);
            string root = Analysis.Policies.GitHead.RepositoryRoot(folder) ?? throw new PunchlistException($"'{folder}' is not in a git repository: a push names a commit");
            string name = parse.GetValue(repository) ?? GitCheckout.RepositoryFromOrigin(root)
                ?? throw new PunchlistException("no repository name: the git remote origin names none; pass --repository OWNER/NAME");
            if (!PushWire.IsRepositoryName(name))
            {
                throw new PunchlistException($"--repository '{name}' is not OWNER/NAME");
            }

            Uri? target = null;
            string? token = null;
            if (!parse.GetValue(dryRun))
            {
                target = Target(parse.GetValue(server));
                token = environment.Variable(TokenVariable) ?? throw new PunchlistException($"no push token: set {TokenVariable} (punch serve token add {name} prints one)");
            }

            var push = PushScan.Build(context, [folder], name, GitCheckout.Commit(root));
            if (target is null)
            {
                JsonOutput.Write(context.Out, push, PunchJson.Context.PushJson);
                return ExitCodes.Ok;
            }

            var answer = Send(target, token!, PushWire.Encode(push));
            if (context.Json)
            {
                JsonOutput.Write(context.Out, answer, PunchJson.Context.PushedJson);
            }
            else
            {
                string head = answer.Head ? "now its head" : "not its head (a later commit was pushed before)";
                context.Text.WriteLine($"pushed {answer.Repository} at {answer.Commit[..12]}: {StatusRenderer.Plural(answer.Documents, "tracker")}, {StatusRenderer.Plural(answer.NewVersions, "new version")} stored; {head}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Uri Target(string? server)
    {
        if (server is null || !Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new PunchlistException(server is null ? "--server URL is required (or --dry-run)" : $"--server '{server}' is not an http or https URL");
        }

        return new Uri(uri, uri.AbsolutePath.TrimEnd('/') + "/api/v1/push");
    }

    private static PushedJson Send(Uri target, string token, byte[] body)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(PushWire.ContentType);
        content.Headers.ContentEncoding.Add(PushWire.ContentEncoding);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = client.Send(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new PunchlistException($"cannot reach {target.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
        }

        using (response)
        {
            string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                throw new PunchlistException($"the server refused the push ({(int)response.StatusCode} {Reason(response.StatusCode)}): {Detail(text)}");
            }

            try
            {
                return JsonSerializer.Deserialize(text, PunchJson.Context.PushedJson) ?? throw new JsonException("empty");
            }
            catch (JsonException)
            {
                throw new PunchlistException($"the server's answer is not punchlist.pushed/1: {Short(text)}");
            }
        }
    }

    private static string Reason(HttpStatusCode code) => code switch
    {
        HttpStatusCode.Unauthorized => "the token is unknown or revoked",
        HttpStatusCode.Forbidden => "the token may not push to this repository",
        _ => code.ToString(),
    };

    // The problem details' detail when the body is one; else its start.
    private static string Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
        }
        catch (JsonException)
        {
            // not JSON: shown as it is
        }

        return Short(body);
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
