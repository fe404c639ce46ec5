using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Bench.Index;

/// <summary>
/// A million items without a million files: documents of 200 items whose text uses the vocabulary of
/// shared/bench/gen-trackers.py (50 words, drawn uniformly, so "the most common word" is any of them,
/// in about a quarter of the items), with one item in fifty carrying a rare word (`rare123`, about two
/// items each) and one in twenty naming a technology. Deterministic.
/// </summary>
internal static class SyntheticItems
{
    public const int PerDocument = 200;

    public static readonly string[] Words = ("refactor parser index search heading table yaml front matter release " +
        "docs review deploy test bench cache memory thread queue sprint owner " +
        "fix bug feature api cli config migrate schema backlog todo done label " +
        "priority estimate milestone blocker triage verify ship build lint").Split(' ');

    private static readonly (string Alias, string Tech)[] Technologies =
        [("docker", "Docker"), ("k8s", "Kubernetes"), ("postgres", "PostgreSQL"), ("redis", "Redis"), ("terraform", "Terraform")];

    public static IEnumerable<DocumentRecord> Documents(int items)
    {
        var random = new Random(42);
        for (int d = 0; d * PerDocument < items; d++)
        {
            int count = Math.Min(PerDocument, items - (d * PerDocument));
            var records = Enumerable.Range(0, count).Select(i => Item(random, d, i)).ToList();
            var facts = new DocumentFacts($"area{d % 50:00}/plan-{d:00000}.md", $"Plan {d}", count, 0, records.Select(r => r.Facts).ToList(), []);
            yield return new DocumentRecord(facts, true, null, records);
        }
    }

    private static ItemRecord Item(Random r, int document, int ordinal)
    {
        string title = Sentence(r, 3, 12);
        var tech = new List<string>();
        if (r.Next(20) == 0)
        {
            var (alias, name) = Technologies[r.Next(Technologies.Length)];
            title += " " + alias;
            tech.Add(name);
        }

        if (r.Next(50) == 0)
        {
            title += $" rare{r.Next(10_000)}";
        }

        var criteria = r.Next(10) < 4
            ? Enumerable.Range(1, r.Next(1, 5)).Select(n => new CriterionRecord(n, r.Next(2) == 0 ? ' ' : 'x', ItemState.Open, false, ordinal * 5 + n, 1, Sentence(r, 3, 8))).ToList()
            : [];
        int? rank = r.Next(5) is var p && p < 4 ? p : null;
        var state = r.Next(20) switch { < 10 => ItemState.Open, < 13 => ItemState.InProgress, < 19 => ItemState.Done, _ => ItemState.Blocked };
        return new ItemRecord
        {
            Ordinal = ordinal,
            Key = rank is { } k && r.Next(3) == 0 ? $"P{k}-{document:00000}{ordinal:000}" : $"section/{ordinal}",
            Id = null,
            Kind = ItemKind.Task,
            Title = title,
            Line = (ordinal * 5) + 10,
            Column = 1,
            SectionPath = [$"Plan {document}", $"Section {ordinal / 25}"],
            Priority = rank is { } n ? new PriorityInfo(n, $"P{n}", PrioritySource.Section) : null,
            Status = null,
            State = state,
            CriteriaTotal = criteria.Count,
            CriteriaChecked = criteria.Count(c => c.Marker == 'x'),
            Owner = r.Next(5) == 0 ? $"user{r.Next(1, 201)}" : null,
            Due = r.Next(10) < 3 ? new DateOnly(2025, 1, 1).AddDays(r.Next(730)) : null,
            Effort = r.Next(10) < 3 ? new Effort($"{r.Next(1, 41)}h", r.Next(1, 41), null) : null,
            Category = null,
            DependsOn = [],
            References = [],
            Criteria = criteria,
            Fields = string.Empty,
            Body = r.Next(10) == 0 ? Sentence(r, 10, 40) : string.Empty,
            Tech = tech,
            Contradicted = false,
        } with { Id = null };
    }

    private static string Sentence(Random r, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, r.Next(min, max + 1)).Select(_ => Words[r.Next(Words.Length)]));
}
