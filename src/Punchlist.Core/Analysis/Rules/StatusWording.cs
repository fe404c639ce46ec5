using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// Writes a state the way the document writes statuses: its own phrase for that state if it uses one
/// (`IN PROGRESS` in a document that says `🔄 IN PROGRESS (Phase 1 Complete)`), else a plain phrase in
/// the casing of the status being replaced. Only the words are replaced; an emoji prefix and a note
/// after the words stay.
/// </summary>
internal static class StatusWording
{
    private static readonly Dictionary<ItemState, string> Plain = new()
    {
        [ItemState.Open] = "Not Started",
        [ItemState.InProgress] = "In Progress",
        [ItemState.Done] = "Done",
        [ItemState.Blocked] = "Blocked",
        [ItemState.Cancelled] = "Cancelled",
    };

    /// <summary>The span of the status words inside a declared value: after any emoji or mojibake, before any note.</summary>
    public static TextSpan WordsSpan(TrackerDocument document, DeclaredStatus status)
    {
        string text = document.Source.Text;
        int start = status.Span.Start, end = status.Span.End;
        while (start < end && (!char.IsLetterOrDigit(text[start]) || InDamage(document, start)))
        {
            start++;
        }

        int stop = start;
        while (stop < end && text[stop] is not ('(' or '[' or '—' or '–') && !(text[stop] == '-' && stop > start && text[stop - 1] == ' '))
        {
            stop++;
        }

        while (stop > start && char.IsWhiteSpace(text[stop - 1]))
        {
            stop--;
        }

        return TextSpan.FromBounds(start, stop);
    }

    public static string For(TrackerDocument document, ItemState state, string replacing) =>
        document.Format == DocumentFormat.Org
            // A status is a TODO keyword of the file's own sequences; with none for the state, nothing changes.
            ? Editing.Org.OrgEdits.KeywordFor(document, replacing, state) ?? replacing
            : OwnPhrases.GetValue(document, _ => new()).GetOrAdd(state, s => OwnPhrase(document, s)) ?? CaseLike(Plain[state], replacing);

    // The document's own phrase for a state, found once per document and state: asked for every
    // contradicted card, a walk of every item each time was the square of the cards.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrackerDocument, System.Collections.Concurrent.ConcurrentDictionary<ItemState, string?>> OwnPhrases = new();

    private static string? OwnPhrase(TrackerDocument document, ItemState state)
    {
        foreach (var item in document.Items)
        {
            if (item.Status is { State: { } s } declared && s == state)
            {
                string words = document.Source.Slice(WordsSpan(document, declared));
                if (words.Length > 0 && StatusPhrase(document, words) == state)
                {
                    return words;
                }
            }
        }

        return null;
    }

    private static ItemState? StatusPhrase(TrackerDocument document, string words) =>
        Reading.Vocabulary.StatusVocabulary.Default.Normalise(document.Encoding.Repair(words));

    private static string CaseLike(string phrase, string model)
    {
        var letters = model.Where(char.IsLetter).ToList();
        if (letters.Count > 0 && letters.All(char.IsUpper))
        {
            return phrase.ToUpperInvariant();
        }

        return letters.Count > 0 && letters.All(char.IsLower) ? phrase.ToLowerInvariant() : phrase;
    }

    private static bool InDamage(TrackerDocument document, int offset) =>
        document.Encoding.IsDamaged(offset);
}
