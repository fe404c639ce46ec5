using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Report;

/// <summary>
/// The Markdown report read back as Markdown (Markdig: its sections, tables, paragraphs and lists),
/// and every number in it checked, field by field, against `punch status --json`, `punch history
/// --json` and `punch history --since … --json` of the same day.
/// </summary>
public sealed partial class MarkdownReportTests(ReportRepository repo) : IClassFixture<ReportRepository>
{
    [Fact]
    public void Every_number_the_markdown_shows_is_the_one_punch_status_and_punch_history_give_for_the_same_day()
    {
        var (exit, markdown, error) = Punch.RunIn(repo.Root, "report", "--today", ReportRepository.Today, "--since", ReportRepository.Since);
        Assert.True(exit == 0, error);
        var status = Json("status");
        var history = Json("history");
        var window = Json("history", "--since", ReportRepository.Since);
        var report = ReadReport(markdown);
        var totals = status.GetProperty("totals");

        // The headline table: each row's numbers, in order, are these fields.
        var headline = report.Tables(string.Empty).Single();
        var forecast = history.GetProperty("forecasts")[0];
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Items"] = [At(totals, "items.total"), At(totals, "documents")],
            ["Done"] = [At(totals, "progress.done"), At(totals, "progress.total"), At(totals, "progress.percent")],
            ["In progress · blocked · open"] = [At(totals, "items.inProgress"), At(totals, "items.blocked"), At(totals, "items.open")],
            ["Criteria checked"] = [At(totals, "criteria.checked"), At(totals, "criteria.total")],
            ["Late"] = Late(totals),
            ["Findings"] = [At(totals, "findings.error"), At(totals, "findings.warning"), At(totals, "findings.note")],
            ["Done items against the repository"] = [At(totals, "verification.verified"), At(totals, "verification.contradicted"), At(totals, "verification.unknown")],
            ["Forecast"] = [At(forecast, "remaining"), .. forecast.GetProperty("dates").EnumerateArray().SelectMany(d => new[] { At(d, "date"), At(d, "percent") })],
        };
        Assert.Equal(expected.Keys, headline.Rows.Select(r => r[0]));
        Assert.All(headline.Rows, row => Assert.Equal(expected[row[0]], Numbers(row[1])));

        // Progress by priority: a row for each priority with items, its items, done and percentage.
        var priorities = report.Tables("Progress by priority").Single();
        Assert.Equal(["Priority", "Items", "Done", "Progress"], priorities.Header);
        var byPriority = totals.GetProperty("byPriority").EnumerateObject().Where(p => p.Value.GetProperty("total").GetInt32() > 0).ToList();
        Assert.Equal(byPriority.Select(p => p.Name), priorities.Rows.Select(r => r[0]));
        foreach (var (row, tier) in priorities.Rows.Zip(byPriority))
        {
            int total = tier.Value.GetProperty("total").GetInt32(), done = tier.Value.GetProperty("done").GetInt32();
            Assert.Equal([At(tier.Value, "total"), At(tier.Value, "done"), N((int)Math.Floor(100.0 * done / total))], [.. Numbers(row[1]), .. Numbers(row[2]), .. Numbers(row[3])]);
        }

        // Progress by tracker: status's documents, in its order.
        var trackers = report.Tables("Progress by tracker").Single();
        Assert.Equal(["Tracker", "Items", "Done", "Progress", "Late", "Errors"], trackers.Header);
        var documents = status.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(documents.Count, trackers.Rows.Count);
        foreach (var (row, document) in trackers.Rows.Zip(documents))
        {
            Assert.Equal(At(document, "path"), row[0]);
            Assert.Equal([At(document, "items.total"), At(document, "progress.done"), At(document, "progress.percent"), At(document, "late"), At(document, "findings.error")],
                [.. Numbers(row[1]), .. Numbers(row[2]), .. Numbers(row[3]), .. Numbers(row[4]), .. Numbers(row[5])]);
        }

        // The window: its counts, and the items it lists, are the --since history's flow.
        var section = report.Sections.Single(s => s.Heading.StartsWith("Since ", StringComparison.Ordinal));
        Assert.Equal(["Since", ReportRepository.Since, "7", "days"], [.. Words(section.Heading)]);
        var flow = window.GetProperty("flow");
        var counts = Numbers(section.Paragraphs[0]);
        Assert.Equal(At(flow, "finished.length"), counts[0]);
        Assert.Equal(At(flow, "wentBackwards.length"), counts[2]);
        Assert.Equal(flow.GetProperty("finished").EnumerateArray().Select(f => At(f, "address")), section.List("Finished").Select(FirstCode));
        Assert.Equal(flow.GetProperty("wentBackwards").EnumerateArray().Select(f => At(f, "address")), section.List("Reopened").Select(FirstCode));

        // The sentence's other counts are the lists under it (the fixture has one of each, so a count or
        // list left out fails); what fell due is every overdue item due since then, as `punch search` finds them.
        Assert.NotEmpty(section.List("Added"));
        Assert.Equal(N(section.List("Added").Count), counts[1]);
        Assert.NotEmpty(section.List("Pushed back"));
        Assert.Equal(N(section.List("Pushed back").Count), counts[3]);
        var fellDue = Json("search", $"is:overdue due:>={ReportRepository.Since}").GetProperty("results").EnumerateArray().Select(r => At(r, "address")).ToList();
        Assert.NotEmpty(fellDue);
        Assert.Equal(fellDue.Order(StringComparer.Ordinal), section.List("Fell due").Select(FirstCode).Order(StringComparer.Ordinal));
        Assert.Equal(N(fellDue.Count), counts[4]);

        // Late P0 and P1 items, and those only counted, are every late item status counts.
        var late = report.Tables("Late P0 and P1 items").Single();
        int others = report.Sections.Single(s => s.Heading == "Late P0 and P1 items").Paragraphs.Select(p => Numbers(p)).Where(n => n.Count > 0).Sum(n => int.Parse(n[0], CultureInfo.InvariantCulture));
        Assert.Equal(totals.GetProperty("late").GetInt32(), late.Rows.Count + others);

        // The evidence sentence: done items, verified (and its share), contradicted, without evidence.
        var verification = totals.GetProperty("verification");
        int verified = verification.GetProperty("verified").GetInt32(), doneItems = verification.GetProperty("done").GetInt32();
        Assert.Equal([At(verification, "done"), At(verification, "verified"), N(100 * verified / doneItems), At(verification, "contradicted"), At(verification, "unknown")],
            Numbers(report.Sections.Single(s => s.Heading == "Evidence").Paragraphs[0]));

        // The forecast sentence: the same dates and likelihoods, and the weeks it drew from.
        var sentence = Numbers(report.Sections.Single(s => s.Heading == "Forecast").Paragraphs[0]);
        Assert.Equal(expected["Forecast"], sentence.Take(expected["Forecast"].Length));
        Assert.Equal([At(forecast, "trials"), N(forecast.GetProperty("samples").GetArrayLength()), .. forecast.GetProperty("samples").EnumerateArray().Select(s => At(s, "done"))],
            sentence.Skip(expected["Forecast"].Length));
    }

    private JsonElement Json(params string[] args)
    {
        var (exit, output, error) = Punch.RunIn(repo.Root, [.. args, "--json", "--today", ReportRepository.Today]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    // "Late" says the overdue and SLA parts only when both are there.
    private static string[] Late(JsonElement totals)
    {
        int late = totals.GetProperty("late").GetInt32(), overdue = totals.GetProperty("overdue").GetInt32();
        return late == overdue ? [N(late)] : [N(late), N(overdue), N(late - overdue)];
    }

    private static string At(JsonElement root, string path) => ReportRepository.ValueAt(root, path)!;

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    // The numbers a cell or sentence states, in order: dates whole, the rest as integers. The text
    // comes from Markdig's tree, so table pipes, code spans and emphasis are already gone.
    private static List<string> Numbers(string text) => [.. NumberPattern().Matches(text).Select(m => m.Value)];

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    private static string FirstCode(ListEntry entry) => entry.Codes[0];

    private static MarkdownReport ReadReport(string markdown)
    {
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().Build());
        var sections = new List<Section> { new(string.Empty) };
        foreach (var block in document)
        {
            var section = sections[^1];
            switch (block)
            {
                case HeadingBlock { Level: 2 } heading:
                    sections.Add(new Section(Plain(heading.Inline)));
                    break;
                case Table table:
                    var rows = table.OfType<TableRow>().Select(r => r.OfType<TableCell>().Select(c => string.Concat(c.OfType<ParagraphBlock>().Select(p => Plain(p.Inline)))).ToList()).ToList();
                    section.TableList.Add(new ReportTable(rows[0], rows.Skip(1).ToList()));
                    break;
                case ParagraphBlock paragraph when paragraph.Inline?.FirstChild is EmphasisInline { DelimiterCount: 2 } strong && strong.NextSibling is null:
                    section.Lists.Add((Plain(strong), []));
                    break;
                case ParagraphBlock paragraph:
                    section.Paragraphs.Add(Plain(paragraph.Inline));
                    break;
                case ListBlock list when section.Lists.Count > 0:
                    section.Lists[^1].Entries.AddRange(list.OfType<ListItemBlock>().Select(Entry));
                    break;
            }
        }

        return new MarkdownReport(sections);
    }

    private static ListEntry Entry(ListItemBlock item)
    {
        var inline = item.OfType<ParagraphBlock>().First().Inline;
        return new ListEntry(Plain(inline), [.. inline!.Descendants<CodeInline>().Select(c => c.Content)]);
    }

    private static string Plain(ContainerInline? container)
    {
        var text = new StringBuilder();
        foreach (var inline in container ?? Enumerable.Empty<Inline>())
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                ContainerInline nested => Plain(nested),
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                LineBreakInline => " ",
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\d|\d+")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\d{4}-\d\d-\d\d|\w+")]
    private static partial Regex WordPattern();

    private sealed record MarkdownReport(List<Section> Sections)
    {
        public IEnumerable<ReportTable> Tables(string heading) => Sections.Single(s => s.Heading == heading).TableList;
    }

    private sealed record Section(string Heading)
    {
        public List<ReportTable> TableList { get; } = [];

        public List<string> Paragraphs { get; } = [];

        /// <summary>The lists under a bold caption ("**Finished**"), by caption.</summary>
        public List<(string Caption, List<ListEntry> Entries)> Lists { get; } = [];

        public List<ListEntry> List(string caption) => Lists.SingleOrDefault(l => l.Caption == caption).Entries ?? [];
    }

    private sealed record ReportTable(List<string> Header, List<List<string>> Rows);

    private sealed record ListEntry(string Text, List<string> Codes);
}
