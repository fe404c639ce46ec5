using Markdig;
using Punchlist.Model;
using Punchlist.Reading.Legend;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>
/// Reads one Markdown file into a <see cref="TrackerDocument"/>. Never throws: input Markdig cannot
/// parse, or not in time linear in its size (nesting past its limit or past <see cref="NestingProbe.MaxDepth"/>,
/// files past <see cref="ReaderOptions.MaxParseBytes"/>) is read line by line instead, and the
/// document says so in its notes. Org files (`*.org`) are read by <see cref="Org.OrgReader"/> into
/// the same model. Thread-safe.
/// </summary>
public sealed class DocumentReader(ReaderOptions options)
{
    // Only what trackers need: front matter and pipe tables. Task lists are recognised on the source
    // (see TaskBoxes); every other extension would only cost time. Paragraphs of plain text skip the
    // inline pass (see PlainParagraphs).
    private static readonly MarkdownPipeline Pipeline = PlainParagraphs.Build(NewPipeline());

    // Every paragraph through the inline pass: tests read with both and compare, and the cookie fixer
    // needs the inline trees of headings and list items to tell a cookie from code or a link.
    internal static readonly MarkdownPipeline EveryInlinePipeline = NewPipeline().Build();

    public static readonly DocumentReader Default = new(ReaderOptions.Default);

    public ReaderOptions Options => options;

    /// <summary>False to run every paragraph through Markdig's inline pass, as a reference for tests.</summary>
    internal bool SkipPlainInlines { get; init; } = true;

    public TrackerDocument Read(string path, byte[] bytes) => Read(path, SourceText.FromBytes(bytes));

    public TrackerDocument Read(string path, SourceText source)
    {
        var notes = new List<ReaderNote>();
        var encoding = EncodingReport.Analyze(source);
        var format = FormatOf(path);
        var walk = format == DocumentFormat.Org ? Org.OrgReader.Read(source, options, encoding, notes)
            : source.Bytes.Length > options.MaxParseBytes
            ? ReadLines(source, encoding, notes, $"the file is larger than the {Size(options.MaxParseBytes)} this reader parses as Markdown")
            : NestingProbe.TooDeep(source.Text)
            ? ReadLines(source, encoding, notes, $"it nests quotes and lists more than {NestingProbe.MaxDepth} deep, which Markdig reads in time that grows with the square of the depth")
            : ReadMarkdown(source, encoding, notes);

        DropSummaryRows(walk.Items);
        DropDescriptions(walk);
        var statuses = walk.Legend?.Statuses ?? options.Statuses;
        if (format == DocumentFormat.Markdown)
        {
            DocumentCard.Fold(path, walk, source, statuses, encoding);
        }

        var finisher = new ItemFinisher(source, options, encoding, statuses, walk.Owners, notes);
        var items = walk.Items.Select(finisher.Finish).ToList();
        finisher.Keys.Attach(items);
        notes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new TrackerDocument
        {
            Path = path,
            Source = source,
            Format = format,
            Title = walk.Title ?? DocumentCard.FrontTitle(walk),
            Id = walk.Metadata.Find(f => f.Kind == FieldKind.Id && f.Shape == FieldShape.FrontMatter)?.Value,
            Metadata = walk.Metadata,
            Sections = walk.Sections,
            Items = items,
            Checkboxes = walk.Boxes,
            Tables = walk.Tables,
            Verbatim = walk.Verbatim,
            References = walk.References.Concat(walk.DependsOn.Select(d => new Reference(ReferenceKind.Plan, d, ReferenceRole.DependsOn, default))).ToList(),
            Encoding = encoding,
            Notes = notes,
        };
    }

    // A table row whose ID is a card's or a task's of the same document (`| FEATURE-001 | … | ✅ |` in a
    // summary of the cards above) repeats that item; it is not a second one.
    private static void DropSummaryRows(List<ItemBuilder> items)
    {
        HashSet<string>? ids = null;
        bool rows = false;
        foreach (var item in items)
        {
            if (item.Kind != ItemKind.Row && item.Id is not null)
            {
                (ids ??= new HashSet<string>(StringComparer.Ordinal)).Add(item.Id);
            }

            rows |= item.Kind == ItemKind.Row && item.Id is not null;
        }

        if (ids is not null && rows)
        {
            items.RemoveAll(item => item.Kind == ItemKind.Row && item.Id is not null && ids.Contains(item.Id));
        }
    }

    // A heading whose status only describes it (see DocumentWalker.Describes) is no card unless criteria
    // turned up under it: its fields and references belong to the document.
    private static void DropDescriptions(WalkResult walk)
    {
        walk.Items.RemoveAll(item =>
        {
            if (!item.Describes || item.CriteriaSoFar.Count > 0)
            {
                return false;
            }

            walk.Metadata.AddRange(item.FieldsSoFar);
            walk.References.AddRange(item.ReferencesSoFar);
            return true;
        });
    }

    /// <summary>Org for `*.org`; Markdown for everything else.</summary>
    public static DocumentFormat FormatOf(string path) =>
        path.EndsWith(".org", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Org : DocumentFormat.Markdown;

    private static MarkdownPipelineBuilder NewPipeline() =>
        new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter().UsePipeTables();

    private static string Size(int bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";

    private WalkResult ReadMarkdown(SourceText source, EncodingReport encoding, List<ReaderNote> notes)
    {
        try
        {
            var document = Markdown.Parse(source.Text, SkipPlainInlines ? Pipeline : EveryInlinePipeline);
            var legend = DocumentLegend.Read(document, source, encoding, options, notes);
            return new DocumentWalker(source, options, encoding, legend, notes).Walk(document);
        }
        catch (Exception e)
        {
            // Markdig refuses nesting past its depth limit with an ArgumentException; anything else it
            // throws is a parser bug. Either way the document is still read, line by line.
            notes.Clear();
            return ReadLines(source, encoding, notes, $"Markdig could not parse it ({e.Message})");
        }
    }

    private WalkResult ReadLines(SourceText source, EncodingReport encoding, List<ReaderNote> notes, string why)
    {
        notes.Add(new ReaderNote($"read line by line because {why}: headings and checkboxes are counted, metadata and tables are not", default, new LinePosition(1, 1)));
        return new LineWalker(source, options, encoding).Walk();
    }
}
