namespace Punchlist.Evidence.Matching;

/// <summary>What an item is about, as far as choosing probes goes: Dockerfiles, Compose, Kubernetes, CI …</summary>
public enum Scope
{
    Docker,
    Compose,
    Kubernetes,
    Helm,
    Ci,
    Terraform,
    Ansible,
    Prometheus,
    Grafana,
    Alembic,
    EfCore,
    Flyway,
    Prisma,
}

/// <summary>
/// The words that name a scope. "container" names Dockerfiles, Compose and Kubernetes at once;
/// "Dockerfile" only Dockerfiles. A text that names scopes keeps probes of other scopes away.
/// </summary>
internal static class ScopeWords
{
    private static readonly (string Key, string Word, Scope[] Scopes)[] Table =
    [
        .. Words([Scope.Docker], "dockerfile", "containerfile", "image", "docker image", "container image", "hadolint", "dockerignore", "podman"),
        .. Words([Scope.Docker, Scope.Compose], "docker"),
        .. Words([Scope.Docker, Scope.Compose, Scope.Kubernetes], "container", "containerize"),
        .. Words([Scope.Compose], "compose", "docker compose", "compose file", "swarm"),
        .. Words([Scope.Kubernetes, Scope.Helm], "kubernetes", "k8s", "pod", "kubectl", "helm", "helm chart", "kustomize", "eks", "gke", "aks"),
        .. Words([Scope.Ci], "ci", "cicd", "ci cd", "github action", "workflow", "pipeline", "gitlab ci", "jenkins", "circleci", "build pipeline"),
        .. Words([Scope.Terraform], "terraform", "hcl", "tf", "opentofu", "infrastructure as code", "iac"),
        .. Words([Scope.Ansible], "ansible", "ansible playbook"),
        .. Words([Scope.Prometheus], "prometheus", "alertmanager", "promql"),
        .. Words([Scope.Grafana], "grafana"),
        .. Words([Scope.Alembic], "alembic"),
        .. Words([Scope.EfCore], "ef core", "efcore", "entity framework", "ef migration"),
        .. Words([Scope.Flyway], "flyway"),
        .. Words([Scope.Prisma], "prisma"),
    ];

    /// <summary>The scopes a text names, and the words that named them.</summary>
    public static (HashSet<Scope> Scopes, List<string> Words) Named(TermText text)
    {
        var scopes = new HashSet<Scope>();
        var words = new List<string>();
        foreach (var (key, word, named) in Table)
        {
            if (text.Contains(key))
            {
                scopes.UnionWith(named);
                if (!words.Exists(w => w.Contains(word, StringComparison.Ordinal)))
                {
                    words.RemoveAll(w => word.Contains(w, StringComparison.Ordinal));
                    words.Add(word);
                }
            }
        }

        return (scopes, words);
    }

    private static IEnumerable<(string, string, Scope[])> Words(Scope[] scopes, params string[] words) =>
        words.Select(w => (TermText.Key(w), w, scopes));
}
