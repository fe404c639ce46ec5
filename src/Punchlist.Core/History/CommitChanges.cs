using Punchlist.Text;

namespace Punchlist.History;

/// <summary>One document a commit touched: its items before (each with the item it continues) and after.</summary>
public sealed record DocumentStep(long Document, IReadOnlyList<(long Item, ItemVersion Version)> Before, IReadOnlyList<ItemVersion> After);

/// <summary>What a commit did to one item.</summary>
public abstract record ItemStep(long Document, ItemVersion Version);

/// <summary>An item went on, in <see cref="ItemStep.Document"/>, as <see cref="ItemStep.Version"/> (which differs from the one before).</summary>
public sealed record ItemChanged(long Item, long Document, ItemVersion Version, ItemVersion Before) : ItemStep(Document, Version);

/// <summary>An item is gone from its document; <see cref="ItemStep.Version"/> is how it last was.</summary>
public sealed record ItemGone(long Item, long Document, ItemVersion Version) : ItemStep(Document, Version);

/// <summary>An item no earlier version had.</summary>
public sealed record ItemAppeared(long Document, ItemVersion Version) : ItemStep(Document, Version);

/// <summary>
/// Tells, for one commit, which items changed, went and came. An item is the same item while its key
/// is (its ID, else a slug of section and title); beyond that, an item that vanished and one that
/// appeared in the same commit are one item when they are unambiguously so:
/// <list type="number">
/// <item>the same ID in another document (a card moved to another tracker);</item>
/// <item>the same title, in the same document or another (an ID rewritten, a section renamed, a task moved) —
/// only when exactly one vanished and one appeared item carry that title;</item>
/// <item>in the same document, the same section and place among the items, and at least half
/// their title words in common (a task's text edited).</item>
/// </list>
/// Anything else is one item removed and another added. Pure: testable without git.
/// </summary>
public static class CommitChanges
{
    public static List<ItemStep> Between(IReadOnlyList<DocumentStep> documents)
    {
        var steps = new List<ItemStep>();
        var vanished = new List<Candidate>();
        var appeared = new List<Candidate>();
        foreach (var document in documents)
        {
            var after = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < document.After.Count; i++)
            {
                after.TryAdd(document.After[i].Key, i);
            }

            var kept = new HashSet<int>();
            for (int i = 0; i < document.Before.Count; i++)
            {
                var (item, before) = document.Before[i];
                if (after.TryGetValue(before.Key, out int index) && kept.Add(index))
                {
                    var now = document.After[index];
                    if (now != before)
                    {
                        steps.Add(new ItemChanged(item, document.Document, now, before));
                    }
                }
                else
                {
                    vanished.Add(new Candidate(document.Document, item, before, i));
                }
            }

            for (int i = 0; i < document.After.Count; i++)
            {
                if (!kept.Contains(i))
                {
                    appeared.Add(new Candidate(document.Document, 0, document.After[i], i));
                }
            }
        }

        if (vanished.Count > 0 && appeared.Count > 0)
        {
            Pair(vanished, appeared, (a, b) => a.Version.Id is { } id && string.Equals(id, b.Version.Id, StringComparison.OrdinalIgnoreCase) && a.Document != b.Document, steps);
            Pair(vanished, appeared, (a, b) => a.Words.Length > 0 && a.Words == b.Words, steps);
            Pair(vanished, appeared, (a, b) => a.Document == b.Document && a.Place == b.Place && a.Version.Sections == b.Version.Sections && Similar(a.Words, b.Words), steps);
        }

        steps.AddRange(vanished.Select(v => new ItemGone(v.Item, v.Document, v.Version)));
        steps.AddRange(appeared.Select(a => new ItemAppeared(a.Document, a.Version)));
        return steps;
    }

    // Pairs the candidates that match each other and nothing else under the rule, and takes them out.
    private static void Pair(List<Candidate> vanished, List<Candidate> appeared, Func<Candidate, Candidate, bool> same, List<ItemStep> steps)
    {
        var pairs = new List<(Candidate Gone, Candidate Come)>();
        foreach (var gone in vanished)
        {
            Candidate? only = null;
            int count = 0;
            foreach (var come in appeared)
            {
                if (same(gone, come))
                {
                    only = come;
                    count++;
                }
            }

            if (count == 1 && vanished.Count(v => same(v, only!)) == 1)
            {
                pairs.Add((gone, only!));
            }
        }

        foreach (var (gone, come) in pairs)
        {
            vanished.Remove(gone);
            appeared.Remove(come);
            steps.Add(new ItemChanged(gone.Item, come.Document, come.Version, gone.Version));
        }
    }

    private static bool Similar(string a, string b)
    {
        var left = a.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var right = b.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        int common = left.Count(right.Contains);
        return common > 0 && 2 * common >= Math.Max(left.Count, right.Count);
    }

    private sealed record Candidate(long Document, long Item, ItemVersion Version, int Place)
    {
        public string Words { get; } = TextFold.Words(Version.Title);
    }
}
