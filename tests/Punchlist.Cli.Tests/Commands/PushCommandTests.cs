using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Punchlist.Cli.Push;
using Punchlist.Cli.Tests.Support;
using Punchlist.Json;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

public sealed class PushCommandTests : IDisposable
{
    private readonly GitRepository _repository = new();

    public PushCommandTests()
    {
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "samples"), "*", SearchOption.AllDirectories))
        {
            _repository.Write(Path.GetRelativePath(Path.Combine(Repo.Root, "samples"), file), File.ReadAllText(file));
        }

        _repository.Commit("2026-11-20T09:30:00+01:00");
        _repository.Git("remote", "add", "origin", "git@github.com:acme/payments.git");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_dry_run_prints_the_push_of_this_commit_whose_status_is_what_punch_status_prints()
    {
        var (exit, output, error) = Punch.RunIn(_repository.Root, "push", "--dry-run");
        Assert.True(exit == 0, error);
        var push = JsonSerializer.Deserialize(output, PunchJson.Context.PushJson)!;
        var status = Punch.RunIn(_repository.Root, "status", "--json");

        Assert.Equal(PushJson.Version, push.Schema);
        Assert.Equal("acme/payments", push.Repository);
        Assert.Equal(_repository.Head, push.Commit.Sha);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), push.Commit.CommittedAt);
        Assert.Equal("main", push.Commit.Branch);
        Assert.Equal(Normal(status.Out), Normal(JsonSerializer.Serialize(push.Status, PunchJson.Context.StatusJson)));
        Assert.Equal(push.Status.Documents.Select(d => d.Path), push.Documents.Select(d => d.Path));
    }

    [Fact]
    public void Each_document_carries_its_content_hash_items_findings_and_verdicts_as_check_and_show_report_them()
    {
        var push = JsonSerializer.Deserialize(Punch.RunIn(_repository.Root, "push", "--dry-run").Out, PunchJson.Context.PushJson)!;
        var check = JsonSerializer.Deserialize(Punch.RunIn(_repository.Root, "check", "--json").Out, PunchJson.Context.FindingsJson)!;
        var list = JsonSerializer.Deserialize(Punch.RunIn(_repository.Root, "list", "--json").Out, PunchJson.Context.ItemsJson)!;

        foreach (var document in push.Documents)
        {
            Assert.Equal(Punchlist.Text.SourceText.Hash(File.ReadAllBytes(_repository.Path(document.Path))), document.Sha256);
            Assert.Equal(document.Items.Count, push.Status.Documents.Single(d => d.Path == document.Path).Items.Total);
            Assert.All(document.Items, i => Assert.Equal(i.Item.Criteria.Total, i.Criteria.Count));
            Assert.All(document.Evidence, v => Assert.Contains(v.Verdict, new[] { "verified", "contradicted", "unknown" }));
        }

        Assert.Equal(Serialize(check.Findings), Serialize(push.Documents.SelectMany(d => d.Findings).OrderBy(f => f.Document, StringComparer.Ordinal).ToList()));
        Assert.Equal(list.Items.Select(i => i.Address).Order(StringComparer.Ordinal), push.Documents.SelectMany(d => d.Items).Select(i => i.Item.Address).Order(StringComparer.Ordinal));
        Assert.Equal(push.Status.Totals.Verification.Done, push.Documents.Sum(d => d.Items.Count(i => i.Item.State == "done")));
    }

    [Fact]
    public void The_wire_form_is_gzip_and_reads_back_the_same_push()
    {
        var push = JsonSerializer.Deserialize(Punch.RunIn(_repository.Root, "push", "--dry-run").Out, PunchJson.Context.PushJson)!;
        byte[] wire = PushWire.Encode(push);

        Assert.Equal([0x1f, 0x8b], wire[..2]);
        var read = PushWire.Decode(new MemoryStream(wire));
        Assert.Equal(JsonSerializer.Serialize(push, PunchJson.Context.PushJson), JsonSerializer.Serialize(read, PunchJson.Context.PushJson));
    }

    [Fact]
    public void A_body_that_is_not_a_well_formed_push_is_refused_with_the_reason()
    {
        var push = JsonSerializer.Deserialize(Punch.RunIn(_repository.Root, "push", "--dry-run").Out, PunchJson.Context.PushJson)!;

        Assert.Contains("not gzip", Assert.Throws<PushFormatException>(() => PushWire.Decode(new MemoryStream("{}"u8.ToArray()))).Message);
        Assert.Contains("schema", Refused(push with { Schema = "punchlist.push/9" }));
        Assert.Contains("OWNER/NAME", Refused(push with { Repository = "../etc" }));
        Assert.Contains("commit", Refused(push with { Commit = push.Commit with { Sha = "HEAD" } }));
        Assert.Contains("repeated", Refused(push with { Documents = [.. push.Documents, push.Documents[0]] }));
        Assert.Contains("SHA-256", Refused(push with { Documents = [push.Documents[0] with { Sha256 = "abc" }] }));
        Assert.Contains("not a punchlist.push/1", Assert.Throws<PushFormatException>(() => PushWire.Decode(Gzip("""{"schema":"punchlist.push/1","repository":null}"""))).Message);
        Assert.Throws<PushTooLargeException>(() => PushWire.Decode(new MemoryStream(PushWire.Encode(push)), maxJsonBytes: 1000));
    }

    [Theory]
    [InlineData("https://github.com/acme/api.git", "acme/api")]
    [InlineData("https://github.com/acme/api", "acme/api")]
    [InlineData("git@github.com:acme/api.git", "acme/api")]
    [InlineData("ssh://git@gitlab.example.com:2222/platform/team/api.git", "platform/team/api")]
    [InlineData("https://token@gitlab.example.com/platform/api/", "platform/api")]
    [InlineData("/srv/git/api.git", null)]
    [InlineData("https://github.com/api", null)]
    public void The_repository_name_is_the_path_of_the_origin_remote(string url, string? expected) =>
        Assert.Equal(expected, GitCheckout.RepositoryFromUrl(url));

    [Fact]
    public void A_push_needs_a_server_and_a_token_and_says_so_in_one_line()
    {
        var noServer = Punch.RunIn(_repository.Root, "push");
        Assert.Equal((2, "punch: --server URL is required (or --dry-run)\n"), (noServer.Exit, noServer.Err));

        var env = new CliEnvironment(Punch.Today, false, 120, _repository.Root) { IndexOnDisk = false, Variable = _ => null };
        var noToken = Punch.Invoke(env, ["push", "--server", "http://127.0.0.1:9"]);
        Assert.Equal(2, noToken.Exit);
        Assert.StartsWith("punch: no push token: set PUNCHLIST_TOKEN", noToken.Err, StringComparison.Ordinal);

        var badName = Punch.RunIn(_repository.Root, "push", "--dry-run", "--repository", "no-slash");
        Assert.Equal((2, "punch: --repository 'no-slash' is not OWNER/NAME\n"), (badName.Exit, badName.Err));
    }

    private static string Refused(PushJson push) =>
        Assert.Throws<PushFormatException>(() => PushWire.Decode(new MemoryStream(PushWire.Encode(push)))).Message;

    private static MemoryStream Gzip(string json)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        buffer.Position = 0;
        return buffer;
    }

    private static string Serialize(IReadOnlyList<FindingJson> findings) => JsonSerializer.Serialize(findings, PunchJson.Options);

    private static string Normal(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
