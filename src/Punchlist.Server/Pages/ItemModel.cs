using Punchlist.Model;
using Punchlist.Server.Data;

namespace Punchlist.Server.Pages;

/// <summary>One item: its metadata, criteria (each with a tick or untick button for writers), references, evidence, findings, timeline and source.</summary>
public sealed record ItemModel(LayoutModel Layout, ItemView View, IReadOnlyList<SourceLine> Source, TimelineModel Timeline)
{
    public Item Item => View.Item;

    public TrackerDocument Document => View.Document;

    public static ItemModel Of(ItemView view, TimelineModel timeline, LayoutModel layout)
    {
        var start = view.Document.PositionOf(view.Item.Span.Start).Line;
        string excerpt = view.Document.Source.Slice(view.Item.Span).TrimEnd('\r', '\n');
        var lines = excerpt.Split('\n').Select((text, i) => new SourceLine(start + i, text.TrimEnd('\r'))).ToList();
        return new ItemModel(layout, view, lines, timeline);
    }
}

/// <summary>A line of a tracker's source, numbered as editors number it.</summary>
public sealed record SourceLine(int Number, string Text);
