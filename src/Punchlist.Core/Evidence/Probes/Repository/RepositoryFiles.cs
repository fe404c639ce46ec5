namespace Punchlist.Evidence.Probes.Repository;

/// <summary>What hygiene probes share: the first of some well-known paths that exists with some content.</summary>
internal static class RepositoryFiles
{
    public static string? First(ProbeContext context, IEnumerable<string> paths) =>
        paths.FirstOrDefault(p => context.ReadText(p) is { } text && text.Trim().Length > 0);

    /// <summary>A path at the root, in `.github/` or in `docs/`, with any case of the name.</summary>
    public static IEnumerable<string> Conventional(ProbeContext context, params string[] names) =>
        context.Index.Files.Where(f => names.Any(n =>
            string.Equals(f, n, StringComparison.OrdinalIgnoreCase)
            || string.Equals(f, ".github/" + n, StringComparison.OrdinalIgnoreCase)
            || string.Equals(f, "docs/" + n, StringComparison.OrdinalIgnoreCase)));

    public static ProbeResult Exists(ProbeContext context, string what, params string[] names)
    {
        string? found = First(context, Conventional(context, names));
        return found is not null
            ? ProbeResult.Pass($"{found} exists", new Citation(found, 0))
            : ProbeResult.Fail($"no {what} ({string.Join(", ", names)}) at the root, in .github/ or in docs/");
    }
}
