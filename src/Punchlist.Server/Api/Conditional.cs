using Microsoft.Net.Http.Headers;

namespace Punchlist.Server.Api;

/// <summary>
/// ETags on reads: every answer derived from a snapshot carries the snapshot's (weak) tag, one item
/// the (strong) tag of its file's content — the tag a write's If-Match must name. A request whose
/// If-None-Match names the current tag gets 304 and no body.
/// </summary>
internal static class Conditional
{
    public static bool NotModified(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        var wanted = context.Request.GetTypedHeaders().IfNoneMatch;
        return wanted.Count > 0 && wanted.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
    }
}
