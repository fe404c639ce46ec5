using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Vocabulary;

/// <summary>
/// Normalises declared statuses (`🔄 NOT STARTED`, `IN PROGRESS (Phase 1 Complete)`, `✅ Done`) to a
/// state. The phrase that starts earliest wins, so `Not started` is open and `In progress (phase 1
/// complete)` is in progress; emoji decide only when no word does.
/// </summary>
public sealed class StatusVocabulary
{
    private static readonly (string Phrase, ItemState State)[] BuiltIn =
    [
        ("not started", ItemState.Open), ("not yet started", ItemState.Open), ("to do", ItemState.Open),
        ("todo", ItemState.Open), ("open", ItemState.Open), ("pending", ItemState.Open), ("planned", ItemState.Open),
        ("planning", ItemState.Open), ("backlog", ItemState.Open), ("new", ItemState.Open), ("ready", ItemState.Open),
        ("queued", ItemState.Open), ("proposed", ItemState.Open), ("draft", ItemState.Open), ("not done", ItemState.Open),
        ("incomplete", ItemState.Open), ("unstarted", ItemState.Open), ("scheduled", ItemState.Open), ("idea", ItemState.Open),
        ("in progress", ItemState.InProgress), ("wip", ItemState.InProgress), ("started", ItemState.InProgress),
        ("ongoing", ItemState.InProgress), ("active", ItemState.InProgress), ("doing", ItemState.InProgress),
        ("in review", ItemState.InProgress), ("under review", ItemState.InProgress), ("review", ItemState.InProgress),
        ("in development", ItemState.InProgress), ("in dev", ItemState.InProgress), ("partial", ItemState.InProgress),
        ("partially", ItemState.InProgress), ("in testing", ItemState.InProgress), ("testing", ItemState.InProgress),
        ("underway", ItemState.InProgress), ("under way", ItemState.InProgress), ("implementing", ItemState.InProgress),
        ("almost done", ItemState.InProgress), ("nearly done", ItemState.InProgress),
        ("done", ItemState.Done), ("complete", ItemState.Done), ("completed", ItemState.Done), ("finished", ItemState.Done),
        ("resolved", ItemState.Done), ("closed", ItemState.Done), ("shipped", ItemState.Done), ("released", ItemState.Done),
        ("merged", ItemState.Done), ("verified", ItemState.Done), ("implemented", ItemState.Done), ("delivered", ItemState.Done),
        ("deployed", ItemState.Done), ("fixed", ItemState.Done), ("accepted", ItemState.Done), ("achieved", ItemState.Done),
        ("blocked", ItemState.Blocked), ("on hold", ItemState.Blocked), ("paused", ItemState.Blocked), ("waiting", ItemState.Blocked),
        ("stalled", ItemState.Blocked), ("stuck", ItemState.Blocked), ("deferred", ItemState.Blocked), ("postponed", ItemState.Blocked),
        ("awaiting", ItemState.Blocked),
        ("cancelled", ItemState.Cancelled), ("canceled", ItemState.Cancelled), ("won t do", ItemState.Cancelled),
        ("wont do", ItemState.Cancelled), ("won t fix", ItemState.Cancelled), ("wontfix", ItemState.Cancelled),
        ("wont fix", ItemState.Cancelled), ("dropped", ItemState.Cancelled), ("obsolete", ItemState.Cancelled),
        ("deprecated", ItemState.Cancelled), ("rejected", ItemState.Cancelled), ("abandoned", ItemState.Cancelled),
        ("not applicable", ItemState.Cancelled), ("n a", ItemState.Cancelled), ("superseded", ItemState.Cancelled),
        ("duplicate", ItemState.Cancelled), ("skipped", ItemState.Cancelled), ("removed", ItemState.Cancelled),
    ];

    private static readonly (string Emoji, ItemState State)[] Emoji =
    [
        ("✅", ItemState.Done), ("✔", ItemState.Done), ("☑", ItemState.Done), ("🟢", ItemState.Done),
        ("🔄", ItemState.InProgress), ("🚧", ItemState.InProgress), ("⏳", ItemState.InProgress), ("🟡", ItemState.InProgress),
        ("🔶", ItemState.InProgress), ("⌛", ItemState.InProgress),
        ("⏸", ItemState.Blocked), ("🛑", ItemState.Blocked), ("⛔", ItemState.Blocked), ("🚫", ItemState.Blocked),
        ("❌", ItemState.Open), ("📋", ItemState.Open), ("⬜", ItemState.Open), ("🔲", ItemState.Open), ("🔴", ItemState.Open), ("⭕", ItemState.Open),
        ("🗑", ItemState.Cancelled),
    ];

    // Declared after the tables it reads: static fields initialise in textual order.
    public static readonly StatusVocabulary Default = new(new Dictionary<string, ItemState>());

    private readonly (string[] Words, ItemState State)[] _phrases;

    private StatusVocabulary(IReadOnlyDictionary<string, ItemState> custom)
    {
        _phrases = custom.Select(c => (TextFold.Words(c.Key).Split(' '), c.Value))
            .Concat(BuiltIn.Select(b => (b.Phrase.Split(' '), b.State)))
            .ToArray();
    }

    /// <summary>A vocabulary extended by punchlist.yml's `statuses:` (custom phrases are tried first).</summary>
    public static StatusVocabulary With(IReadOnlyDictionary<string, ItemState> custom) =>
        custom.Count == 0 ? Default : new StatusVocabulary(custom);

    public ItemState? Normalise(string raw)
    {
        string[] words = TextFold.Words(raw.Replace('_', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ItemState? best = null;
        int bestAt = int.MaxValue, bestLength = 0;
        foreach (var (phrase, state) in _phrases)
        {
            int at = IndexOf(words, phrase);
            if (at >= 0 && (at < bestAt || (at == bestAt && phrase.Length > bestLength)))
            {
                (best, bestAt, bestLength) = (state, at, phrase.Length);
            }
        }

        if (best is not null)
        {
            return best;
        }

        foreach (var (emoji, state) in Emoji)
        {
            if (raw.Contains(emoji, StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>
    /// The state a text names when it is nothing but a status phrase (`DONE`, `In Progress`, `TODO`):
    /// a dashboard row labelled so counts the items in that state. Null for anything longer.
    /// </summary>
    public ItemState? Exact(string raw)
    {
        string folded = TextFold.Words(raw.Replace('_', ' '));
        foreach (var (phrase, state) in _phrases)
        {
            if (folded == string.Join(' ', phrase))
            {
                return state;
            }
        }

        return null;
    }

    private static int IndexOf(string[] words, string[] phrase)
    {
        for (int i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return i;
            }
        }

        return -1;
    }
}
