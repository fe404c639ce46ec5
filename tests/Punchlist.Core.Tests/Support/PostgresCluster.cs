namespace Punchlist.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: Debian's `postgresql` (initdb and pg_ctl from
/// /usr/lib/postgresql/VERSION/bin, else from PATH), made in a temporary folder, listening only on a
/// Unix socket in that folder (no TCP port at all), without fsync (nothing here must survive a
/// crash of the machine). initdb refuses root, so as root the cluster is made and run by the
/// `postgres` user. One cluster per test process, started on first use; each test class asks for a
/// database of its own (<see cref="CreateDatabase"/>), so classes run in parallel and never see each
/// other's rows. Stopped and deleted when the process exits. PUNCHLIST_TEST_POSTGRES (a postgres://
/// URL of a server where the tests may create databases) uses that server instead.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _folder;
    private readonly string? _bin;
    private readonly string? _external;

    private PostgresCluster(string? folder, string? bin, string? external)
    {
        _folder = folder;
        _bin = bin;
        _external = external;
    }

    public static PostgresCluster Instance => Shared.Value;

    /// <summary>A new, empty database; returns its postgres:// URL.</summary>
    public string CreateDatabase(string prefix = "test")
    {
        string name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        Psql($"CREATE DATABASE {name}");
        return Url(name);
    }

    public string Url(string database) => _external is not null
        ? _external.Split('?')[0][.._external.Split('?')[0].LastIndexOf('/')] + "/" + database
        : $"postgres://postgres@/{database}?host={Uri.EscapeDataString(_folder!)}";

    /// <summary>Runs SQL as the superuser in the `postgres` database.</summary>
    public string Psql(string sql)
    {
        var (exit, output, error) = _external is not null
            ? Processes.Run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", Url("postgres"), "-c", sql], timeoutSeconds: 60)
            : AsPostgres(Path.Combine(_bin!, "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", _folder!, "-U", "postgres", "-d", "postgres", "-c", sql]);
        return exit == 0 ? output : throw new InvalidOperationException($"psql failed: {error}");
    }

    private static PostgresCluster Start()
    {
        if (Environment.GetEnvironmentVariable("PUNCHLIST_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return new PostgresCluster(null, null, external);
        }

        string bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL is not installed (no initdb): apt-get install postgresql, or run ./test.sh, which installs it");
        string folder = Path.Combine(Path.GetTempPath(), "punchlist-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            Check(Processes.Run("chown", ["postgres:postgres", folder], timeoutSeconds: 30), "chown");
        }

        string data = Path.Combine(folder, "data");
        Check(AsPostgres(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]), "initdb");
        var cluster = new PostgresCluster(folder, bin, null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        Check(AsPostgres(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses='' -c unix_socket_directories='{folder}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"]), "pg_ctl start");
        return cluster;
    }

    // The test host gives its exit handlers little time, so the cluster is stopped and its folder
    // deleted by a shell of its own (in a session of its own, so that it outlives the host).
    private void Stop()
    {
        if (_folder is null)
        {
            return;
        }

        string pgCtl = $"'{Path.Combine(_bin!, "pg_ctl")}' -D '{Path.Combine(_folder, "data")}' -m immediate -w stop";
        string script = (IsRoot ? $"runuser -u postgres -- {pgCtl}" : pgCtl) + $" >/dev/null 2>&1; rm -rf '{_folder}'";
        var info = new System.Diagnostics.ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false, WorkingDirectory = "/" };
        using var process = System.Diagnostics.Process.Start(info);
    }

    private static string? FindBin()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var versions = Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0);
            if (versions.FirstOrDefault() is { } newest)
            {
                return Path.Combine(newest, "bin");
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static (int Exit, string Out, string Err) AsPostgres(string program, string[] args) =>
        IsRoot ? Processes.Run("runuser", ["-u", "postgres", "--", program, .. args], "/", timeoutSeconds: 120) : Processes.Run(program, args, timeoutSeconds: 120);

    private static void Check((int Exit, string Out, string Err) result, string what)
    {
        if (result.Exit != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result.Exit}): {result.Err}{result.Out}");
        }
    }
}
