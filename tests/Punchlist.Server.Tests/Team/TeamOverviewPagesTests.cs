using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Punchlist.Json;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Tests.Team;

/// <summary>
/// The organisation overview a page of 50 repositories at a time (totals and attention of all), each
/// page rendered once per build of the overview and served as bytes: compressed, tagged, 304 when unchanged.
/// </summary>
public sealed class TeamOverviewPagesTests(TeamOverviewPagesTests.Organisation organisation) : IClassFixture<TeamOverviewPagesTests.Organisation>
{
    private const int Repositories = 51;
    private readonly TeamServer _server = organisation.Server;

    /// <summary>
    /// One server for the class, read only by its tests: 50 copies of the sample's push under other
    /// names (equally ready, so ordered by name) and, first by name, the sample with its P0 and P1
    /// cards done: the most ready, so ordered last, on the second page.
    /// </summary>
    public sealed class Organisation : IAsyncLifetime
    {
        private readonly SampleRepository _sample = new("acme/sample");
        private readonly SampleRepository _done = new("acme/aa-done", (path, text) => path == "ops/incident-followups.md"
            ? text.Replace("**Status:** In Progress", "**Status:** Done", StringComparison.Ordinal).Replace("**Status:** Not Started", "**Status:** Done", StringComparison.Ordinal) : text);

        public TeamServer Server { get; } = new(TeamServer.NewDatabase());

        public async Task InitializeAsync()
        {
            var push = _sample.Push();
            for (int r = 0; r < Repositories - 1; r++)
            {
                string name = $"acme/r{r:00}";
                var (_, token) = await Server.Store.Tokens.AddAsync(name, TokenScope.Push);
                Assert.Equal(HttpStatusCode.OK, (await Server.PushAsync(push with { Repository = name }, token)).StatusCode);
            }

            var (_, doneToken) = await Server.Store.Tokens.AddAsync("acme/aa-done", TokenScope.Push);
            Assert.Equal(HttpStatusCode.OK, (await Server.PushAsync(_done.Push(), doneToken)).StatusCode);
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            _sample.Dispose();
            _done.Dispose();
        }
    }

    [Fact]
    public async Task The_overview_pages_the_repositories_least_ready_first_and_sums_all_of_them_on_every_page()
    {
        var first = await Json("/api/v1/overview");
        var second = await Json(first.Page.Next!);
        var all = await _server.Store.Reader.SummariesAsync();

        Assert.Equal(new OverviewPageJson(1, 2, 50, Repositories, null, "/api/v1/overview?page=2"), first.Page);
        Assert.Equal(new OverviewPageJson(2, 2, 50, Repositories, "/api/v1/overview", null), second.Page);
        var ordered = TeamMapping.ByReadiness(all.Select(h => TeamMapping.Repository(h.Name, h.Commit, h.CommittedAt, h.Branch, h.PushedAt, h.Totals))).Select(r => r.Name).ToList();
        Assert.Equal([.. Enumerable.Range(0, 50).Select(r => $"acme/r{r:00}"), "acme/aa-done"], ordered);
        Assert.Equal(ordered[..50], first.Repositories.Select(r => r.Name));
        Assert.Equal(ordered[50..], second.Repositories.Select(r => r.Name));
        var sum = TeamMapping.Sum(all.Select(h => h.Totals));
        Assert.Equal(JsonSerializer.Serialize(sum, PunchJson.Context.TotalsJson), JsonSerializer.Serialize(first.Totals, PunchJson.Context.TotalsJson));
        Assert.Equal(JsonSerializer.Serialize(first.Totals, PunchJson.Context.TotalsJson), JsonSerializer.Serialize(second.Totals, PunchJson.Context.TotalsJson));
        Assert.NotEmpty(first.Attention);
        Assert.Equal(first.Attention, second.Attention);
        Assert.Equal(Repositories, first.Page.Repositories);
    }

    [Fact]
    public async Task A_page_that_does_not_exist_is_answered_404_and_a_page_that_is_not_a_number_400()
    {
        foreach (string path in new[] { "/api/v1/overview?page=3", "/api/v1/overview?page=0", "/?page=3", "/?page=-1" })
        {
            using var response = await _server.GetAsync(path, null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("No such page", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await _server.GetAsync("/api/v1/overview?page=two", null)).StatusCode);
    }

    [Fact]
    public async Task The_organisation_page_shows_one_page_of_repositories_with_links_to_its_neighbours()
    {
        string first = await _server.CreateClient().GetStringAsync("/");
        string second = await _server.CreateClient().GetStringAsync("/?page=2");

        Assert.Contains("51 repositories", first);
        Assert.Contains("1–50 of 51", first);
        Assert.Contains(Row("acme/r49"), first);
        Assert.DoesNotContain(Row("acme/aa-done"), first);
        Assert.Contains("<a href=\"/?page=2\" rel=\"next\">", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("51–51 of 51", second);
        Assert.Contains(Row("acme/aa-done"), second);
        Assert.DoesNotContain(Row("acme/r00"), second);
        Assert.Contains("<a href=\"/\" rel=\"prev\">", second);
        Assert.Contains("hx-get=\"/?page=2\"", second);
        Assert.Contains("aria-current=\"page\"", second);
    }

    [Theory]
    [InlineData("/api/v1/overview")]
    [InlineData("/api/v1/overview?page=2")]
    [InlineData("/")]
    [InlineData("/?page=2")]
    public async Task Each_page_comes_compressed_as_the_client_accepts_the_same_bytes_each_time_and_304_when_unchanged(string path)
    {
        var (plain, plainResponse) = await GetAsync(path, null);
        var (brotli, brotliResponse) = await GetAsync(path, "br");
        var (gzip, gzipResponse) = await GetAsync(path, "gzip");
        var (either, eitherResponse) = await GetAsync(path, "gzip, deflate, br");
        var (refused, refusedResponse) = await GetAsync(path, "br;q=0, gzip;q=0.5");
        var (again, _) = await GetAsync(path, "br");

        Assert.Empty(plainResponse.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotliResponse.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzipResponse.Content.Headers.ContentEncoding);
        Assert.Equal([brotli.Length < gzip.Length ? "br" : "gzip"], eitherResponse.Content.Headers.ContentEncoding);
        Assert.Equal(Math.Min(brotli.Length, gzip.Length), either.Length);
        Assert.Equal(["gzip"], refusedResponse.Content.Headers.ContentEncoding);
        Assert.Equal(gzip, refused);
        Assert.Contains("Accept-Encoding", plainResponse.Headers.Vary);
        Assert.True(brotli.Length < plain.Length / 4, $"{brotli.Length} of {plain.Length} bytes");
        Assert.Equal(plain, Decompress(brotli, s => new BrotliStream(s, CompressionMode.Decompress)));
        Assert.Equal(plain, Decompress(gzip, s => new GZipStream(s, CompressionMode.Decompress)));
        Assert.Equal(brotli, again);

        var etag = plainResponse.Headers.ETag!;
        Assert.Equal(etag, brotliResponse.Headers.ETag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        conditional.Headers.AcceptEncoding.ParseAdd("br");
        using var notModified = await _server.CreateClient().SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Other_answers_are_compressed_by_the_middleware_when_the_client_accepts_it()
    {
        var (body, response) = await GetAsync("/api/v1/search?q=has:id&limit=100", "gzip");

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var search = JsonSerializer.Deserialize(Decompress(body, s => new GZipStream(s, CompressionMode.Decompress)), PunchJson.Context.TeamSearchJson)!;
        Assert.Equal(100, search.Results.Count);
    }

    // A repository's row in the repositories' table (the attention list links repositories too).
    private static string Row(string name) => $"<th scope=\"row\"><a href=\"/repositories/{name}\">";

    private async Task<OverviewJson> Json(string path)
    {
        using var response = await _server.GetAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), PunchJson.Context.OverviewJson)!;
    }

    private async Task<(byte[] Body, HttpResponseMessage Response)> GetAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await _server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    private static byte[] Decompress(byte[] body, Func<Stream, Stream> decompressor)
    {
        using var input = decompressor(new MemoryStream(body));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
