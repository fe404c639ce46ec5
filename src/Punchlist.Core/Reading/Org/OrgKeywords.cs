using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;

namespace Punchlist.Reading.Org;

/// <summary>A TODO keyword of a file: its name, whether it is one of the done states of its sequence, and the state it means.</summary>
internal sealed record OrgKeyword(string Name, bool IsDone, int Sequence, ItemState State);

/// <summary>
/// The TODO keywords of one Org file, as `org-set-regexps-and-options` builds them: each `#+TODO:`,
/// `#+SEQ_TODO:` or `#+TYP_TODO:` line is a sequence; the keywords after `|` are its done states, or
/// only the last one when there is no `|`; `(t)`, `(w@/!)` after a name are fast-access keys and
/// logging settings, not part of the keyword.
/// <para>
/// A file that declares no sequence is read with Org's default (`TODO` | `DONE`) plus the keywords of
/// the configurations most Org users share (`NEXT`, `WAITING`, `CANCELLED`, `WONTFIX`…): Emacs takes
/// those from the user's init file, which Punchlist cannot see. A file that declares its sequences
/// gets exactly those, as in Emacs.
/// </para>
/// </summary>
internal sealed partial class OrgKeywords
{
    // The implicit sequence: Org's default and the keywords of widely shared configurations (Doom's
    // PROJ/STRT/WAIT/HOLD/KILL, Bernt Hansen's NEXT/WAITING/HOLD/CANCELLED). Only used when the file
    // declares none; `punchlist.yml`'s `statuses:` can still name the state of each.
    private static readonly string[] ImplicitOpen = ["TODO", "NEXT", "STARTED", "STRT", "DOING", "INPROGRESS", "WAITING", "WAIT", "HOLD", "BLOCKED", "PROJ", "SOMEDAY"];
    private static readonly string[] ImplicitDone = ["DONE", "FIXED", "CANCELLED", "CANCELED", "WONTFIX", "KILL"];

    // What Org users mean by keywords the status vocabulary does not know.
    private static readonly Dictionary<string, ItemState> KnownStates = new(StringComparer.Ordinal)
    {
        ["NEXT"] = ItemState.Open, ["PROJ"] = ItemState.Open, ["SOMEDAY"] = ItemState.Open, ["LOOP"] = ItemState.Open,
        ["STRT"] = ItemState.InProgress, ["INPROGRESS"] = ItemState.InProgress,
        ["WAIT"] = ItemState.Blocked, ["HOLD"] = ItemState.Blocked,
        ["KILL"] = ItemState.Cancelled, ["KILLED"] = ItemState.Cancelled, ["CANCEL"] = ItemState.Cancelled,
    };

    private readonly Dictionary<string, OrgKeyword> _byName;

    private OrgKeywords(List<List<OrgKeyword>> sequences, bool declared)
    {
        Sequences = sequences;
        Declared = declared;
        _byName = new Dictionary<string, OrgKeyword>(StringComparer.Ordinal);
        foreach (var keyword in sequences.SelectMany(s => s))
        {
            _byName.TryAdd(keyword.Name, keyword);
        }

        MaxLength = _byName.Count == 0 ? 0 : _byName.Keys.Max(k => k.Length);
    }

    public IReadOnlyList<IReadOnlyList<OrgKeyword>> Sequences { get; }

    /// <summary>True when the file declares its own sequences (then only those are keywords).</summary>
    public bool Declared { get; }

    public int MaxLength { get; }

    /// <summary>The keywords of the file's `#+TODO:`-like lines (values as written), or the implicit set when there are none.</summary>
    public static OrgKeywords From(IReadOnlyList<string> sequenceLines, StatusVocabulary vocabulary)
    {
        var sequences = new List<List<OrgKeyword>>();
        foreach (string line in sequenceLines)
        {
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            int bar = Array.IndexOf(words, "|");
            var names = words.Where(w => w != "|").Select(NameOf).Where(n => n.Length > 0).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            int firstDone = bar >= 0 ? words.Take(bar).Count(w => NameOf(w).Length > 0) : names.Count - 1;
            sequences.Add(names.Select((n, i) => Keyword(n, i >= firstDone, sequences.Count, vocabulary)).ToList());
        }

        if (sequences.Count > 0)
        {
            return new OrgKeywords(sequences, declared: true);
        }

        var implicitSequence = ImplicitOpen.Select(n => Keyword(n, false, 0, vocabulary))
            .Concat(ImplicitDone.Select(n => Keyword(n, true, 0, vocabulary)))
            .ToList();
        return new OrgKeywords([implicitSequence], declared: false);
    }

    /// <summary>Whether <paramref name="word"/> is a keyword of the implicit set (for a note when a file's own sequences leave it out).</summary>
    public static bool IsImplicit(ReadOnlySpan<char> word)
    {
        foreach (string name in ImplicitOpen)
        {
            if (word.SequenceEqual(name))
            {
                return true;
            }
        }

        foreach (string name in ImplicitDone)
        {
            if (word.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The keyword spelled exactly <paramref name="word"/> (keywords are case-sensitive), or null.</summary>
    public OrgKeyword? Find(ReadOnlySpan<char> word) =>
        word.Length > 0 && word.Length <= MaxLength && _byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var keyword) ? keyword : null;

    /// <summary>
    /// The keyword that says <paramref name="target"/> in place of <paramref name="current"/>: from its
    /// own sequence first (done → its first done keyword meaning done; open → the sequence's head), then
    /// from the others; null when no keyword of the file says it.
    /// </summary>
    public OrgKeyword? For(OrgKeyword current, ItemState target)
    {
        var own = Sequences[current.Sequence];
        if (target == ItemState.Open && own[0] is { IsDone: false } head)
        {
            return head;
        }

        foreach (var sequence in Sequences.Skip(current.Sequence).Concat(Sequences.Take(current.Sequence)))
        {
            foreach (var keyword in sequence)
            {
                if (keyword.State == target && keyword.IsDone == target.IsClosed())
                {
                    return keyword;
                }
            }
        }

        return null;
    }

    // `TODO(t)` → TODO, `WAIT(w@/!)` → WAIT (org-set-regexps-and-options' "^\\(.*?\\)\\(?:(\\([^!@/]\\)?.*?)\\)?$").
    private static string NameOf(string word)
    {
        var m = KeywordSpec().Match(word);
        return m.Success ? m.Groups[1].Value : word;
    }

    private static OrgKeyword Keyword(string name, bool isDone, int sequence, StatusVocabulary vocabulary)
    {
        var state = vocabulary.Normalise(name) ?? (KnownStates.TryGetValue(name, out var known) ? known : (ItemState?)null);
        state = isDone
            ? state == ItemState.Cancelled ? ItemState.Cancelled : ItemState.Done
            : state is ItemState.InProgress or ItemState.Blocked ? state : ItemState.Open;
        return new OrgKeyword(name, isDone, sequence, state.Value);
    }

    [GeneratedRegex(@"^(.*?)(?:\((?:[^!@/])?.*?\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordSpec();
}
