using System.Diagnostics;
using Npgsql;

namespace Punchlist.Bench.Team;

/// <summary>
/// A throwaway PostgreSQL cluster as the tests' fixture makes one (Debian's initdb and pg_ctl, run as
/// the `postgres` user when we are root, listening on a Unix socket in its folder and on no TCP port),
/// but durable as a real one: fsync and synchronous commit stay on, so a push's time includes its
/// commit reaching the disk. auto_explain is loaded, off until <see cref="ExplainAsync"/> turns it on,
/// so the plans recorded are those of the queries the server itself runs. Stopped and deleted on dispose.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    private readonly string _bin;

    private Cluster(string folder, string bin)
    {
        Folder = folder;
        _bin = bin;
    }

    public string Folder { get; }

    public string Log => Path.Combine(Folder, "log");

    public string Url(string database) => $"postgres://postgres@/{database}?host={Uri.EscapeDataString(Folder)}";

    public static Cluster Start(string sharedBuffers)
    {
        string bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0)
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql)");
        string folder = Path.Combine(Path.GetTempPath(), "punchlist-bench-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            Run("chown", "postgres:postgres", folder);
        }

        var cluster = new Cluster(folder, bin);
        string data = Path.Combine(folder, "data");
        cluster.AsPostgres("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C");
        cluster.AsPostgres("pg_ctl", "-D", data, "-l", cluster.Log, "-w", "-t", "120", "-o",
            $"-c listen_addresses='' -c unix_socket_directories='{folder}' -c max_connections=300 -c shared_buffers={sharedBuffers} " +
            "-c shared_preload_libraries=auto_explain", "start"); // auto_explain's own settings stay off the command line, which ALTER SYSTEM cannot override
        return cluster;
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var source = NpgsqlDataSource.Create(Punchlist.Storage.Postgres.PostgresUrl.Parse(Url("postgres")).ConnectionString);
        await using var create = source.CreateCommand($"CREATE DATABASE {name}");
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs <paramref name="requests"/> with auto_explain logging every statement's plan with ANALYZE
    /// and BUFFERS, then turns it off again; returns the plans logged meanwhile (JSON, one per statement).
    /// </summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(NpgsqlDataSource admin, Func<Task> requests)
    {
        long before = new FileInfo(Log).Length;
        await SetAsync(admin, "auto_explain.log_format", "json", "auto_explain.log_analyze", "on", "auto_explain.log_buffers", "on", "auto_explain.log_timing", "on", "auto_explain.log_min_duration", "0");
        try
        {
            await requests();
        }
        finally
        {
            await SetAsync(admin, "auto_explain.log_min_duration", "-1", "auto_explain.log_analyze", "off", "auto_explain.log_buffers", "off");
        }

        await Task.Delay(500); // the log is written by the backends; let the last lines land
        using var log = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        log.Position = before;
        return ExtractPlans(await new StreamReader(log).ReadToEndAsync());
    }

    // Each plan follows "plan:" on its log line and runs to its closing brace: a JSON object.
    private static List<string> ExtractPlans(string log)
    {
        var plans = new List<string>();
        int at = 0;
        while ((at = log.IndexOf("plan:", at, StringComparison.Ordinal)) >= 0)
        {
            int start = log.IndexOf('{', at);
            if (start < 0)
            {
                break;
            }

            int depth = 0;
            bool quoted = false;
            int end = start;
            for (; end < log.Length; end++)
            {
                char c = log[end];
                if (quoted)
                {
                    if (c == '\\')
                    {
                        end++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    break;
                }
            }

            plans.Add(log[start..Math.Min(end + 1, log.Length)]);
            at = end;
        }

        return plans;
    }

    private static async Task SetAsync(NpgsqlDataSource admin, params string[] pairs)
    {
        for (int i = 0; i < pairs.Length; i += 2)
        {
            await using var set = admin.CreateCommand($"ALTER SYSTEM SET {pairs[i]} = '{pairs[i + 1]}'");
            await set.ExecuteNonQueryAsync();
        }

        await using var reload = admin.CreateCommand("SELECT pg_reload_conf()");
        await reload.ExecuteNonQueryAsync();
        await Task.Delay(500); // every backend rereads the configuration at its next command
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            AsPostgres("pg_ctl", "-D", Path.Combine(Folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }

        await Task.CompletedTask;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private void AsPostgres(string program, params string[] args)
    {
        string path = Path.Combine(_bin, program);
        if (IsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            Run(path, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} took more than 3 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args.Take(3))} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
