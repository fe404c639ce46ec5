namespace Punchlist.Analysis.Findings;

/// <summary>How much a finding matters; `punch check --fail-on` compares against it.</summary>
public enum Severity
{
    Note,
    Warning,
    Error,
}

public static class Severities
{
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Note => "note",
        Severity.Warning => "warning",
        _ => "error",
    };

    public static bool TryParse(string text, out Severity severity)
    {
        foreach (var candidate in new[] { Severity.Note, Severity.Warning, Severity.Error })
        {
            if (string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase))
            {
                severity = candidate;
                return true;
            }
        }

        severity = Severity.Note;
        return false;
    }
}
