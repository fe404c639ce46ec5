using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>Files, links and item IDs named in a run of inlines.</summary>
internal static class InlineReferences
{
    /// <summary>
    /// Adds what the inlines name to <paramref name="into"/>. At item level that is backticked paths,
    /// links and mentioned IDs; at document level only links (a path in prose promises nothing).
    /// </summary>
    public static void Collect(LeafBlock block, string source, int from, RoleSource roleAt, bool itemLevel, List<Reference> into)
    {
        if (!PlainParagraphs.IsPlain(block))
        {
            Collect(block.Inline, source, from, roleAt, itemLevel, into);
        }
        else if (itemLevel)
        {
            // Plain text holds no code, links or autolinks: only the IDs its lines mention.
            var lines = block.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var slice = lines.Lines[i].Slice;
                if (slice.End >= from)
                {
                    AddIds(slice.AsSpan(), slice.Start, from, into);
                }
            }
        }
    }

    public static void Collect(ContainerInline? inline, string source, int from, RoleSource roleAt, bool itemLevel, List<Reference> into)
    {
        for (var child = inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child.Span.End < from && child.Span.End >= 0)
            {
                continue;
            }

            switch (child)
            {
                case CodeInline code when itemLevel && PathLike.IsPath(code.Content.Trim()):
                    var target = code.Content.Trim();
                    into.Add(new Reference(PathLike.IsOutsideWorkspace(target) ? ReferenceKind.External : ReferenceKind.File,
                        target, roleAt.At(code.Span.Start), ContentSpan(code, source)));
                    break;
                case LinkInline link when !string.IsNullOrWhiteSpace(link.Url):
                    AddLink(link, roleAt.At(link.Span.Start), into);
                    if (!link.IsImage)
                    {
                        Collect(link, source, from, roleAt, itemLevel, into);
                    }

                    break;
                case AutolinkInline autolink:
                    into.Add(new Reference(ReferenceKind.External, autolink.Url, ReferenceRole.Link, Span(autolink)));
                    break;
                case LiteralInline literal when itemLevel:
                    AddIds(literal.Content.AsSpan(), literal.Span.Start, from, into);
                    break;
                case ContainerInline nested:
                    Collect(nested, source, from, roleAt, itemLevel, into);
                    break;
            }
        }
    }

    // Most text names no item: look for the shape of one before running the pattern.
    private static void AddIds(ReadOnlySpan<char> content, int start, int from, List<Reference> into)
    {
        if (!IdTokens.MayHoldId(content))
        {
            return;
        }

        foreach (var (index, length) in IdTokens.Locate(content))
        {
            int at = start + index;
            if (at >= from)
            {
                into.Add(new Reference(ReferenceKind.Item, content.Slice(index, length).ToString(), ReferenceRole.Mention, new TextSpan(at, length)));
            }
        }
    }

    /// <summary>
    /// The role of a file named at an offset: a fixed one (a files list, a link), or the role of the
    /// last `**Files to Create:**`-like label before it in the paragraph.
    /// </summary>
    public readonly record struct RoleSource(ReferenceRole Fixed, IReadOnlyList<MetadataField>? Labels = null)
    {
        public static readonly RoleSource Link = new(ReferenceRole.Link);

        public ReferenceRole At(int offset)
        {
            if (Fixed != ReferenceRole.Mention || Labels is null)
            {
                return Fixed;
            }

            for (int i = Labels.Count - 1; i >= 0; i--)
            {
                if (Labels[i].KeySpan.Start <= offset)
                {
                    return FileLabels.RoleOf(Labels[i].Key);
                }
            }

            return ReferenceRole.Mention;
        }
    }

    private static void AddLink(LinkInline link, ReferenceRole role, List<Reference> into)
    {
        string url = link.Url!.Trim();
        if (url.StartsWith('#'))
        {
            return;
        }

        if (PathLike.IsOutsideWorkspace(url))
        {
            into.Add(new Reference(ReferenceKind.External, url, ReferenceRole.Link, Span(link)));
            return;
        }

        int cut = url.IndexOfAny(['#', '?']);
        string path = Uri.UnescapeDataString(cut >= 0 ? url[..cut] : url);
        if (path.Length > 0)
        {
            into.Add(new Reference(ReferenceKind.File, path, role == ReferenceRole.Mention ? ReferenceRole.Link : role, Span(link)));
        }
    }

    private static TextSpan Span(Inline inline) => TextSpan.FromBounds(inline.Span.Start, inline.Span.End + 1);

    private static TextSpan ContentSpan(CodeInline code, string source)
    {
        var whole = Span(code);
        string raw = source.Substring(whole.Start, Math.Min(whole.Length, source.Length - whole.Start));
        int inner = raw.IndexOf(code.Content.Trim(), StringComparison.Ordinal);
        return inner >= 0 ? new TextSpan(whole.Start + inner, code.Content.Trim().Length) : whole;
    }
}
