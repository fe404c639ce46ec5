using System.Globalization;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;

namespace Punchlist.Search;

/// <summary>Turns `field:value` into a filter, resolving relative values (today, days of effort, aliases) now.</summary>
internal sealed class FilterParser(QueryContext context)
{
    private const string Fields = "id, priority, state, is, owner, category, section, doc, repo, due, effort, has, tech, sort";

    public Filter Parse(string field, string value, int start, int valueAt)
    {
        if (value.Length == 0)
        {
            throw QueryParser.Error(valueAt, $"'{field}:' needs a value");
        }

        return field switch
        {
            "id" => new IdFilter(value, start),
            "priority" or "prio" => new PriorityFilter(Priorities(value, valueAt), start),
            "state" or "is" => State(value, valueAt, start),
            "owner" => new OwnerFilter(value.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : value.TrimStart('@'), start),
            "category" or "section" => new SectionFilter(value, start),
            "doc" => Doc(value.Replace('\\', '/'), valueAt, start),
            "repo" or "repository" => Repository(value, valueAt, start),
            "due" => Due(value, valueAt, start),
            "effort" => Effort(value, valueAt, start),
            "has" => new HasFilter(Enum.TryParse<HasWhat>(value, ignoreCase: true, out var what) && !int.TryParse(value, out _)
                ? what
                : throw QueryParser.Error(valueAt, $"'{value}' is not something an item has (files, owner, due, effort, criteria, id)"), start),
            "tech" => new TechFilter(context.Tech.Canonical(value)
                ?? throw QueryParser.Error(valueAt, $"'{value}' is not a technology this version knows ({string.Join(", ", context.Tech.Technologies.Take(8).Select(t => t.Name))}, …; see docs/query.md)"), start),
            _ => throw QueryParser.Error(start, $"'{field}:' is not a filter ({Fields}); to search for the text, quote it"),
        };
    }

    private static DocFilter Doc(string pattern, int at, int start)
    {
        try
        {
            return new DocFilter(pattern, start);
        }
        catch (Workspaces.GlobException e)
        {
            throw QueryParser.Error(at, e.Message);
        }
    }

    private static RepositoryFilter Repository(string pattern, int at, int start)
    {
        try
        {
            return new RepositoryFilter(pattern, start);
        }
        catch (Workspaces.GlobException e)
        {
            throw QueryParser.Error(at, e.Message);
        }
    }

    private static List<int?> Priorities(string value, int at)
    {
        var ranks = new List<int?>();
        foreach (var (part, offset) in Split(value, at))
        {
            int range = part.IndexOf("..", StringComparison.Ordinal);
            if (range > 0)
            {
                int from = Rank(part[..range], offset) ?? throw QueryParser.Error(offset, "a range of priorities cannot include 'none'");
                int to = Rank(part[(range + 2)..], offset + range + 2) ?? throw QueryParser.Error(offset + range + 2, "a range of priorities cannot include 'none'");
                for (int r = Math.Min(from, to); r <= Math.Max(from, to); r++)
                {
                    ranks.Add(r);
                }
            }
            else
            {
                ranks.Add(Rank(part, offset));
            }
        }

        return ranks.Distinct().ToList();
    }

    private static int? Rank(string word, int at)
    {
        string w = word.Trim().ToLowerInvariant();
        switch (w)
        {
            case "none": return null;
            case "wont": return 3;
            case ['p', >= '0' and <= '3']: return w[1] - '0';
            case ['p', .. var digits] when digits.All(char.IsAsciiDigit): throw QueryParser.Error(at, $"'{word}' is not a priority: ranks go from p0 to p3");
        }

        return PriorityVocabulary.FromField(w) is { } info
            ? info.Rank
            : throw QueryParser.Error(at, $"'{word}' is not a priority (p0..p3, a range such as p0..p1, must, should, could, wont, critical, high, medium, low, none)");
    }

    private Filter State(string value, int at, int start)
    {
        var states = new List<ItemState>();
        foreach (var (part, offset) in Split(value, at))
        {
            switch (part.ToLowerInvariant())
            {
                case "overdue": return Single(value, part, offset, new OverdueFilter(context.Today, start));
                case "stale": return Single(value, part, offset, new StaleFilter(context.Today, start));
                case "contradicted": return Single(value, part, offset, new ContradictedFilter(start));
                case "inprogress" or "in-progress" or "in_progress" or "doing" or "wip": states.Add(ItemState.InProgress); break;
                case "canceled": states.Add(ItemState.Cancelled); break;
                default:
                    states.Add(ItemStates.TryParse(part, out var state)
                        ? state
                        : throw QueryParser.Error(offset, $"'{part}' is not a state (open, in-progress, done, blocked, cancelled, overdue, stale, contradicted)"));
                    break;
            }
        }

        return new StateFilter(states.Distinct().ToList(), start);
    }

    private static Filter Single(string value, string part, int at, Filter filter) =>
        value.Length == part.Length ? filter : throw QueryParser.Error(at, $"'{part}' cannot be listed with other states; write 'is:{part} OR is:…'");

    private Filter Due(string value, int at, int start)
    {
        var (op, rest, restAt) = Operator(value, at);
        int range = rest.IndexOf("..", StringComparison.Ordinal);
        if (op.Length == 0 && range > 0)
        {
            var (a, _) = Day(rest[..range], restAt);
            var (_, b) = Day(rest[(range + 2)..], restAt + range + 2);
            return new DueFilter(a, b, start);
        }

        var (from, to) = Day(rest, restAt);
        return op switch
        {
            "<" => new DueFilter(null, from.AddDays(-1), start),
            "<=" => new DueFilter(null, to, start),
            ">" => new DueFilter(to.AddDays(1), null, start),
            ">=" => new DueFilter(from, null, start),
            _ => new DueFilter(from, to, start),
        };
    }

    // A day or a span of days: 2025-11-03, today, yesterday, tomorrow, this-week, next-week, last-week, this-month.
    private (DateOnly From, DateOnly To) Day(string word, int at)
    {
        var today = context.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        switch (word.ToLowerInvariant())
        {
            case "today": return (today, today);
            case "yesterday": return (today.AddDays(-1), today.AddDays(-1));
            case "tomorrow": return (today.AddDays(1), today.AddDays(1));
            case "this-week": return (monday, monday.AddDays(6));
            case "next-week": return (monday.AddDays(7), monday.AddDays(13));
            case "last-week": return (monday.AddDays(-7), monday.AddDays(-1));
            case "this-month":
                var first = new DateOnly(today.Year, today.Month, 1);
                return (first, first.AddMonths(1).AddDays(-1));
        }

        return DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, date)
            : throw QueryParser.Error(at, $"'{word}' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, this-week, next-week, last-week, this-month)");
    }

    private Filter Effort(string value, int at, int start)
    {
        var (op, rest, restAt) = Operator(value, at);
        int range = rest.IndexOf("..", StringComparison.Ordinal);
        if (op.Length == 0 && range > 0)
        {
            return new EffortFilter(Hours(rest[..range], restAt), true, Hours(rest[(range + 2)..], restAt + range + 2), true, start);
        }

        double hours = Hours(rest, restAt);
        return op switch
        {
            "<" => new EffortFilter(null, false, hours, false, start),
            "<=" => new EffortFilter(null, false, hours, true, start),
            ">" => new EffortFilter(hours, false, null, false, start),
            ">=" => new EffortFilter(hours, true, null, false, start),
            _ => new EffortFilter(hours, true, hours, true, start),
        };
    }

    // 30m, 4h, 1.5d, 2w (a week is five working days); a bare number is hours.
    private double Hours(string word, int at)
    {
        string w = word.Trim().ToLowerInvariant();
        int unit = w.Length;
        while (unit > 0 && char.IsAsciiLetter(w[unit - 1]))
        {
            unit--;
        }

        if (unit > 0 && double.TryParse(w[..unit], NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && n >= 0)
        {
            double? hours = w[unit..] switch
            {
                "" or "h" or "hr" or "hrs" or "hour" or "hours" => n,
                "m" or "min" or "mins" or "minutes" => n / 60,
                "d" or "day" or "days" => n * context.HoursPerDay,
                "w" or "wk" or "week" or "weeks" => n * 5 * context.HoursPerDay,
                _ => null,
            };
            if (hours is { } h)
            {
                return h;
            }
        }

        throw QueryParser.Error(at, $"'{word}' is not an effort (such as 30m, 4h, 1.5d, 2w)");
    }

    private static (string Op, string Value, int ValueAt) Operator(string value, int at)
    {
        string op = value.StartsWith("<=", StringComparison.Ordinal) || value.StartsWith(">=", StringComparison.Ordinal) ? value[..2]
            : value.StartsWith('<') || value.StartsWith('>') || value.StartsWith('=') ? value[..1]
            : string.Empty;
        string rest = value[op.Length..];
        if (rest.Length == 0)
        {
            throw QueryParser.Error(at + op.Length, $"'{op}' needs a value after it");
        }

        return (op == "=" ? string.Empty : op, rest, at + op.Length);
    }

    private static IEnumerable<(string Part, int Offset)> Split(string value, int at)
    {
        int offset = 0;
        foreach (string part in value.Split(','))
        {
            if (part.Trim().Length == 0)
            {
                throw QueryParser.Error(at + offset, "an empty value in a list");
            }

            yield return (part.Trim(), at + offset);
            offset += part.Length + 1;
        }
    }
}
