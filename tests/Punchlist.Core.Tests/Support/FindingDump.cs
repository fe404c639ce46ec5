using System.Text;
using Punchlist.Analysis.Findings;
using Punchlist.Model;

namespace Punchlist.Tests.Support;

/// <summary>
/// Findings as compact text for specs and assertions: code, severity, place and the exact text the
/// span covers; the message; what was declared and is true; and each fix as the text it replaces.
/// </summary>
public static class FindingDump
{
    public static string Dump(IReadOnlyList<TrackerDocument> documents, IEnumerable<Finding> findings)
    {
        var byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            var document = byPath[f.Document];
            text.Append($"{f.Code} {f.Severity.Name()} {f.Document}:{f.Start}-{f.End} \"{document.Source.Slice(f.Span)}\"");
            if (f.Item is not null)
            {
                text.Append($" item={f.Item}");
            }

            text.Append('\n').Append("  ").Append(f.Message).Append('\n');
            if (f.Declared is not null || f.Actual is not null || f.Basis is not null)
            {
                text.Append($"  declared={Quote(f.Declared)} actual={Quote(f.Actual)} basis={Quote(f.Basis)}\n");
            }

            foreach (var edit in f.Fix)
            {
                text.Append($"  fix {document.PositionOf(edit.Span.Start)}-{document.PositionOf(edit.Span.End)} \"{document.Source.Slice(edit.Span)}\" -> \"{edit.NewText}\"\n");
            }
        }

        return text.ToString();
    }

    private static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";
}
