namespace Punchlist.Analysis.Claims;

/// <summary>How well a label's words name a heading's words.</summary>
internal enum NameMatch
{
    None,

    /// <summary>Every word of the label is in the heading, which says more (`Infrastructure` in `Infrastructure & Environment`): not a match.</summary>
    Contained,

    /// <summary>The same words (`Security & QA` and `🔒 Security & Quality Assurance`; `7. Production Deployment` and `Phase 7: Production Deployment`).</summary>
    Exact,
}

/// <summary>
/// Compares folded, singular words as sets, so that order, `&`/`and`/`/`, emoji, accents and plurals
/// do not matter; an acronym stands for the words whose initials it spells (`QA` ↔ `Quality
/// Assurance`, `CI CD` ↔ `Continuous Integration …`), either way round.
/// </summary>
internal static class NameMatcher
{
    public static NameMatch Compare(IReadOnlyList<string> label, IReadOnlyList<string> heading)
    {
        if (label.Count == 0 || heading.Count == 0)
        {
            return NameMatch.None;
        }

        var headingCovered = new bool[heading.Count];
        var labelCovered = new bool[label.Count];
        for (int i = 0; i < label.Count; i++)
        {
            for (int j = 0; j < heading.Count; j++)
            {
                if (label[i] == heading[j])
                {
                    labelCovered[i] = headingCovered[j] = true;
                }
            }
        }

        Acronyms(label, labelCovered, heading, headingCovered);
        Acronyms(heading, headingCovered, label, labelCovered);
        if (labelCovered.Contains(false))
        {
            return NameMatch.None;
        }

        // Numbering, structure and state words of the heading (`Phase 7:`, `✅ COMPLETE`) are not part of its name.
        return headingCovered.Where((covered, j) => !covered && !ClaimWords.IsSoft(heading[j])).Any() ? NameMatch.Contained : NameMatch.Exact;
    }

    // An uncovered short word of `a` covers a run of uncovered words of `b` whose initials spell it.
    private static void Acronyms(IReadOnlyList<string> a, bool[] aCovered, IReadOnlyList<string> b, bool[] bCovered)
    {
        for (int i = 0; i < a.Count; i++)
        {
            string word = a[i];
            if (aCovered[i] || word.Length is < 2 or > 5 || !word.All(char.IsAsciiLetterLower))
            {
                continue;
            }

            for (int start = 0; start + word.Length <= b.Count; start++)
            {
                bool spells = true;
                for (int k = 0; k < word.Length && spells; k++)
                {
                    spells = !bCovered[start + k] && b[start + k].Length > 1 && b[start + k][0] == word[k];
                }

                if (spells)
                {
                    aCovered[i] = true;
                    for (int k = 0; k < word.Length; k++)
                    {
                        bCovered[start + k] = true;
                    }

                    break;
                }
            }
        }
    }
}
