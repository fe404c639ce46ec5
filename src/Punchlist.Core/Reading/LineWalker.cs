using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>
/// The fallback reader for text Markdig cannot or should not parse: ATX headings, ID cards and
/// checkbox lines outside code fences, nested by indentation. Linear in the input, no recursion.
/// </summary>
internal sealed partial class LineWalker(SourceText source, ReaderOptions options, EncodingReport encoding)
{
    private readonly List<Section> _sections = [];
    private readonly List<ItemBuilder> _items = [];
    private readonly List<Checkbox> _boxes = [];

    public WalkResult Walk()
    {
        string text = source.Text;
        var openSections = new List<Section>();
        ItemBuilder? card = null;
        var parents = new List<(int Indent, Checkbox Box, ItemBuilder Owner)>();
        string? fence = null;
        string? title = null;
        for (int line = 0; line < source.Lines.LineCount; line++)
        {
            var span = source.Lines.LineSpan(text, line);
            string content = text.Substring(span.Start, span.Length);
            var fenceMatch = Fence().Match(content);
            if (fenceMatch.Success && (fence is null || fenceMatch.Groups[1].Value.StartsWith(fence, StringComparison.Ordinal)))
            {
                fence = fence is null ? fenceMatch.Groups[1].Value : null;
                continue;
            }

            if (fence is not null)
            {
                continue;
            }

            var heading = Heading().Match(content);
            if (heading.Success)
            {
                int level = heading.Groups[1].Length;
                while (openSections.Count > 0 && openSections[^1].Level >= level)
                {
                    openSections.RemoveAt(openSections.Count - 1);
                }

                if (card is not null && card.Level >= level)
                {
                    card.End = span.Start;
                    card = null;
                }

                parents.Clear();
                string headingText = heading.Groups[2].Value.Trim();
                var section = new Section
                {
                    Index = _sections.Count,
                    Level = level,
                    Title = headingText,
                    HeadingSpan = span,
                    TitleSpan = new TextSpan(span.Start + heading.Groups[2].Index, heading.Groups[2].Length),
                    Position = source.PositionOf(span.Start),
                    Parent = openSections.Count > 0 ? openSections[^1] : null,
                    Priority = PriorityVocabulary.FromSection(encoding.Repair(headingText)),
                    IsPhase = PriorityVocabulary.IsPhase(headingText),
                };
                _sections.Add(section);
                openSections.Add(section);
                var id = IdTokens.AtStart(encoding.Repair(headingText));
                if (id is not null)
                {
                    int cut = IdTokens.TitleStart(headingText, id.Groups["id"].Value);
                    string cardTitle = cut >= 0 ? headingText[cut..] : headingText;
                    card = new ItemBuilder
                    {
                        Kind = ItemKind.Card, Id = id.Groups["id"].Value, Title = cardTitle, MeantTitle = encoding.Repair(cardTitle),
                        TitleSpan = section.TitleSpan, Position = section.Position, Start = span.Start, End = text.Length,
                        Section = section.Parent, Heading = section, Level = level,
                    };
                    _items.Add(card);
                }
                else if (title is null && level == 1 && _sections.Count == 1)
                {
                    title = headingText;
                }

                continue;
            }

            var task = TaskLine().Match(content);
            if (!task.Success || !TaskBoxes.IsMarker(task.Groups["mark"].Value[0]))
            {
                continue;
            }

            int indent = task.Groups["indent"].Length;
            while (parents.Count > 0 && parents[^1].Indent >= indent)
            {
                parents.RemoveAt(parents.Count - 1);
            }

            char marker = task.Groups["mark"].Value[0];
            var mark = TaskBoxes.MarkOf(marker);
            int boxAt = span.Start + task.Groups["mark"].Index - 1;
            var textGroup = task.Groups["text"];
            var box = new Checkbox
            {
                Marker = marker, Mark = mark, State = TaskBoxes.StateOf(mark, marker, options.Markers),
                MarkerSpan = new TextSpan(boxAt, 3), Text = textGroup.Value.Trim(),
                TextSpan = new TextSpan(span.Start + textGroup.Index, textGroup.Length), ItemSpan = span,
                Position = source.PositionOf(boxAt), Depth = parents.Count, Parent = parents.Count > 0 ? parents[^1].Box : null,
            };
            _boxes.Add(box);
            var owner = parents.Count > 0 ? parents[^1].Owner : card;
            if (owner is null)
            {
                owner = new ItemBuilder
                {
                    Kind = ItemKind.Task, Title = box.Text, MeantTitle = encoding.Repair(box.Text), TitleSpan = box.TextSpan,
                    Position = source.PositionOf(span.Start), Start = span.Start, End = span.End,
                    Section = openSections.Count > 0 ? openSections[^1] : null, Box = box,
                };
                _items.Add(owner);
            }
            else
            {
                owner.Criteria.Add(box);
                owner.End = Math.Max(owner.End, span.End);
            }

            parents.Add((indent, box, owner));
        }

        return new WalkResult(title, _sections, _items, _boxes, [], [], [], [], []);
    }

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")]
    private static partial Regex Heading();

    // Markers may nest on one line (`- - [ ] x`, `> 1. - [ ] x`): the indent is everything before the
    // last marker. Each character of it can be read one way only, so the match stays linear.
    [GeneratedRegex(@"^(?<indent>(?:[ \t>]|(?:[-*+]|\d{1,9}[.)])[ \t])*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[(?<mark>.)\](?:[ \t]+(?<text>\S.*))$")]
    private static partial Regex TaskLine();
}
