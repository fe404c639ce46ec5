using System.Collections.Frozen;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Vocabulary;

/// <summary>
/// Reads a declared status the way a person does, so that undone work is never read as done:
/// <list type="bullet">
/// <item>The value splits into clauses (at `,` `;` `(` `-` `—` `: `, `. ` and `but`, `except`, …). The
/// status is the phrase that <em>starts</em> the first clause (after words such as `status`,
/// `currently`, `100%`), or the second when the first is a short lead (`Structure exists, not
/// implemented`). A phrase buried in a sentence (`The team started looking at it`) is not a status.</item>
/// <item>A negation before the phrase turns it: `not implemented`, `not yet done`, `yet to be
/// deployed`, `غير مكتمل` are open; `not fully done` is in progress; `not blocked` says nothing.</item>
/// <item>A hedge before it lowers it: `almost`, `mostly`, `partially done` are in progress;
/// `probably`, `maybe`, `should be done` and a trailing `?` are unknown.</item>
/// <item>After a done phrase, a clause that names what is left lowers it to in progress:
/// `implemented, but not verified`, `Complete app, NOT integrated`, `done — needs tests`.</item>
/// <item>A value naming three or more different states lists choices (`TODO, IN_PROGRESS, DONE`).</item>
/// <item>Only when no words decide does an emoji (`✅`, `⏳`) give the state.</item>
/// </list>
/// </summary>
internal static class StatusSentence
{
    private static readonly FrozenSet<string> Negators = new[]
    {
        "not", "no", "never", "non", "nor", "without", "isn", "aren", "wasn", "hasn", "haven", "hadn", "doesn", "don", "didn",
        "cannot", "cant", "nicht", "kein", "keine", "pas", "nao", "غير", "لم", "لا", "не", "未",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words that only stand between a negation or a lead and the phrase: `not yet`, `isn't been`, `yet to be`.
    private static readonly FrozenSet<string> Fillers = new[]
    {
        "yet", "t", "to", "be", "been", "being", "get", "got", "ever", "really", "actually", "still",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Partial = new[]
    {
        "almost", "nearly", "mostly", "partially", "partly", "half", "largely", "somewhat", "fully", "completely", "entirely", "quite",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Doubt = new[]
    {
        "probably", "maybe", "possibly", "likely", "supposedly", "apparently", "allegedly", "hopefully", "should", "might", "may",
        "presumably", "seemingly",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words that may lead a status without being part of it: `Status: currently in progress`, `✅ 100% COMPLETE`.
    private static readonly FrozenSet<string> Lead = new[]
    {
        "status", "state", "current", "currently", "now", "is", "are", "was", "were", "has", "have", "all", "overall", "the",
        "it", "this", "feature", "task", "item", "phase", "stage", "step", "marked", "as", "officially", "already", "and",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words that start a clause saying the rest is not done: `but needs tests`, `except docs`, `pending review`.
    private static readonly FrozenSet<string> Outstanding = new[]
    {
        "not", "needs", "need", "requires", "require", "pending", "awaiting", "waiting", "todo", "missing", "except", "excluding",
        "remaining", "untested", "unverified", "incomplete", "partial", "partially", "without", "tbd", "blocked", "still",
        "except", "lacks", "lacking",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Contrast = new[]
    {
        "but", "however", "although", "though", "whereas", "except",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Phrases too common in prose to be a status unless they are all of their clause: `New feature flag`.
    private static readonly FrozenSet<string> Weak = new[]
    {
        "new", "ready", "review", "testing", "idea", "draft", "open", "pass", "fail", "failing", "passing", "broken",
        "missing", "started", "planning", "doing", "scheduled", "removed", "duplicate", "waiting", "awaiting", "closed",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int ShortValue = 4;

    public static StatusReading Read(string raw, StatusVocabulary vocabulary)
    {
        var clauses = Clauses(WithoutMojibakeLead(raw));
        int words = clauses.Sum(c => c.Words.Count);
        if (raw.AsSpan().TrimEnd().EndsWith("?", StringComparison.Ordinal))
        {
            return new StatusReading(null, "it is a question");
        }

        if (States(clauses, vocabulary) >= 3)
        {
            return new StatusReading(null, "it lists several statuses");
        }

        ItemState? state = null;
        string? why = null;
        int from = -1;
        for (int i = 0; i < clauses.Count && state is null; i++)
        {
            var read = ReadClause(clauses[i], vocabulary);
            if (read.Known)
            {
                (state, why, from) = (read.State, read.Why, i);
                break;
            }

            // A short lead may come before the status (`Structure exists, not implemented`); a longer one,
            // or one holding a status it does not start with, is a sentence.
            if (clauses[i].Words.Count > 3 || i > 0 || HasPhrase(clauses[i], vocabulary))
            {
                break;
            }
        }

        if (from < 0 && words <= ShortValue && AnyPhrase(clauses, vocabulary) is { } anywhere)
        {
            (state, from) = (anywhere.State, anywhere.Clause);
        }

        if (from < 0)
        {
            if (vocabulary.FindMarker(raw) is { } marker)
            {
                return new StatusReading(Lowered(marker.State, clauses, 0, vocabulary), null);
            }

            return new StatusReading(null, words > ShortValue ? "it reads as a sentence, not a status" : null);
        }

        return state is null ? new StatusReading(null, why) : new StatusReading(Lowered(state.Value, clauses, from + 1, vocabulary), null);
    }

    // Done with a clause after it that names what is left is in progress.
    private static ItemState Lowered(ItemState state, List<Clause> clauses, int after, StatusVocabulary vocabulary)
    {
        if (state != ItemState.Done)
        {
            return state;
        }

        for (int i = after; i < clauses.Count; i++)
        {
            var words = clauses[i].Words;
            int at = 0;
            bool contrast = clauses[i].Contrast;
            while (at < words.Count && (words[at] is "and" or "yet" || Contrast.Contains(words[at])))
            {
                contrast = true;
                at++;
            }

            if (at >= words.Count)
            {
                continue;
            }

            if (Outstanding.Contains(words[at]) || (contrast && words[at] is "no" or "zero" or "never"))
            {
                return ItemState.InProgress;
            }

            if (vocabulary.PhraseAt(words, at) is { State: ItemState.InProgress or ItemState.Open or ItemState.Blocked })
            {
                return ItemState.InProgress;
            }

            // Anywhere in the clause, words that can only mean work is left: `Phase 9.5D partially complete`.
            for (int w = at; w < words.Count; w++)
            {
                if (Unfinished.Contains(words[w]) && (w == 0 || words[w - 1] is not ("no" or "zero" or "without" or "nothing")))
                {
                    return ItemState.InProgress;
                }
            }
        }

        return state;
    }

    private static readonly FrozenSet<string> Unfinished = new[]
    {
        "partially", "partly", "pending", "untested", "unverified", "incomplete", "todo", "tbd", "wip", "unfinished",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly record struct ClauseReading(bool Known, ItemState? State, string? Why);

    private static ClauseReading ReadClause(Clause clause, StatusVocabulary vocabulary)
    {
        var words = clause.Words;
        int at = 0;
        bool negated = false, partial = false, doubt = false;
        while (at < words.Count)
        {
            if (vocabulary.PhraseAt(words, at) is { } phrase)
            {
                if (Weak.Contains(words[at]) && phrase.Length == 1 && !OnlyNoiseAfter(words, at + 1))
                {
                    return default;
                }

                if (doubt)
                {
                    return new ClauseReading(true, null, "it is hedged (probably, maybe, should be)");
                }

                var state = phrase.State;
                if (negated)
                {
                    return state switch
                    {
                        ItemState.Done => new ClauseReading(true, partial ? ItemState.InProgress : ItemState.Open, null),
                        ItemState.InProgress => new ClauseReading(true, ItemState.Open, null),
                        _ => new ClauseReading(true, null, "it negates a status without naming another"),
                    };
                }

                return new ClauseReading(true, partial && state == ItemState.Done ? ItemState.InProgress : state, null);
            }

            string word = words[at];
            if (Negators.Contains(word) || (word == "yet" && at + 1 < words.Count && words[at + 1] == "to"))
            {
                negated = true;
            }
            else if (Partial.Contains(word))
            {
                partial |= !IsWhole(word) || negated;
            }
            else if (Doubt.Contains(word))
            {
                doubt = true;
            }
            else if (!(Fillers.Contains(word) && (negated || doubt || at > 0)) && !Lead.Contains(word) && !IsNumber(word))
            {
                return default;
            }

            at++;
        }

        return default;
    }

    // `fully`, `completely`: whole on their own (`fully implemented`), partial after a negation (`not fully`).
    private static bool IsWhole(string word) => word is "fully" or "completely" or "entirely" or "quite";

    private static bool OnlyNoiseAfter(List<string> words, int at)
    {
        for (int i = at; i < words.Count; i++)
        {
            if (!IsNumber(words[i]) && !Lead.Contains(words[i]) && words[i] is not ("on" or "since" or "at" or "in" or "by"))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumber(string word)
    {
        foreach (char c in word)
        {
            if (!char.IsAsciiDigit(c) && c is not ('x' or 'X'))
            {
                return false;
            }
        }

        return word.Length > 0 && char.IsAsciiDigit(word[0]);
    }

    private static int States(List<Clause> clauses, StatusVocabulary vocabulary)
    {
        int seen = 0;
        foreach (var clause in clauses)
        {
            for (int i = 0; i < clause.Words.Count; i++)
            {
                if (vocabulary.PhraseAt(clause.Words, i) is { } phrase)
                {
                    seen |= 1 << (int)phrase.State;
                    i += phrase.Length - 1;
                }
            }
        }

        return System.Numerics.BitOperations.PopCount((uint)seen);
    }

    private static bool HasPhrase(Clause clause, StatusVocabulary vocabulary)
    {
        for (int i = 0; i < clause.Words.Count; i++)
        {
            if (vocabulary.PhraseAt(clause.Words, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static (ItemState State, int Clause)? AnyPhrase(List<Clause> clauses, StatusVocabulary vocabulary)
    {
        for (int c = 0; c < clauses.Count; c++)
        {
            var words = clauses[c].Words;
            for (int i = 0; i < words.Count; i++)
            {
                if (vocabulary.PhraseAt(words, i) is { } phrase && !(phrase.Length == 1 && Weak.Contains(words[i])))
                {
                    bool negated = i > 0 && Negators.Contains(words[i - 1]);
                    return negated ? phrase.State == ItemState.Done ? (ItemState.Open, c) : null : (phrase.State, c);
                }
            }
        }

        return null;
    }

    // `ðŸ”„ IN PROGRESS` where the emoji's bytes were read as Windows-1252 and could not be repaired: the
    // leading run of Latin-1 and punctuation characters is a damaged emoji, not a word. Arabic, Cyrillic
    // and other scripts lie above it and are kept.
    private static string WithoutMojibakeLead(string raw)
    {
        int at = 0;
        while (at < raw.Length && char.IsWhiteSpace(raw[at]))
        {
            at++;
        }

        int end = at;
        while (end < raw.Length && !char.IsWhiteSpace(raw[end]))
        {
            char c = raw[end];
            if (c < '\u0080' || (c >= '\u0400' && c < '\u2000') || c >= '\u2070')
            {
                return raw;
            }

            end++;
        }

        return end > at ? raw[end..] : raw;
    }

    private sealed record Clause(List<string> Words, bool Contrast);

    // Clause breaks: punctuation that separates a status from what follows it, and contrast words.
    private static List<Clause> Clauses(string raw)
    {
        var clauses = new List<Clause>();
        int start = 0;
        for (int i = 0; i <= raw.Length; i++)
        {
            bool end = i == raw.Length;
            if (!end)
            {
                char c = raw[i];
                bool next = i + 1 >= raw.Length || char.IsWhiteSpace(raw[i + 1]);
                bool previousSpace = i > 0 && char.IsWhiteSpace(raw[i - 1]);
                end = c is ',' or ';' or '(' or ')' or '[' or ']' or '|' or '—' or '–' or '!' or '\n' or '\r'
                    || (c is '.' or ':' && next)
                    || (c == '-' && previousSpace && next);
            }

            if (end)
            {
                AddClause(clauses, raw.AsSpan(start, i - start));
                start = i + 1;
            }
        }

        return clauses;
    }

    private static void AddClause(List<Clause> clauses, ReadOnlySpan<char> text)
    {
        var words = TextFold.Words(text.ToString().Replace('_', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string>(words.Length);
        bool contrast = false;
        foreach (string word in words)
        {
            if (Contrast.Contains(word) && current.Count > 0)
            {
                clauses.Add(new Clause(current, contrast));
                current = [];
                contrast = true;
                continue;
            }

            if (Contrast.Contains(word))
            {
                contrast = true;
                continue;
            }

            current.Add(word);
        }

        if (current.Count > 0)
        {
            clauses.Add(new Clause(current, contrast));
        }
    }
}
