using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>
/// Something the reader kept as text but thinks a person should look at (`--explain`): a status it
/// could not normalise, a box outside a list, a limit it hit.
/// </summary>
public sealed record ReaderNote(string Message, TextSpan Span, LinePosition Position);
