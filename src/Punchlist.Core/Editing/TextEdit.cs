using Punchlist.Text;

namespace Punchlist.Editing;

/// <summary>Replace the text in <see cref="Span"/> with <see cref="NewText"/>; every other character stays as it is.</summary>
public readonly record struct TextEdit(TextSpan Span, string NewText);
