namespace Punchlist.Workspaces;

/// <summary>
/// Files whose boxes are not work, left out of a folder's walk unless punchlist.yml names them: pull
/// and merge request templates and issue templates (their boxes are a form each new request copies,
/// GitHub's and GitLab's places for them), and changelogs and release notes (their boxes are history:
/// what a release did). A file named on the command line is read whatever its name.
/// </summary>
internal static class NotTrackers
{
    // Folders whose every file is a template (GitHub's several-template folders, GitLab's).
    private static readonly string[] TemplateFolders = ["pull_request_template", "issue_template", "issue_templates", "merge_request_templates"];

    // File names (without extension) that are one template.
    private static readonly string[] TemplateNames = ["pull_request_template", "issue_template", "merge_request_template"];

    // File names (without extension) that are a history of releases.
    private static readonly string[] HistoryNames = ["changelog", "changes", "history", "release-notes", "release_notes", "release notes", "releasenotes", "releases"];

    /// <summary>The word that makes <paramref name="relative"/> a template or a history (`changelog`, `issue_template` …); null for any other file.</summary>
    public static string? Word(string relative)
    {
        int slash = relative.LastIndexOf('/');
        string name = relative[(slash + 1)..];
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        string stem = dot > 0 ? name[..dot] : name;
        foreach (string word in TemplateNames.Concat(HistoryNames))
        {
            if (stem.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return word;
            }
        }

        // CHANGELOG-2024.md, changelog_v1.md: a changelog split by year or version.
        if (stem.StartsWith("changelog", StringComparison.OrdinalIgnoreCase) && stem.Length > 9 && !char.IsLetter(stem[9]))
        {
            return "changelog";
        }

        if (slash > 0)
        {
            foreach (string folder in relative[..slash].Split('/'))
            {
                if (TemplateFolders.FirstOrDefault(t => folder.Equals(t, StringComparison.OrdinalIgnoreCase)) is { } word)
                {
                    return word;
                }
            }
        }

        return null;
    }

    /// <summary>Whether one of punchlist.yml's `include` patterns names the file: it matches it and spells out its word (`CHANGELOG.md`, `.github/ISSUE_TEMPLATE/*.md`), not merely a wildcard that covers it.</summary>
    public static bool Named(string word, IEnumerable<string> patterns) =>
        patterns.Any(p => Words(p).Contains(Words(word), StringComparison.OrdinalIgnoreCase));

    // `release_notes`, `release-notes` and `release notes` are one word.
    private static string Words(string text) => text.Replace('_', ' ').Replace('-', ' ');
}
