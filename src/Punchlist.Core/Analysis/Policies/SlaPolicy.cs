using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Analysis.Policies;

/// <summary>
/// The SLA a document sets per priority: a table whose rows name a priority and whose `SLA` (or
/// `Timeline`, `Response time`, `Resolution` …) column holds a duration — `| P0 | 24 hours |` — or a
/// priority heading that states one — `## P1: Health (Complete within 2 weeks)`. Tables win over
/// headings; the workspace's `sla:` fills in priorities the document leaves out.
/// </summary>
public static partial class SlaPolicy
{
    private static readonly string[] ColumnWords = ["sla", "timeline", "response", "resolution", "deadline", "turnaround", "target", "time to fix", "due within"];

    public static Dictionary<string, (Duration Duration, string Source)> For(TrackerDocument document, CheckPolicy policy)
    {
        var result = new Dictionary<string, (Duration, string)>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            if (table.Header is not { } header)
            {
                continue;
            }

            int column = header.Cells.ToList().FindIndex(c => ColumnWords.Any(w => (" " + TextFold.Words(c.Text) + " ").Contains(" " + w + " ", StringComparison.Ordinal)));
            if (column <= 0)
            {
                continue;
            }

            foreach (var row in table.Body)
            {
                if (row.Cells.Count > column
                    && PriorityVocabulary.FromSection(document.Encoding.Repair(row.Cells[0].Text)) is { } priority
                    && Duration.Parse(row.Cells[column].Text, policy.SprintDays) is { } duration)
                {
                    result.TryAdd(priority.Name, (duration, $"the SLA table at line {row.Position.Line}"));
                }
            }
        }

        foreach (var section in document.Sections)
        {
            if (section.Priority is { } priority && Within().Match(section.Title) is { Success: true } m
                && Duration.Parse(m.Groups[1].Value, policy.SprintDays) is { } duration)
            {
                result.TryAdd(priority.Name, (duration, $"the heading at line {section.Position.Line}"));
            }
        }

        foreach (var (name, duration) in policy.Sla)
        {
            result.TryAdd(name, (duration, "punchlist.yml"));
        }

        return result;
    }

    // `(Complete within 24 hours)`, `(Sprint-based, 4-6 weeks each)`, `(Quarterly planning)` — but not an
    // estimate of the work (`(Est: 7-9 weeks)`, `(Estimate: 2 days)`, `(Effort: 3d)`), which starts no clock.
    [GeneratedRegex(@"\((?!\s*(?:est(?:imated?)?|effort|size|duration)\b)([^()]*(?:within|hours?|days?|weeks?|months?|sprint|daily|weekly|monthly|quarterly)[^()]*)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Within();
}
