using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Punchlist.Mcp;

/// <summary>
/// Paging for tools that list: an opaque cursor holding the offset of the next page and a fingerprint
/// of the request it continues, so a cursor given with another query is refused rather than paging
/// through the wrong list. Pages are counted afresh on every call: a tracker edited between two pages
/// may shift items from one page to the next.
/// </summary>
internal static class Cursor
{
    public static string? Next(string request, int offset, int shown, int total) =>
        offset + shown >= total ? null : Encode(request, offset + shown);

    /// <summary>The offset a cursor points to; 0 without one.</summary>
    /// <exception cref="PunchlistException">The cursor is not one this server made, or was made for another request.</exception>
    public static int Offset(string? cursor, string request)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        string[] parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
        {
            throw Invalid();
        }

        return parts[1] == Fingerprint(request)
            ? offset
            : throw new PunchlistException("the cursor belongs to another request: pass the same query and filters as the call that returned it, or no cursor to start again");
    }

    private static string Encode(string request, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{offset}:{Fingerprint(request)}")));

    private static string Fingerprint(string request) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)).AsSpan(0, 8));

    private static PunchlistException Invalid() => new("the cursor is not one this server returned: pass nextCursor from the previous page as it was, or no cursor to start again");
}
