namespace Punchlist.Server.Operations;

/// <summary>
/// Every message the server logs, source-generated: structured (each value a named property), and
/// never formatted when its level is off. Tokens never appear in any of them.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Serving {Workspace} at {Addresses} ({Mode})")]
    public static partial void Listening(ILogger logger, string workspace, string addresses, string mode);

    [LoggerMessage(2, LogLevel.Information, "Scan {Version}: {Trackers} trackers, {Parsed} files parsed, {Milliseconds:F1} ms")]
    public static partial void Scanned(ILogger logger, long version, int trackers, int parsed, double milliseconds);

    [LoggerMessage(3, LogLevel.Information, "Checked scan {Version}: {Findings} findings in {Milliseconds:F1} ms")]
    public static partial void Analysed(ILogger logger, long version, int findings, double milliseconds);

    [LoggerMessage(4, LogLevel.Information, "Wrote {Address} (criterion {Criterion}, done {Done})")]
    public static partial void Written(ILogger logger, string address, int? criterion, bool done);

    [LoggerMessage(5, LogLevel.Warning, "{Warning}")]
    public static partial void Warning(ILogger logger, string warning);

    [LoggerMessage(6, LogLevel.Error, "Scan failed: {Message}")]
    public static partial void ScanFailed(ILogger logger, string message, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Watching the workspace failed ({Message}); polling every {Seconds} s instead")]
    public static partial void Polling(ILogger logger, string message, int seconds);

    [LoggerMessage(8, LogLevel.Warning, "Refused a write to {Address}: {Reason}")]
    public static partial void WriteRefused(ILogger logger, string address, string reason);

    [LoggerMessage(9, LogLevel.Warning, "Listening beyond loopback ({Addresses}) with no read token: anyone who reaches it can read every tracker")]
    public static partial void OpenToNetwork(ILogger logger, string addresses);

    [LoggerMessage(10, LogLevel.Error, "Checking the workspace failed: {Message}")]
    public static partial void AnalysisFailed(ILogger logger, string message, Exception exception);

    [LoggerMessage(11, LogLevel.Information, "History at {Head}: {Commits} commits read, {Parsed} blobs parsed, {Milliseconds:F1} ms")]
    public static partial void HistoryRead(ILogger logger, string head, int commits, int parsed, double milliseconds);

    [LoggerMessage(12, LogLevel.Information, "No history: {Reason}")]
    public static partial void NoHistory(ILogger logger, string reason);

    [LoggerMessage(13, LogLevel.Error, "Reading the history failed: {Message}")]
    public static partial void HistoryFailed(ILogger logger, string message, Exception exception);
}
