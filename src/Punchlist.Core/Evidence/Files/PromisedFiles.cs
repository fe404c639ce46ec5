using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Evidence.Files;

/// <summary>
/// The files an item names, judged present or absent: resolved against the workspace root and the
/// document's folder, globs expanded (`dockerfile/*.Dockerfile`). Paths outside the workspace —
/// absolute, Windows (`e:\Apps\backend\`), home-relative, or climbing above the root — are left
/// unjudged. Files listed under `Files to Create/Modify/Update`, `Output Files` are promises and
/// decide verdicts; paths only mentioned in prose or links are reported but do not, and neither do
/// files the item says it will remove.
/// </summary>
internal static class PromisedFiles
{
    /// <param name="consulted">Notes each path looked for and each glob expanded, with the answer.</param>
    public static IEnumerable<EvidenceRecord> Judge(TrackerDocument document, Item item, Func<RepositoryIndex> index, string root, Analysis.Findings.Consulted consulted)
    {
        bool done = item.State == ItemState.Done;
        foreach (var group in item.References.Where(r => r.Kind is ReferenceKind.File or ReferenceKind.External).GroupBy(r => r.Target, StringComparer.Ordinal))
        {
            var reference = group.OrderBy(r => r.Role == ReferenceRole.Mention || r.Role == ReferenceRole.Link ? 1 : 0).First();
            bool promised = reference.Role is ReferenceRole.Create or ReferenceRole.Modify or ReferenceRole.Output;
            string role = reference.Role.ToString().ToLowerInvariant();
            var source = new Citation(document.Path, document.PositionOf(reference.Span.Start).Line);
            if (reference.Kind == ReferenceKind.External || Resolve(root, document.Path, reference.Target) is not { } candidates)
            {
                yield return new EvidenceRecord
                {
                    Kind = EvidenceKind.File, Ref = reference.Target, Ok = null, Role = role, Source = source,
                    Detail = "outside the workspace: not judged",
                };
                continue;
            }

            bool removal = promised && NamedForRemoval(document, reference.Span);
            var found = candidates.SelectMany(c => Find(root, c, index, consulted)).Distinct(StringComparer.Ordinal).ToList();
            if (found.Count == 0 && IsSystemPath(reference.Target))
            {
                // `/etc/nginx/nginx.conf` names the machine's file system, not the repository.
                yield return new EvidenceRecord
                {
                    Kind = EvidenceKind.File, Ref = reference.Target, Ok = null, Role = role, Source = source,
                    Detail = "an absolute path outside the workspace: not judged",
                };
                continue;
            }

            string what = promised ? $"promised ({role})" : role == "link" ? "linked" : "mentioned";
            yield return new EvidenceRecord
            {
                Kind = EvidenceKind.File,
                Ref = reference.Target,
                Ok = found.Count > 0,
                Role = role,
                Source = source,
                Citations = found.Take(10).Select(f => new Citation(f, 0)).ToList(),
                Decisive = promised && !removal,
                Claimed = done,
                Detail = found.Count switch
                {
                    0 => removal ? $"{what}, absent (the item removes it)" : $"{what}, absent",
                    1 => $"{what}, present: {found[0]}",
                    _ => $"{what}, present: {found.Count} files match",
                },
            };
        }
    }

    /// <summary>The workspace-relative paths a target may mean (document folder first, then the root); null when outside the workspace.</summary>
    internal static IReadOnlyList<string>? Resolve(string root, string documentPath, string target)
    {
        string path = target.Replace('\\', '/').Trim();
        if (path.Length == 0 || Reading.PathLike.IsOutsideWorkspace(path))
        {
            return null;
        }

        string folder = Path.GetDirectoryName(documentPath)?.Replace('\\', '/') ?? string.Empty;
        var candidates = new List<string>();
        foreach (string start in path.StartsWith('/') ? new[] { string.Empty } : new[] { folder, string.Empty })
        {
            string combined = Normalize(start.Length == 0 ? path.TrimStart('/') : $"{start}/{path}");
            if (combined.StartsWith("..", StringComparison.Ordinal))
            {
                continue;
            }

            if (!candidates.Contains(combined, StringComparer.Ordinal))
            {
                candidates.Add(combined);
            }
        }

        return candidates.Count == 0 ? null : candidates;
    }

    private static readonly HashSet<string> SystemFolders = new(StringComparer.Ordinal)
    {
        "etc", "usr", "var", "opt", "home", "tmp", "srv", "root", "bin", "sbin", "lib", "lib64", "proc", "sys", "dev", "mnt", "media", "run", "Users", "Applications", "Library", "Volumes", "private",
    };

    // A leading '/' usually means the workspace root (`/README.md`), unless it names a system folder
    // the workspace does not have.
    private static bool IsSystemPath(string target) =>
        target.StartsWith('/') && target.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && SystemFolders.Contains(first);

    // Plain paths are looked up on disk; only globs need the index of every file.
    private static List<string> Find(string root, string relative, Func<RepositoryIndex> index, Analysis.Findings.Consulted consulted)
    {
        if (IsGlob(relative))
        {
            var matches = index().Glob(relative).ToList();
            consulted.NoteGlob(relative, matches.Count > 0);
            return matches;
        }

        string path = relative.TrimEnd('/');
        bool exists = Exists(root, path);
        consulted.NotePath(path, exists);
        return exists ? [path] : [];
    }

    internal static bool IsGlob(string relative) => relative.IndexOfAny(['*', '?', '[', '{']) >= 0;

    internal static bool Exists(string root, string relative)
    {
        string full = Path.Combine(root, relative);
        return File.Exists(full) || Directory.Exists(full);
    }

    // `a/./b/../c` → `a/c`; a path that climbs above the root keeps its leading `..`.
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part is "." or "")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts) + (path.EndsWith('/') ? "/" : string.Empty);
    }

    // `- `.config/CONFIGURATION-ALIGNMENT-SUMMARY.md` (remove)`: the file is meant to go away.
    private static bool NamedForRemoval(TrackerDocument document, TextSpan span)
    {
        var lines = document.Source.Lines;
        var whole = lines.LineSpan(document.Source.Text, lines.LineIndexOf(span.Start));
        string words = TextFold.Words(document.Source.Text.Substring(whole.Start, whole.Length));
        return words.Contains("remove", StringComparison.Ordinal) || words.Contains("delete", StringComparison.Ordinal) || words.Contains("deprecat", StringComparison.Ordinal);
    }
}
