using System.Text.RegularExpressions;

namespace Punchlist.Search;

/// <summary>
/// The technologies `tech:` knows, each with the names teams write for it (`k8s`, `postgres`). Small
/// and curated on purpose: a name that is also an ordinary word (`go`, `node`, `spark`) would tag
/// half of every tracker, so only unambiguous spellings are listed. A name matches as a whole word,
/// case ignored; `docker-compose` and `Dockerfile` name Docker.
/// </summary>
public sealed class TechDictionary
{
    public static readonly TechDictionary Default = new([
        new("Docker", "docker", "dockerfile", "docker-compose", "docker compose", "dockerized", "dockerize"),
        new("Kubernetes", "kubernetes", "k8s", "kubectl", "k3s"),
        new("Helm", "helm", "helm chart", "helm charts"),
        new("PostgreSQL", "postgresql", "postgres", "psql", "pg_dump", "pgbouncer"),
        new("MySQL", "mysql", "mysqldump"),
        new("MariaDB", "mariadb"),
        new("SQLite", "sqlite"),
        new("Redis", "redis", "redis-cli"),
        new("MongoDB", "mongodb", "mongo"),
        new("Elasticsearch", "elasticsearch", "opensearch"),
        new("Kafka", "kafka"),
        new("RabbitMQ", "rabbitmq"),
        new("MinIO", "minio"),
        new("Terraform", "terraform"),
        new("Ansible", "ansible"),
        new("AWS", "aws", "amazon web services", "ec2", "s3", "cloudformation"),
        new("Azure", "azure"),
        new("GCP", "gcp", "google cloud", "gke", "bigquery"),
        new("Cloudflare", "cloudflare"),
        new("Nginx", "nginx"),
        new("Traefik", "traefik"),
        new("Prometheus", "prometheus", "promql", "alertmanager"),
        new("Grafana", "grafana", "loki"),
        new("OpenTelemetry", "opentelemetry", "otel"),
        new("Sentry", "sentry"),
        new("Datadog", "datadog"),
        new("GitHub Actions", "github actions", "github workflow", "github workflows"),
        new("GitLab CI", "gitlab ci", "gitlab-ci", "gitlab"),
        new("Jenkins", "jenkins"),
        new("Vault", "hashicorp vault", "vault"),
        new("Node.js", "node.js", "nodejs", "npm"),
        new("Python", "python", "pip", "pytest", "fastapi", "django", "flask"),
        new("TypeScript", "typescript"),
        new("React", "react.js", "reactjs", "next.js", "nextjs"),
        new("Rust", "rust", "rustc"),
        new("Java", "java", "spring boot", "jvm"),
        new(".NET", ".net", "dotnet", "asp.net", "c#"),
        new("Go", "golang"),
        new("Linux", "linux", "ubuntu", "debian", "systemd"),
        new("Airflow", "airflow"),
        new("dbt", "dbt"),
        new("Supabase", "supabase"),
        new("Vercel", "vercel"),
        new("GraphQL", "graphql"),
        new("gRPC", "grpc"),
    ]);

    // Aliases are what the text is searched for; a canonical name (`Go`, `React`) is accepted in a
    // query but only its aliases tag text, since some names are ordinary words.
    private readonly Dictionary<string, string> _byAlias;
    private readonly Dictionary<string, string> _byName;
    private readonly Regex _names;

    public TechDictionary(IReadOnlyList<Technology> technologies)
    {
        Technologies = technologies;
        _byAlias = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tech in technologies)
        {
            foreach (string alias in tech.Aliases)
            {
                _byAlias[Normalise(alias)] = tech.Name;
            }
        }

        _byName = new Dictionary<string, string>(_byAlias, StringComparer.Ordinal);
        foreach (var tech in technologies)
        {
            _byName[Normalise(tech.Name)] = tech.Name;
        }

        // Longest names first so `docker compose` wins over `docker`. A name is a whole word: no
        // letter or digit touches it (a dot or a dash may, as in `docker-compose.yml`); its words may be
        // joined by spaces, dashes or underscores.
        string alternatives = string.Join('|', _byAlias.Keys.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace("\\ ", "[\\s_-]+", StringComparison.Ordinal)));
        _names = new Regex($@"(?<![\p{{L}}\p{{N}}_])(?:{alternatives})(?![\p{{L}}\p{{N}}_#])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public IReadOnlyList<Technology> Technologies { get; }

    /// <summary>The canonical name for a name or alias (`k8s` → Kubernetes); null when unknown.</summary>
    public string? Canonical(string name) => _byName.GetValueOrDefault(Normalise(name));

    /// <summary>The technologies named anywhere in <paramref name="texts"/>, canonical, in dictionary order.</summary>
    public IReadOnlyList<string> Find(params ReadOnlySpan<string> texts)
    {
        HashSet<string>? found = null;
        foreach (string text in texts)
        {
            foreach (var match in _names.EnumerateMatches(text))
            {
                (found ??= new HashSet<string>(StringComparer.Ordinal)).Add(_byAlias[Normalise(text.Substring(match.Index, match.Length))]);
            }
        }

        return found is null ? [] : Technologies.Select(t => t.Name).Where(found.Contains).ToList();
    }

    // `Docker_Compose`, `docker-compose` and `docker  compose` are all the name `docker compose`.
    private static string Normalise(string name) =>
        string.Join(' ', name.Trim().ToLowerInvariant().Split([' ', '\t', '\n', '\r', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A technology and the names that mean it.</summary>
public sealed record Technology(string Name, params string[] Aliases);
