using Punchlist.Evidence.Files;
using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Data;

/// <summary>Alembic migrations: revision scripts under a `versions/` folder (set up by `alembic.ini`).</summary>
internal sealed class AlembicProbe : IProbe
{
    public ProbeInfo Info { get; } = new("db.alembic", "Alembic migrations exist", "data", Migrations.Terms(Scope.Alembic, "alembic"));

    public ProbeResult Run(ProbeContext context)
    {
        var scripts = context.Index.Files.Where(f => f.EndsWith(".py", StringComparison.Ordinal) && RepositoryIndex.Folder(f).EndsWith("versions", StringComparison.Ordinal));
        var migrations = Migrations.Containing(context, scripts, "down_revision").ToList();
        string? ini = context.Index.Named(n => n == "alembic.ini").FirstOrDefault();
        return Migrations.Judge("Alembic", migrations, ini is null ? null : new Citation(ini, 0));
    }
}
