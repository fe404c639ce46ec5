using Punchlist.Model;

namespace Punchlist.Analysis.Claims;

/// <summary>
/// Finds the claims of a document: cells of tables whose column counts work (`Tasks`, `Count`,
/// `Progress`; not `Days` or `SLA`) and metadata lines whose value is a count or progress
/// (`**Total Items:** 50 actionable tasks`, `Completion: 0/50 (0%)`).
/// </summary>
internal static class ClaimReader
{
    public static List<Claim> Read(TrackerDocument document, RowLabels rows)
    {
        var claims = new List<Claim>();
        foreach (var table in document.Tables)
        {
            ReadTable(document, table, rows, claims);
        }

        foreach (var field in document.Metadata)
        {
            if (Claimable(field) && ClaimValueParser.Parse(document.Source.Text, field.ValueSpan) is { } value)
            {
                claims.Add(new Claim(ClaimSource.Field, Label(document, field.Key), null, value, field.ValueSpan, document.PositionOf(value.Span.Start)));
            }
        }

        foreach (var item in document.Items)
        {
            foreach (var field in item.Fields)
            {
                if (Claimable(field) && ClaimValueParser.Parse(document.Source.Text, field.ValueSpan) is { } value)
                {
                    claims.Add(new Claim(ClaimSource.Field, Label(document, field.Key), null, value, field.ValueSpan, document.PositionOf(value.Span.Start)) { Owner = item });
                }
            }
        }

        claims.Sort((a, b) => a.Value.Span.Start.CompareTo(b.Value.Span.Start));
        return claims;
    }

    // A label as it was meant to read: mojibake repaired, text whose original is lost (`ï¿½`) dropped.
    public static string Label(TrackerDocument document, string text)
    {
        string label = document.Encoding.Repair(text);
        foreach (var damage in document.Encoding.Damages.Where(d => d.Kind == Text.EncodingDamageKind.Unrepairable))
        {
            label = label.Replace(damage.Original, " ", StringComparison.Ordinal);
        }

        return string.Join(' ', label.Replace('\uFFFD', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // Keys with a meaning of their own (a due date, an effort, a version) never hold a count claim.
    private static bool Claimable(MetadataField field) => field.HasValue && field.Kind is FieldKind.Custom or FieldKind.Completed;

    private static void ReadTable(TrackerDocument document, TableModel table, RowLabels rows, List<Claim> claims)
    {
        if (table.Header is not { } header || header.Cells.Count < 2)
        {
            return;
        }

        var body = table.Body.Where(r => r.Cells.Count > 1 && r.Cells[0].Text.Trim().Length > 0).ToList();
        for (int column = 1; column < header.Cells.Count; column++)
        {
            string? columnLabel = null; // read once, when the column's first claim is found
            var heading = ClaimWords.Fold(header.Cells[column].Text);
            bool counts = ClaimWords.IsCountHeading(heading);
            bool fractions = ClaimWords.IsFractionHeading(heading);
            bool percents = ClaimWords.IsProgressHeading(heading);
            foreach (var row in body.Where(r => r.Cells.Count > column))
            {
                var cell = row.Cells[column];
                if (ClaimValueParser.Parse(document.Source.Text, cell.Span) is not { } value)
                {
                    continue;
                }

                bool fits = value.Shape switch
                {
                    ClaimShape.Count => counts,
                    ClaimShape.Fraction => fractions,
                    _ => percents,
                };
                if (fits)
                {
                    columnLabel ??= Label(document, header.Cells[column].Text);
                    claims.Add(new Claim(ClaimSource.Table, rows.Of(row), columnLabel, value, cell.Span, document.PositionOf(value.Span.Start))
                    {
                        Table = table,
                    });
                }
            }
        }
    }
}
