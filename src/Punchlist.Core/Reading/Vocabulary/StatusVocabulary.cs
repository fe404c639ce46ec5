using System.Collections.Frozen;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Vocabulary;

/// <summary>
/// Normalises declared statuses (`🔄 NOT STARTED`, `IN PROGRESS (Phase 1 Complete)`, `✅ Done`,
/// `Not implemented`, `✅ مكتمل`) to a state. Words decide before emoji; negations and hedges are
/// read with the phrase they qualify, and a value that is a sentence rather than a status is not
/// read at all (see <see cref="StatusSentence"/>). Folded words make the phrases case- and
/// accent-blind, so one table serves English, Spanish, French, German, Portuguese, Italian, Arabic,
/// Russian, Chinese and Japanese.
/// </summary>
public sealed class StatusVocabulary
{
    private static readonly (string Phrase, ItemState State)[] BuiltIn =
    [
        ("not started", ItemState.Open), ("not yet started", ItemState.Open), ("to do", ItemState.Open),
        ("todo", ItemState.Open), ("open", ItemState.Open), ("pending", ItemState.Open), ("planned", ItemState.Open),
        ("planning", ItemState.Open), ("backlog", ItemState.Open), ("new", ItemState.Open), ("ready", ItemState.Open),
        ("ready to start", ItemState.Open), ("queued", ItemState.Open), ("proposed", ItemState.Open), ("draft", ItemState.Open),
        ("not done", ItemState.Open), ("incomplete", ItemState.Open), ("unstarted", ItemState.Open), ("scheduled", ItemState.Open),
        ("idea", ItemState.Open), ("missing", ItemState.Open), ("unimplemented", ItemState.Open), ("not implemented", ItemState.Open),
        ("failed", ItemState.Open), ("failing", ItemState.Open), ("fail", ItemState.Open), ("broken", ItemState.Open),
        ("in progress", ItemState.InProgress), ("wip", ItemState.InProgress), ("started", ItemState.InProgress),
        ("ongoing", ItemState.InProgress), ("active", ItemState.InProgress), ("doing", ItemState.InProgress),
        ("in review", ItemState.InProgress), ("under review", ItemState.InProgress), ("review", ItemState.InProgress),
        ("ready for review", ItemState.InProgress), ("ready for testing", ItemState.InProgress), ("ready for qa", ItemState.InProgress),
        ("in development", ItemState.InProgress), ("in dev", ItemState.InProgress), ("partial", ItemState.InProgress),
        ("partially", ItemState.InProgress), ("in testing", ItemState.InProgress), ("testing", ItemState.InProgress),
        ("underway", ItemState.InProgress), ("under way", ItemState.InProgress), ("implementing", ItemState.InProgress),
        ("almost done", ItemState.InProgress), ("nearly done", ItemState.InProgress), ("needs work", ItemState.InProgress),
        ("done", ItemState.Done), ("complete", ItemState.Done), ("completed", ItemState.Done), ("finished", ItemState.Done),
        ("resolved", ItemState.Done), ("closed", ItemState.Done), ("shipped", ItemState.Done), ("released", ItemState.Done),
        ("merged", ItemState.Done), ("verified", ItemState.Done), ("implemented", ItemState.Done), ("delivered", ItemState.Done),
        ("deployed", ItemState.Done), ("fixed", ItemState.Done), ("accepted", ItemState.Done), ("achieved", ItemState.Done),
        ("passed", ItemState.Done), ("passing", ItemState.Done), ("pass", ItemState.Done), ("production ready", ItemState.Done),
        ("blocked", ItemState.Blocked), ("on hold", ItemState.Blocked), ("paused", ItemState.Blocked), ("waiting", ItemState.Blocked),
        ("stalled", ItemState.Blocked), ("stuck", ItemState.Blocked), ("deferred", ItemState.Blocked), ("postponed", ItemState.Blocked),
        ("awaiting", ItemState.Blocked),
        ("cancelled", ItemState.Cancelled), ("canceled", ItemState.Cancelled), ("won t do", ItemState.Cancelled),
        ("wont do", ItemState.Cancelled), ("won t fix", ItemState.Cancelled), ("wontfix", ItemState.Cancelled),
        ("wont fix", ItemState.Cancelled), ("dropped", ItemState.Cancelled), ("obsolete", ItemState.Cancelled),
        ("deprecated", ItemState.Cancelled), ("rejected", ItemState.Cancelled), ("abandoned", ItemState.Cancelled),
        ("not applicable", ItemState.Cancelled), ("n a", ItemState.Cancelled), ("superseded", ItemState.Cancelled),
        ("duplicate", ItemState.Cancelled), ("skipped", ItemState.Cancelled), ("removed", ItemState.Cancelled),

        // Spanish, Portuguese, Italian
        ("pendiente", ItemState.Open), ("por hacer", ItemState.Open), ("sin empezar", ItemState.Open), ("no iniciado", ItemState.Open),
        ("pendente", ItemState.Open), ("a fazer", ItemState.Open), ("da fare", ItemState.Open),
        ("en progreso", ItemState.InProgress), ("en curso", ItemState.InProgress), ("en proceso", ItemState.InProgress),
        ("em andamento", ItemState.InProgress), ("em progresso", ItemState.InProgress), ("in corso", ItemState.InProgress),
        ("parcial", ItemState.InProgress), ("parziale", ItemState.InProgress),
        ("completado", ItemState.Done), ("completada", ItemState.Done), ("hecho", ItemState.Done), ("terminado", ItemState.Done),
        ("finalizado", ItemState.Done), ("concluido", ItemState.Done), ("concluida", ItemState.Done), ("feito", ItemState.Done),
        ("completato", ItemState.Done), ("fatto", ItemState.Done),
        ("bloqueado", ItemState.Blocked), ("bloccato", ItemState.Blocked),
        ("cancelado", ItemState.Cancelled), ("cancelada", ItemState.Cancelled), ("annullato", ItemState.Cancelled),

        // French, German
        ("a faire", ItemState.Open), ("non commence", ItemState.Open), ("en attente", ItemState.Open), ("offen", ItemState.Open),
        ("geplant", ItemState.Open), ("en cours", ItemState.InProgress), ("partiel", ItemState.InProgress), ("in arbeit", ItemState.InProgress),
        ("in bearbeitung", ItemState.InProgress), ("teilweise", ItemState.InProgress),
        ("termine", ItemState.Done), ("fait", ItemState.Done), ("erledigt", ItemState.Done), ("fertig", ItemState.Done),
        ("abgeschlossen", ItemState.Done), ("bloque", ItemState.Blocked), ("blockiert", ItemState.Blocked),
        ("annule", ItemState.Cancelled), ("abgebrochen", ItemState.Cancelled),

        // Arabic, Russian, Chinese, Japanese (folded text keeps their letters as they are)
        ("لم يبدأ", ItemState.Open), ("مخطط", ItemState.Open), ("معلق", ItemState.Open),
        ("قيد التنفيذ", ItemState.InProgress), ("قيد التطوير", ItemState.InProgress), ("جزئي", ItemState.InProgress), ("جزئيا", ItemState.InProgress),
        ("مكتمل", ItemState.Done), ("مكتملة", ItemState.Done), ("منجز", ItemState.Done), ("تم", ItemState.Done),
        ("محظور", ItemState.Blocked), ("ملغى", ItemState.Cancelled), ("ملغي", ItemState.Cancelled),
        ("не начато", ItemState.Open), ("в работе", ItemState.InProgress), ("в процессе", ItemState.InProgress),
        ("готово", ItemState.Done), ("выполнено", ItemState.Done), ("заблокировано", ItemState.Blocked), ("отменено", ItemState.Cancelled),
        ("未开始", ItemState.Open), ("待办", ItemState.Open), ("进行中", ItemState.InProgress), ("完成", ItemState.Done),
        ("已完成", ItemState.Done), ("阻塞", ItemState.Blocked), ("已取消", ItemState.Cancelled),
        ("未着手", ItemState.Open), ("未対応", ItemState.Open), ("対応中", ItemState.InProgress), ("進行中", ItemState.InProgress),
        ("完了", ItemState.Done), ("済み", ItemState.Done),
    ];

    // Declared after the tables it reads: static fields initialise in textual order.
    public static readonly StatusVocabulary Default = new(new Dictionary<string, ItemState>());

    private readonly FrozenDictionary<string, (string[] Words, ItemState State)[]> _byFirstWord;
    private readonly FrozenDictionary<string, ItemState> _exact;
    private readonly Func<string, int, StateMarker?>? _markers;

    private StatusVocabulary(IReadOnlyDictionary<string, ItemState> custom, Func<string, int, StateMarker?>? markers = null)
    {
        _markers = markers;
        // Custom phrases come first: for the same words, the workspace's meaning wins.
        var phrases = custom.Select(c => (Words: TextFold.Words(c.Key.Replace('_', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries), State: c.Value))
            .Concat(BuiltIn.Select(b => (Words: TextFold.Words(b.Phrase).Split(' '), b.State)))
            .Where(p => p.Words.Length > 0)
            .ToList();
        _byFirstWord = phrases.GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
        var exact = new Dictionary<string, ItemState>(StringComparer.Ordinal);
        foreach (var (words, state) in phrases)
        {
            exact.TryAdd(string.Join(' ', words), state);
        }

        _exact = exact.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A vocabulary extended by punchlist.yml's `statuses:` (custom phrases are tried first).</summary>
    public static StatusVocabulary With(IReadOnlyDictionary<string, ItemState> custom) =>
        custom.Count == 0 ? Default : new StatusVocabulary(custom);

    /// <summary>
    /// A vocabulary for one document: <paramref name="custom"/> phrases first, and emoji read through
    /// <paramref name="markers"/> (the document's legend) rather than only the built-in meanings.
    /// </summary>
    internal static StatusVocabulary With(IReadOnlyDictionary<string, ItemState> custom, Func<string, int, StateMarker?> markers) =>
        new(custom, markers);

    /// <summary>The marker at <paramref name="at"/>, as this vocabulary's document means it.</summary>
    internal StateMarker? MarkerAt(string text, int at) => _markers is null ? StateMarkers.At(text, at) : _markers(text, at);

    /// <summary>The first marker in the text, as this vocabulary's document means it.</summary>
    internal StateMarker? FindMarker(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (StateMarkers.MayStart(text[i]) && MarkerAt(text, i) is { } marker)
            {
                return marker;
            }
        }

        return null;
    }

    /// <summary>The state a declared status names, or null when no rule reads it with confidence.</summary>
    public ItemState? Normalise(string raw) => Read(raw).State;

    /// <summary>The state a declared status names, and when it names none, why (for `--explain`).</summary>
    public StatusReading Read(string raw) => StatusSentence.Read(raw, this);

    /// <summary>
    /// The state a text names when it is nothing but a status phrase (`DONE`, `In Progress`, `TODO`):
    /// a dashboard row labelled so counts the items in that state. Null for anything longer.
    /// </summary>
    public ItemState? Exact(string raw) =>
        _exact.TryGetValue(TextFold.Words(raw.Replace('_', ' ')), out var state) ? state : null;

    /// <summary>
    /// The state of the first status phrase in a short label, negations read (`Waiting on review` is
    /// blocked, `Not done` open): a legend's labels are short and name a state without being one.
    /// </summary>
    internal ItemState? FirstPhrase(string label)
    {
        var words = TextFold.Words(label.Replace('_', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            if (PhraseAt(words, i) is { } phrase)
            {
                bool negated = i > 0 && words[i - 1] is "not" or "no" or "non";
                return !negated ? phrase.State : phrase.State == ItemState.Done ? ItemState.Open : null;
            }
        }

        return null;
    }

    /// <summary>The longest phrase that starts at <paramref name="at"/> in <paramref name="words"/>: its state and length in words.</summary>
    internal (ItemState State, int Length)? PhraseAt(IReadOnlyList<string> words, int at)
    {
        if (!_byFirstWord.TryGetValue(words[at], out var candidates))
        {
            return null;
        }

        foreach (var (phrase, state) in candidates)
        {
            if (Matches(words, at, phrase))
            {
                return (state, phrase.Length);
            }
        }

        return null;
    }

    private static bool Matches(IReadOnlyList<string> words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Count)
        {
            return false;
        }

        for (int i = 1; i < phrase.Length; i++)
        {
            if (!string.Equals(words[at + i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A status as read: its state, or null with the reason no state was read (`--explain` says it).</summary>
public readonly record struct StatusReading(ItemState? State, string? Why);
