using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Data;

/// <summary>Flyway migrations: versioned SQL files `V1__init.sql`, `V2_1__add_index.sql` (set up by `flyway.conf`/`flyway.toml`).</summary>
internal sealed class FlywayProbe : IProbe
{
    public ProbeInfo Info { get; } = new("db.flyway", "Flyway migrations exist", "data", Migrations.Terms(Scope.Flyway, "flyway"));

    public ProbeResult Run(ProbeContext context)
    {
        var migrations = context.Index.Named(IsVersioned).Select(f => new Citation(f, 0)).ToList();
        string? config = context.Index.Named(n => n is "flyway.conf" or "flyway.toml").FirstOrDefault();
        return Migrations.Judge("Flyway", migrations, config is null ? null : new Citation(config, 0));
    }

    // V<version>__<description>.sql, the version digits with '_' or '.' between them.
    private static bool IsVersioned(string name)
    {
        if (name.Length < 8 || name[0] is not ('V' or 'R') || !name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int sep = name.IndexOf("__", StringComparison.Ordinal);
        return sep > 1 && (name[0] == 'R' ? sep == 1 : name[1..sep].All(c => char.IsAsciiDigit(c) || c is '_' or '.') && char.IsAsciiDigit(name[1]));
    }
}
