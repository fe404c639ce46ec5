using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Punchlist.Bench.Team;

/// <summary>
/// An organisation's repositories, generated (deterministic from the seed), each a git repository of
/// <see cref="TrackersPerRepository"/> trackers of about 60 items: a readiness plan of P0–P3 cards
/// (owners, due dates, statuses, acceptance criteria) beside task lists, in words drawn from a Zipf
/// distribution over a few thousand, so that search meets common and rare words as it does in real
/// trackers and no two repositories hold the same text. One tracker, the contribution checklist, is
/// the same template in every repository, as organisations' templates are: content addressing stores
/// it once. (../shared/bench/gen-trackers.py writes task lists of 50–500 items in 40 words, with no
/// priorities, owners or dates: the overview would have nothing to list and every word would match a
/// fifth of a million items, so team mode gets a generator of its own.)
/// </summary>
internal sealed class Corpus(string root, int repositories, int seed = 19)
{
    public const int TrackersPerRepository = 20;

    public const string Today = "2026-11-21";

    private static readonly string[] Common = ("deploy release rollback migration schema index cache queue worker api gateway auth token session " +
        "database backup restore monitoring alert dashboard metrics logging tracing latency timeout retry throttle quota billing invoice " +
        "payment refund checkout search ranking upload storage bucket encryption secret rotation audit compliance privacy consent export " +
        "import webhook notification email mobile android ios browser accessibility localisation onboarding signup password review test").Split(' ');

    private static readonly string[] Syllables = "ka lo mi ne ru sa ti vo ze ba de fi go hu ja ke li mo nu pa qui ro su ta ve wa xo yu zi".Split(' ');

    private readonly Vocabulary _words = new(seed);

    public string Root { get; } = root;

    public int Repositories { get; } = repositories;

    /// <summary>The word of rank <paramref name="rank"/> in the trackers' prose (0 the commonest): what the search bench looks for.</summary>
    public string Word(int rank) => _words[rank];

    public string Name(int repository) => $"org{repository / 100:00}/service-{repository:0000}";

    public string Folder(int repository) => Path.Combine(Root, $"r{repository:0000}");

    /// <summary>Writes every repository and commits it; a folder already committed is kept (the stamp is its .git).</summary>
    public void Generate(Action<int> progress)
    {
        Directory.CreateDirectory(Root);
        for (int r = 0; r < Repositories; r++)
        {
            if (Directory.Exists(Path.Combine(Folder(r), ".git")))
            {
                continue;
            }

            var random = new Random(HashCode.Combine(seed, r));
            string folder = Folder(r);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (var (path, text) in Trackers(r, random))
            {
                string file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
            }

            Git(folder, "init", "-q", "-b", "main");
            Commit(folder, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).AddMinutes(r));
            progress(r);
        }
    }

    /// <summary>A new commit that changes one tracker of <paramref name="repository"/>: a task ticked and one added, as a day's work does.</summary>
    public void ChangeOne(int repository, int step)
    {
        string folder = Folder(repository);
        string file = Path.Combine(folder, "TODO.md");
        string text = File.ReadAllText(file);
        int open = text.IndexOf("- [ ]", StringComparison.Ordinal);
        if (open >= 0)
        {
            text = string.Concat(text.AsSpan(0, open), "- [x]", text.AsSpan(open + 5));
        }

        var random = new Random(HashCode.Combine(seed, repository, step));
        File.WriteAllText(file, text + $"- [ ] {_words.Sentence(random, 4, 9)} (step {step})\n");
        Commit(folder, new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero).AddMinutes(step * 10 + repository % 10));
    }

    private IEnumerable<(string Path, string Text)> Trackers(int repository, Random random)
    {
        yield return ("CONTRIBUTING-checklist.md", Template());
        yield return ("TODO.md", TaskList($"{Name(repository)} — engineering TODO", random, 60));
        yield return ("docs/readiness.md", Plan($"{Name(repository)} — production readiness", random, cards: 14, tasks: 44, p0Share: 0.3));
        for (int t = 3; t < TrackersPerRepository; t++)
        {
            string topic = _words.Word(random, 10, 400);
            yield return (t % 3 == 0 ? $"docs/plans/{topic}-{t:00}.md" : $"docs/{topic}-{t:00}.md",
                t % 2 == 0 ? TaskList($"{Capital(topic)} plan", random, random.Next(50, 71)) : Plan($"{Capital(topic)} roadmap", random, cards: random.Next(6, 13), tasks: random.Next(44, 56), p0Share: 0.1));
        }
    }

    private string Plan(string title, Random random, int cards, int tasks, double p0Share)
    {
        var text = new StringBuilder($"# {title}\n\n{_words.Sentence(random, 12, 30)}.\n\n");
        for (int c = 1; c <= cards; c++)
        {
            double roll = random.NextDouble();
            int priority = roll < p0Share ? 0 : roll < p0Share + 0.25 ? 1 : roll < p0Share + 0.6 ? 2 : 3;
            string status = random.Next(20) switch { < 8 => "Done", < 15 => "Open", < 19 => "In progress", _ => "Blocked" };
            var due = new DateOnly(2026, 6, 1).AddDays(random.Next(0, 365));
            text.Append(CultureInfo.InvariantCulture, $"## P{priority}-{c:000}: {Capital(_words.Sentence(random, 3, 8))}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"**Priority:** P{priority} | **Owner:** @{Owner(random)} | **Due:** {due:yyyy-MM-dd}\n");
            text.Append(CultureInfo.InvariantCulture, $"**Status:** {status}\n\n{_words.Sentence(random, 10, 40)}.\n\n**Acceptance Criteria:**\n");
            for (int k = random.Next(1, 5); k > 0; k--)
            {
                text.Append(CultureInfo.InvariantCulture, $"- [{(status == "Done" || random.Next(3) == 0 ? 'x' : ' ')}] {Capital(_words.Sentence(random, 4, 12))}\n");
            }

            text.Append('\n');
        }

        text.Append("## Checklist\n\n");
        AppendTasks(text, random, tasks);
        return text.ToString();
    }

    private string TaskList(string title, Random random, int tasks)
    {
        var text = new StringBuilder($"# {title}\n\n{_words.Sentence(random, 8, 20)}.\n\n");
        AppendTasks(text, random, tasks);
        return text.ToString();
    }

    private void AppendTasks(StringBuilder text, Random random, int tasks)
    {
        int sections = random.Next(2, 6);
        for (int s = 0; s < sections; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"### {Capital(_words.Sentence(random, 1, 4))}\n\n");
            int here = s == sections - 1 ? tasks - (tasks / sections * s) : tasks / sections;
            for (int i = 0; i < here; i++)
            {
                string indent = i > 0 && random.Next(6) == 0 ? "  " : string.Empty;
                char mark = random.Next(5) < 2 ? 'x' : ' ';
                string owner = random.Next(4) == 0 ? $" @{Owner(random)}" : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $"{indent}- [{mark}] {Capital(_words.Sentence(random, 3, 12))}{owner}\n");
            }

            text.Append('\n');
        }
    }

    private static string Template()
    {
        var text = new StringBuilder("# Contribution checklist\n\nEvery change to this service goes through these steps.\n\n");
        foreach (string word in Common.Take(30))
        {
            text.Append(CultureInfo.InvariantCulture, $"- [ ] The {word} impact is reviewed and noted in the pull request\n");
        }

        return text.ToString();
    }

    private string Owner(Random random) => $"{_words.Word(random, 0, 300)}-{random.Next(1, 4)}";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void Commit(string folder, DateTimeOffset at)
    {
        string date = at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        Git(folder, "add", "-A");
        Git(folder, ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "trackers", "--date", date], ("GIT_COMMITTER_DATE", date));
    }

    private static void Git(string folder, string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("git") { UseShellExecute = false, WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} in {folder}: {error}");
        }
    }

    private static void Git(string folder, params string[] args) => Git(folder, args, []);

    /// <summary>
    /// Words by rank: a few dozen real ones first, then pronounceable made-up ones; drawn with Zipf's
    /// law (weight 1/rank), so the commonest word is in most trackers and the rarest in a handful.
    /// </summary>
    private sealed class Vocabulary
    {
        private readonly string[] _words;
        private readonly double[] _cumulative;

        public Vocabulary(int seed)
        {
            var random = new Random(seed);
            var made = new HashSet<string>(Common, StringComparer.Ordinal);
            var words = new List<string>(Common);
            while (words.Count < 5000)
            {
                string word = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));
                if (made.Add(word))
                {
                    words.Add(word);
                }
            }

            _words = [.. words];
            _cumulative = new double[_words.Length];
            double sum = 0;
            for (int i = 0; i < _words.Length; i++)
            {
                _cumulative[i] = sum += 1.0 / (i + 1);
            }
        }

        /// <summary>The word of rank <paramref name="rank"/> (0 the commonest).</summary>
        public string this[int rank] => _words[rank];

        public string Sentence(Random random, int least, int most) =>
            string.Join(' ', Enumerable.Range(0, random.Next(least, most + 1)).Select(_ => Zipf(random)));

        /// <summary>A word drawn uniformly from ranks [from, to): names and topics, which are not Zipf-distributed like prose.</summary>
        public string Word(Random random, int from, int to) => _words[random.Next(from, to)];

        private string Zipf(Random random)
        {
            int i = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            return _words[i < 0 ? ~i : i];
        }
    }
}
