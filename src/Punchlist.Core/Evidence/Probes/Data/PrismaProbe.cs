using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Data;

/// <summary>Prisma migrations: `migrations/&lt;name&gt;/migration.sql` (set up by `schema.prisma`).</summary>
internal sealed class PrismaProbe : IProbe
{
    public ProbeInfo Info { get; } = new("db.prisma", "Prisma migrations exist", "data", Migrations.Terms(Scope.Prisma, "prisma"));

    public ProbeResult Run(ProbeContext context)
    {
        var migrations = context.Index.Files.Where(f => f.EndsWith("/migration.sql", StringComparison.Ordinal) && f.Contains("migrations/", StringComparison.Ordinal))
            .Select(f => new Citation(f, 0)).ToList();
        string? schema = context.Index.Named(n => n == "schema.prisma").FirstOrDefault();
        return Migrations.Judge("Prisma", migrations, schema is null ? null : new Citation(schema, 0));
    }
}
