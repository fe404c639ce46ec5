using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>A declared status: the text as written and the state it normalises to (null when not understood).</summary>
public sealed record DeclaredStatus(string Raw, ItemState? State, TextSpan Span);

/// <summary>Effort as written; hours when the text is numeric (a range keeps both ends).</summary>
public sealed record Effort(string Text, double? Hours, double? MinHours);

/// <summary>A date as written, with any note after it (`2026-02-23 (Monthly)`).</summary>
public sealed record DateValue(DateOnly Date, string Raw, string? Note, TextSpan Span);

public enum ReferenceKind
{
    /// <summary>A path in the workspace (backticks, a relative link, a files list).</summary>
    File,

    /// <summary>An absolute URL or a path outside the workspace (`e:\Apps\`): never judged.</summary>
    External,

    /// <summary>The ID of another item (`P0-001`).</summary>
    Item,

    /// <summary>The ID of another document (`depends_on: [PLAN-…]`).</summary>
    Plan,
}

/// <summary>Why the item names the target: it will create it, change it, produce it, or only mention it.</summary>
public enum ReferenceRole
{
    Mention,
    Create,
    Modify,
    Output,
    Link,
    DependsOn,
}

public sealed record Reference(ReferenceKind Kind, string Target, ReferenceRole Role, TextSpan Span);
