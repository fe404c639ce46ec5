namespace Punchlist;

/// <summary>
/// The one exception Punchlist throws on purpose: a user error (bad arguments, a malformed
/// punchlist.yml, an unreadable file, an ambiguous address). Hosts turn it into one line and exit 2.
/// </summary>
public sealed class PunchlistException : Exception
{
    public PunchlistException(string message)
        : base(message)
    {
    }

    public PunchlistException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PunchlistException()
    {
    }
}
