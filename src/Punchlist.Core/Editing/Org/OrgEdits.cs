using System.Text.RegularExpressions;
using Punchlist.Editing.Sync;
using Punchlist.Model;
using Punchlist.Reading.Org;
using Punchlist.Reading.Vocabulary;

namespace Punchlist.Editing.Org;

/// <summary>
/// Edits written the way Org writes them: a state is the file's own TODO keyword (the first done
/// keyword of the entry's sequence for done, the sequence's head to reopen), a ticked box is `[X]`,
/// and a statistics cookie reads what Org would count (<see cref="OrgCookies"/>).
/// </summary>
internal static partial class OrgEdits
{
    /// <summary>The keyword that says <paramref name="state"/> in place of the keyword <paramref name="current"/>, or null when the file has none.</summary>
    public static string? KeywordFor(TrackerDocument document, string current, ItemState state)
    {
        var keywords = Keywords(document);
        return keywords.Find(current) is { } keyword ? keywords.For(keyword, state)?.Name : null;
    }

    /// <summary>`punch done`/`punch reopen` on an Org entry: its keyword set to the file's done keyword or back to its sequence's head.</summary>
    /// <exception cref="PunchlistException">The keyword is not the file's, the file has no keyword for the state, or the entry repeats.</exception>
    public static ProposedEdit? SetKeyword(TrackerDocument document, Item item, bool done, string address)
    {
        if (item.Status is not { } status)
        {
            throw new PunchlistException($"{address} has no TODO keyword to change");
        }

        var keywords = Keywords(document);
        var current = keywords.Find(status.Raw) ?? throw new PunchlistException($"{address}: '{status.Raw}' is not one of this file's TODO keywords");
        if (current.IsDone == done)
        {
            return null;
        }

        if (done && item.Fields.FirstOrDefault(f => f.Shape == FieldShape.Planning && f.Kind != FieldKind.Completed && Repeater().IsMatch(f.Value)) is { } repeating)
        {
            throw new PunchlistException($"{address} repeats ({repeating.Key}: {repeating.Value}): Org moves a repeating entry's date rather than closing it, so mark it done in Org");
        }

        var next = keywords.For(current, done ? ItemState.Done : ItemState.Open)
            ?? throw new PunchlistException($"{address}: this file's TODO keywords have no {(done ? "done" : "open")} keyword to set");
        return new ProposedEdit(new TextEdit(status.Span, next.Name), ChangeKind.Tick, $"{address} set to {next.Name}");
    }

    /// <summary>Every cookie that does not read what Org would count, rewritten.</summary>
    public static IEnumerable<ProposedEdit> Cookies(TrackerDocument document)
    {
        foreach (var cookie in OrgCookies.Of(document))
        {
            string old = document.Source.Slice(cookie.Span);
            string now = cookie.Truth(old);
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                yield return new ProposedEdit(new TextEdit(cookie.Span, now), ChangeKind.Cookie, $"progress cookie {old} counts {cookie.Done} of {cookie.Total} {cookie.Basis}");
            }
        }
    }

    // Read once per document: asked for every contradicted entry, reading the file's settings each time
    // cost the product of entries and lines.
    private static OrgKeywords Keywords(TrackerDocument document) =>
        KeywordsOf.GetValue(document, d => OrgSettings.Read(new OrgLines(d.Source), d.Source, StatusVocabulary.Default).Keywords);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrackerDocument, OrgKeywords> KeywordsOf = new();

    // org-repeat-re's repeater: `+1w`, `++1m`, `.+2d`, `+1w/2w`.
    [GeneratedRegex(@"(?:^|[ \t])(?:\.\+|\+\+|\+)\d+[hdwmy]", RegexOptions.CultureInvariant)]
    private static partial Regex Repeater();
}
