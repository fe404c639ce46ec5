using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Punchlist.Bench.History;

/// <summary>
/// Writes a git repository whose trackers change commit by commit, through `git fast-import` (a
/// repository of thousands of commits in a few seconds): trackers appear over the first commits,
/// then each commit ticks criteria, moves statuses, adds, removes and re-prioritises cards, with
/// now and then a renamed or deleted tracker, a commit to a file that is no tracker, and a side
/// branch merged back (one of its trackers also changed on the main line meanwhile). Seeded: the
/// same arguments give the same repository, commit ids included.
/// </summary>
internal sealed class RepoGenerator(int commits, int trackers, int seed = 16)
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Owners = ["alice", "bob", "carol", "dave", "erin", "TBD"];
    private static readonly string[] Words = ["backup", "restore", "metrics", "alerting", "ingress", "secrets", "rollout", "quota", "audit", "cache", "schema", "index", "retries", "timeouts", "logging", "tracing", "billing", "export"];

    private readonly Random _random = new(seed);
    private readonly List<Tracker> _live = [];
    private readonly StringBuilder _stream = new();
    private int _mark;
    private int _made;
    private DateTimeOffset _clock = Start;

    public int Commits { get; private set; }

    /// <summary>Creates <paramref name="folder"/> as a repository with the history on `main`, checked out.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        Git(folder, null, "init", "-q", "-b", "main");
        int mainMark = 0;
        while (Commits < commits)
        {
            if (_live.Count >= trackers && Commits % 97 == 50)
            {
                mainMark = SideBranch(mainMark);
                continue;
            }

            mainMark = Commit("refs/heads/main", mainMark, null, Step());
        }

        using (var input = new MemoryStream(Encoding.UTF8.GetBytes(_stream.ToString())))
        {
            Git(folder, input, "fast-import", "--quiet");
        }

        Git(folder, null, "checkout", "-q", "-f", "main");
    }

    // One commit's changes on the main line: trackers appear first, then they change.
    private List<Change> Step()
    {
        if (_live.Count < trackers)
        {
            return [Create(), Create()];
        }

        int roll = _random.Next(1000);
        return roll switch
        {
            < 8 => [Rename()],
            < 12 => [Delete(), Create()],
            < 40 => [new Change("docs/notes.md", null, $"# Notes\n\nMeeting notes, week {Commits}.\n", null)],
            _ => [.. Enumerable.Range(0, 1 + (_random.Next(4) == 0 ? 1 : 0)).Select(_ => Edit(Pick()))],
        };
    }

    private Tracker Pick() => _live[_random.Next(_live.Count)];

    private Change Create()
    {
        int n = _made++;
        var tracker = new Tracker($"{(n % 5 == 0 ? "" : $"team{n % 7}/")}plans/tracker-{n:D3}.md", $"Tracker {n}", $"T{n}");
        for (int i = 0, count = 4 + _random.Next(12); i < count; i++)
        {
            tracker.Cards.Add(NewCard(tracker));
        }

        _live.Add(tracker);
        return new Change(tracker.Path, null, tracker.Render(), null);
    }

    private Card NewCard(Tracker tracker)
    {
        var card = new Card($"{tracker.Prefix}-{++tracker.NextId:D3}", $"{Words[_random.Next(Words.Length)]} {Words[_random.Next(Words.Length)]} work", _random.Next(4), Owners[_random.Next(Owners.Length)],
            _random.Next(3) == 0 ? DateOnly.FromDateTime(_clock.UtcDateTime).AddDays(14 + _random.Next(60)) : null);
        for (int i = 0, count = 1 + _random.Next(5); i < count; i++)
        {
            card.Criteria.Add(false);
        }

        return card;
    }

    private Change Rename()
    {
        var tracker = Pick();
        string old = tracker.Path;
        tracker.Path = old.Replace("tracker-", "renamed-", StringComparison.Ordinal);
        if (tracker.Path == old)
        {
            tracker.Path = "archive/" + Path.GetFileName(old);
        }

        return new Change(tracker.Path, old, tracker.Render(), null);
    }

    private Change Delete()
    {
        var tracker = Pick();
        _live.Remove(tracker);
        return new Change(tracker.Path, null, null, null);
    }

    private Change Edit(Tracker tracker)
    {
        var op = Operation(tracker);
        op(tracker);
        return new Change(tracker.Path, null, tracker.Render(), op);
    }

    // What one edit does, as a function of the tracker so a side branch's edits can be replayed at its merge.
    private Action<Tracker> Operation(Tracker tracker)
    {
        int roll = _random.Next(100);
        var open = tracker.Cards.Where(c => c.Status != "Done").ToList();
        if (roll < 8 || open.Count == 0)
        {
            var card = NewCard(tracker);
            return t => t.Cards.Add(card with { Criteria = [.. card.Criteria] });
        }

        var target = open[_random.Next(open.Count)].Id;
        return roll switch
        {
            < 12 => t => t.Cards.RemoveAll(c => c.Id == target),
            < 16 => t => t.With(target, c => c.Owner = Owners[(Array.IndexOf(Owners, c.Owner) + 1) % Owners.Length]),
            < 19 => t => t.With(target, c => c.Priority = (c.Priority + 1) % 4),
            < 21 => t => t.With(target, c => c.Status = "Blocked"),
            < 40 => t => t.With(target, c => c.Status = c.Status == "Not Started" ? "In Progress" : c.Status),
            _ => t => t.With(target, Tick),
        };
    }

    private static void Tick(Card card)
    {
        int next = card.Criteria.IndexOf(false);
        if (next >= 0)
        {
            card.Criteria[next] = true;
        }

        card.Status = card.Criteria.All(c => c) ? "Done" : "In Progress";
    }

    // A branch of three or four commits off the main line, one commit on the main line meanwhile
    // (touching one of the branch's trackers too), then the merge, which carries the branch's edits.
    private int SideBranch(int mainMark)
    {
        var chosen = Enumerable.Range(0, 2).Select(_ => Pick()).Distinct().ToList();
        var copies = chosen.ToDictionary(t => t, t => t.Copy());
        var replay = new List<(Tracker Tracker, Action<Tracker> Op)>();
        int sideMark = mainMark;
        for (int i = 0, count = 3 + _random.Next(2); i < count; i++)
        {
            var original = chosen[_random.Next(chosen.Count)];
            var copy = copies[original];
            var op = Operation(copy);
            op(copy);
            replay.Add((original, op));
            sideMark = Commit("refs/heads/side", sideMark, null, [new Change(copy.Path, null, copy.Render(), op)], author: "erin");
        }

        mainMark = Commit("refs/heads/main", mainMark, null, [Edit(chosen[0])]);
        foreach (var (tracker, op) in replay)
        {
            op(tracker);
        }

        return Commit("refs/heads/main", mainMark, sideMark, [.. chosen.Select(t => new Change(t.Path, null, t.Render(), null))], message: "Merge branch 'side'");
    }

    private int Commit(string branch, int from, int? merge, List<Change> changes, string? author = null, string? message = null)
    {
        _clock = _clock.AddMinutes(90 + _random.Next(600));
        long when = _clock.ToUnixTimeSeconds();
        author ??= Owners[_random.Next(Owners.Length - 1)];
        int mark = ++_mark;
        var s = _stream;
        s.Append(CultureInfo.InvariantCulture, $"commit {branch}\nmark :{mark}\n");
        s.Append(CultureInfo.InvariantCulture, $"author {author} <{author}@example.com> {when} +0000\ncommitter {author} <{author}@example.com> {when} +0000\n");
        Data(message ?? $"Update {string.Join(", ", changes.Select(c => Path.GetFileName(c.Path)))}");
        if (from > 0)
        {
            s.Append(CultureInfo.InvariantCulture, $"from :{from}\n");
        }

        if (merge is { } other)
        {
            s.Append(CultureInfo.InvariantCulture, $"merge :{other}\n");
        }

        foreach (var change in changes)
        {
            if (change.RenamedFrom is { } old)
            {
                s.Append(CultureInfo.InvariantCulture, $"D {old}\n");
            }

            if (change.Content is null)
            {
                s.Append(CultureInfo.InvariantCulture, $"D {change.Path}\n");
            }
            else
            {
                s.Append(CultureInfo.InvariantCulture, $"M 100644 inline {change.Path}\n");
                Data(change.Content);
            }
        }

        s.Append('\n');
        Commits++;
        return mark;
    }

    private void Data(string text)
    {
        _stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(text)}\n").Append(text).Append('\n');
    }

    private static void Git(string folder, Stream? input, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardInput = input is not null, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        if (input is not null)
        {
            input.CopyTo(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {args[0]} failed ({process.ExitCode})");
        }
    }

    private sealed record Change(string Path, string? RenamedFrom, string? Content, Action<Tracker>? Op);

    private sealed record Card(string Id, string Title, int Priority, string Owner, DateOnly? Due)
    {
        public int Priority { get; set; } = Priority;

        public string Owner { get; set; } = Owner;

        public string Status { get; set; } = "Not Started";

        public List<bool> Criteria { get; init; } = [];
    }

    private sealed class Tracker(string path, string title, string prefix)
    {
        public string Path { get; set; } = path;

        public string Prefix => prefix;

        public int NextId { get; set; }

        public List<Card> Cards { get; private init; } = [];

        public Tracker Copy() => new(Path, title, prefix) { NextId = NextId, Cards = [.. Cards.Select(c => c with { Criteria = [.. c.Criteria] })] };

        public void With(string id, Action<Card> change)
        {
            if (Cards.Find(c => c.Id == id) is { } card)
            {
                change(card);
            }
        }

        public string Render()
        {
            var s = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# {title}\n\n");
            for (int p = 0; p < 4; p++)
            {
                var cards = Cards.Where(c => c.Priority == p).ToList();
                if (cards.Count == 0)
                {
                    continue;
                }

                s.Append(CultureInfo.InvariantCulture, $"## P{p} items\n\n");
                foreach (var card in cards)
                {
                    s.Append(CultureInfo.InvariantCulture, $"### {card.Id}: {card.Title}\n\n**Status:** {card.Status} | **Owner:** {card.Owner}");
                    if (card.Due is { } due)
                    {
                        s.Append(CultureInfo.InvariantCulture, $" | **Due:** {due:yyyy-MM-dd}");
                    }

                    s.Append("\n\n");
                    for (int i = 0; i < card.Criteria.Count; i++)
                    {
                        s.Append(CultureInfo.InvariantCulture, $"- [{(card.Criteria[i] ? 'x' : ' ')}] Step {i + 1} of {card.Title}\n");
                    }

                    s.Append('\n');
                }
            }

            return s.ToString();
        }
    }
}
