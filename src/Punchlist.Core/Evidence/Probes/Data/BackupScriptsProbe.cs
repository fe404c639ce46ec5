using Punchlist.Evidence.Files;
using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Data;

/// <summary>
/// Backups are scripted: a script named `*backup*`, a script that dumps a database or runs a backup
/// tool (pg_dump, mysqldump, mongodump, restic, borg, velero), or a Compose service for backups.
/// </summary>
internal sealed class BackupScriptsProbe : IProbe
{
    private static readonly string[] Scripts = [".sh", ".bash", ".py", ".ps1", ".js", ".ts", ".rb"];
    private static readonly string[] Tools = ["pg_dump", "pg_dumpall", "pg_basebackup", "mysqldump", "mariadb-dump", "mongodump", "redis-cli save", "restic", "borg create", "velero backup", "wal-g", "pgbackrest"];

    public ProbeInfo Info { get; } = new("backup.scripts", "Backups are scripted", "data",
        ProbeTerms.Groups(
            ["backup", "back up", "database dump"],
            ["database", "db", "data", "automat", "daily", "nightly", "schedule", "script", "strategy", "system", "retention", "restore", "volume", "storage", "pg dump", "cron", "offsite", "off site"])
            .Except("backup encryption", "encrypted backup", "queue", "backup pin", "backup code", "backup key"));

    public ProbeResult Run(ProbeContext context)
    {
        var scripts = context.Index.Files.Where(f => Scripts.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
        var named = scripts.Where(f => RepositoryIndex.FileName(f).Contains("backup", StringComparison.OrdinalIgnoreCase)).Select(f => new Citation(f, 0)).ToList();
        var dumping = Migrations.Containing(context, scripts.Except(named.Select(n => n.File)).Take(2_000), Tools).ToList();
        var services = context.ComposeServices.Where(s => s.Name.Contains("backup", StringComparison.OrdinalIgnoreCase)).Select(s => s.Cite()).ToList();
        var all = named.Concat(dumping).Concat(services).ToList();
        return all.Count > 0
            ? ProbeResult.Pass($"backup scripts: {string.Join(", ", all.Take(3).Select(c => c.ToString()))}{(all.Count > 3 ? " …" : string.Empty)}", all)
            : ProbeResult.Fail("no backup script (a *backup* script, a database dump, a backup tool or a backup service)");
    }
}
