namespace Punchlist.Model;

/// <summary>The syntax a tracker is written in, chosen by its file extension (`*.org` is Org; anything else Markdown).</summary>
public enum DocumentFormat
{
    Markdown,
    Org,
}
