namespace Punchlist.History;

/// <summary>A commit of the main line that changed a tracker: its place in the history (<see cref="Seq"/>), when it landed (committer time) and who wrote it.</summary>
public sealed record HistoryCommit(int Seq, string Id, DateTime When, string Author, string Subject, bool IsMerge)
{
    public string ShortId => Id.Length > 10 ? Id[..10] : Id;
}

/// <summary>
/// An item as a commit left it: <see cref="Version"/> while it is in its document (<see cref="Present"/>),
/// or how it last was once it is gone. <see cref="Document"/> is the document's latest path (its
/// name through renames); <see cref="Item"/> is the same number for the item through every change.
/// </summary>
public sealed record ItemEvent(long Item, HistoryCommit Commit, string Document, ItemVersion Version, bool Present)
{
    public string Address => $"{Document}#{Version.Key}";
}

/// <summary>The unit of a burn-up's periods. Weeks run Monday to Sunday, as in queries.</summary>
public enum HistoryInterval
{
    Day,
    Week,
    Month,
}

public static class HistoryIntervals
{
    /// <summary>The first day of the period holding <paramref name="day"/>.</summary>
    public static DateOnly Start(this HistoryInterval interval, DateOnly day) => interval switch
    {
        HistoryInterval.Day => day,
        HistoryInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    /// <summary>The first day of the next period.</summary>
    public static DateOnly Next(this HistoryInterval interval, DateOnly start) => interval switch
    {
        HistoryInterval.Day => start.AddDays(1),
        HistoryInterval.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };

    public static string Name(this HistoryInterval interval) => interval.ToString().ToLowerInvariant();
}
