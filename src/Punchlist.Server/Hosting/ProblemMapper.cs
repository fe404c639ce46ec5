using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Punchlist.Server.Data;
using Punchlist.Server.Pages;

namespace Punchlist.Server.Hosting;

/// <summary>
/// Turns Punchlist's errors into problem-details responses with the right status: a malformed query
/// or address 400, an address that names nothing 404, a stale If-Match 412, no scan yet 503, any
/// other user error (an unreadable file, a card with nothing to tick) 422. Anything else is a bug:
/// 500, without the exception's text.
/// </summary>
internal sealed class ProblemMapper(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancel)
    {
        var (status, title, detail) = exception switch
        {
            AddressException { Malformed: true } e => (StatusCodes.Status400BadRequest, "Malformed item address", e.Message),
            AddressException e => (StatusCodes.Status404NotFound, "No such item", e.Message),
            PreconditionFailedException e => (StatusCodes.Status412PreconditionFailed, "The file changed", e.Message),
            NotReadyException e => (StatusCodes.Status503ServiceUnavailable, "Not ready", e.Message),
            BadRequestException e => (StatusCodes.Status400BadRequest, e.Title, e.Message),
            PunchlistException e => (StatusCodes.Status422UnprocessableEntity, "Cannot do that", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The server met an error it did not expect; the log has the details."),
        };

        if (exception is PreconditionFailedException { Current: var etag } && etag != "*")
        {
            context.Response.Headers.ETag = etag;
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

/// <summary>A request the server cannot read (a malformed query, a page number that is no number): 400.</summary>
public sealed class BadRequestException(string title, string message) : Exception(message)
{
    public string Title { get; } = title;
}
