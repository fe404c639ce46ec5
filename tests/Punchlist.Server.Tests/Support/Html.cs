using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Punchlist.Server.Tests.Support;

/// <summary>Pages read as a browser's parser reads them (AngleSharp), for assertions on their structure.</summary>
public static class Html
{
    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return new HtmlParser().ParseDocument(body);
    }

    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
