using Npgsql;

namespace Punchlist.Storage.Postgres;

/// <summary>
/// `--database` as users write it: a libpq URL (`postgres://user:password@host:5432/punchlist?sslmode=require`,
/// `postgresql://…`, a Unix socket folder as `?host=/run/postgresql`), or Npgsql's own
/// `Host=…;Database=…` form. Npgsql reads only the latter, so the URL is translated here.
/// </summary>
public static class PostgresUrl
{
    /// <exception cref="ArgumentException">Neither a postgres URL nor a connection string; the message never repeats the password.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(value);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException("--database is neither a postgres:// URL nor a connection string (Host=…;Database=…)");
            }
        }

        if (value[..scheme] is not ("postgres" or "postgresql"))
        {
            throw new ArgumentException($"--database: '{value[..scheme]}://' is not postgres:// or postgresql://");
        }

        string rest = value[(scheme + 3)..];
        string query = string.Empty;
        if (rest.IndexOf('?', StringComparison.Ordinal) is >= 0 and var q)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        string path = string.Empty;
        if (rest.IndexOf('/', StringComparison.Ordinal) is >= 0 and var slash)
        {
            path = rest[(slash + 1)..];
            rest = rest[..slash];
        }

        var builder = new NpgsqlConnectionStringBuilder();
        if (rest.LastIndexOf('@') is >= 0 and var at)
        {
            string user = rest[..at];
            rest = rest[(at + 1)..];
            if (user.IndexOf(':', StringComparison.Ordinal) is >= 0 and var colon)
            {
                builder.Password = Uri.UnescapeDataString(user[(colon + 1)..]);
                user = user[..colon];
            }

            builder.Username = Uri.UnescapeDataString(user);
        }

        // host, host:port, [v6]:port
        if (rest.Length > 0)
        {
            int colon = rest.StartsWith('[') ? rest.IndexOf("]:", StringComparison.Ordinal) + 1 : rest.LastIndexOf(':');
            if (colon > 0)
            {
                builder.Port = int.TryParse(rest[(colon + 1)..], out int port) && port is > 0 and < 65536 ? port : throw new ArgumentException($"--database: '{rest[(colon + 1)..]}' is not a port");
                rest = rest[..colon];
            }

            builder.Host = Uri.UnescapeDataString(rest.Trim('[', ']'));
        }

        if (path.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(path);
        }

        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            string val = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (key)
            {
                case "host": builder.Host = val; break;
                case "port": builder.Port = int.TryParse(val, out int p) ? p : throw new ArgumentException($"--database: port '{val}' is not a number"); break;
                case "user": builder.Username = val; break;
                case "password": builder.Password = val; break;
                case "dbname": builder.Database = val; break;
                case "sslmode": builder.SslMode = Enum.TryParse<SslMode>(val.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode) ? mode : throw new ArgumentException($"--database: sslmode '{val}' is not one Npgsql knows"); break;
                case "application_name": builder.ApplicationName = val; break;
                case "connect_timeout": builder.Timeout = int.TryParse(val, out int t) ? t : throw new ArgumentException($"--database: connect_timeout '{val}' is not a number"); break;
                default: throw new ArgumentException($"--database: '{key}' is not a parameter punch reads (host, port, user, password, dbname, sslmode, application_name, connect_timeout)");
            }
        }

        builder.ApplicationName ??= "punchlist";
        return builder;
    }
}
