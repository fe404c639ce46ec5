namespace Punchlist.Evidence.Probes.Data;

/// <summary>What migration probes share: pass on migrations, fail when the tool is set up without any, else not applicable.</summary>
internal static class Migrations
{
    public static ProbeResult Judge(string tool, IReadOnlyList<Citation> migrations, Citation? setup) =>
        migrations.Count > 0
            ? ProbeResult.Pass($"{migrations.Count} {tool} migration{(migrations.Count == 1 ? string.Empty : "s")}, e.g. {migrations[0]}", migrations.Take(20))
            : setup is not null
                ? ProbeResult.Fail($"{tool} is set up ({setup}) but has no migrations", setup)
                : ProbeResult.NotApplicable($"{tool} is not used in the workspace");

    public static IEnumerable<Citation> Containing(ProbeContext context, IEnumerable<string> files, params string[] markers) =>
        files.Select(f => (File: f, Hit: TextSearch.Lines(context.ReadText(f) ?? string.Empty, markers).FirstOrDefault()))
            .Where(x => x.Hit.Line > 0)
            .Select(x => new Citation(x.File, x.Hit.Line, x.Hit.Text));

    public static Matching.ProbeTerms Terms(Matching.Scope tool, string name) =>
        Matching.ProbeTerms.Any("migration", "schema migration", "database migration", "db migration", name).In(tool);
}
