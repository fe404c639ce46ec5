namespace Punchlist.Server.Data;

/// <summary>
/// What an item address in a URL may look like before it is looked up: `DOCUMENT#KEY` or `KEY`, the
/// document a path relative to the workspace. Addresses are resolved only against the index's own
/// documents, so nothing outside the workspace is reachable either way; this says early and plainly
/// that `../x`, `/etc/x` or an empty key are not addresses at all.
/// </summary>
public static class AddressRules
{
    public const int MaxLength = 1024;

    /// <exception cref="AddressException">The address is malformed.</exception>
    public static void Check(string address)
    {
        if (Problem(address) is { } problem)
        {
            throw new AddressException($"'{Shorten(address)}' is not an item address: {problem}", malformed: true);
        }
    }

    private static string? Problem(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "it is empty; write DOCUMENT#KEY or KEY";
        }

        if (address.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        if (address.Any(char.IsControl))
        {
            return "it holds control characters";
        }

        int hash = address.LastIndexOf('#');
        if (hash == address.Length - 1)
        {
            return "it names no key after '#'";
        }

        string document = hash >= 0 ? address[..hash] : string.Empty;
        if (document.StartsWith('/') || document.Contains('\\') || document.Contains(':'))
        {
            return "its document must be a path relative to the workspace, with '/' between folders";
        }

        return document.Split('/').Any(part => part is ".." or ".") ? "its document path may not hold '.' or '..' folders" : null;
    }

    private static string Shorten(string address) => address.Length <= 80 ? address : address[..80] + "…";
}
