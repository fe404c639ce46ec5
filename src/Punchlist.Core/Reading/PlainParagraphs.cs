using System.Buffers;
using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Punchlist.Reading;

/// <summary>
/// Leaves paragraphs of plain text out of Markdig's inline pass. A paragraph with none of the
/// characters that start an inline (emphasis, code, links, autolinks, entities, escapes, table
/// pipes) and no hard line break parses to nothing but its lines of text, so the walker reads those
/// lines itself (<see cref="InlineText"/>, <see cref="InlineReferences"/>). Most task titles and
/// most prose are such paragraphs, and the inline pass is the larger half of Markdig's work.
/// </summary>
internal sealed class PlainParagraphs
{
    private readonly SearchValues<char> _inlineStarts;

    private PlainParagraphs(SearchValues<char> inlineStarts) => _inlineStarts = inlineStarts;

    /// <summary>Builds the pipeline, then tells its paragraph parser to mark plain paragraphs as it closes them.</summary>
    public static MarkdownPipeline Build(MarkdownPipelineBuilder builder)
    {
        var pipeline = builder.Build();

        // Extensions add their inline parsers while the pipeline is built, so the opening characters are
        // read after; the built pipeline shares the builder's parser instances, so the handler reaches it.
        var starts = builder.InlineParsers.SelectMany(p => p.OpeningCharacters ?? []).Where(c => c is not ('\n' or '\r')).Distinct();
        var marker = new PlainParagraphs(SearchValues.Create([.. starts]));
        var paragraphs = builder.BlockParsers.Find<ParagraphBlockParser>()
            ?? throw new InvalidOperationException("the pipeline has no paragraph parser");
        paragraphs.Closed += marker.MarkPlain;
        return pipeline;
    }

    /// <summary>True when the walker must read the block from its lines: it is a paragraph Markdig made no inlines of.</summary>
    public static bool IsPlain(LeafBlock block) => block is ParagraphBlock { Inline: null, ProcessInlines: false };

    private void MarkPlain(BlockProcessor processor, Block block)
    {
        if (block is ParagraphBlock paragraph && IsPlainText(paragraph))
        {
            paragraph.ProcessInlines = false;
        }
    }

    private bool IsPlainText(ParagraphBlock paragraph)
    {
        var lines = paragraph.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            var text = slice.Text.AsSpan(slice.Start, Math.Max(0, slice.Length));

            // A task box opens the first paragraph of a list item; the walker reads after it.
            if (i == 0 && paragraph.Parent is ListItemBlock item && item.Count > 0 && item[0] == paragraph && IsBox(text))
            {
                text = text[3..];
            }

            if (text.IndexOfAny(_inlineStarts) >= 0)
            {
                return false;
            }

            // Two spaces (or a tab) before a line end are a hard break: leave those to Markdig.
            if (i + 1 < lines.Count && text.Length > 0 && text[^1] is ' ' or '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBox(ReadOnlySpan<char> line) =>
        line.Length >= 3 && line[0] == '[' && line[2] == ']' && (line.Length == 3 || line[3] is ' ' or '\t');
}
