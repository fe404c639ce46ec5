using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Data;

/// <summary>EF Core migrations: C# classes marked `[Migration("…")]` (set up by a project referencing Microsoft.EntityFrameworkCore).</summary>
internal sealed class EfCoreProbe : IProbe
{
    public ProbeInfo Info { get; } = new("db.ef-core", "EF Core migrations exist", "data", Migrations.Terms(Scope.EfCore, "ef core"));

    public ProbeResult Run(ProbeContext context)
    {
        var sources = context.Index.Files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal) && f.Contains("Migrations/", StringComparison.Ordinal) && !f.EndsWith(".Designer.cs", StringComparison.Ordinal));
        var migrations = Migrations.Containing(context, sources, ": Migration").ToList();
        var project = Migrations.Containing(context, context.Index.Named(n => n.EndsWith(".csproj", StringComparison.Ordinal)), "Microsoft.EntityFrameworkCore").FirstOrDefault();
        return Migrations.Judge("EF Core", migrations, project);
    }
}
