using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Containers;

/// <summary>The final stage of every Dockerfile switches to a user other than root with `USER`.</summary>
internal sealed class NonRootUserProbe : IProbe
{
    public ProbeInfo Info { get; } = new("docker.non-root", "Dockerfiles run as a non-root USER", "containers",
        ProbeTerms.Any("nonroot", "rootless", "unprivileged user", "run as user", "user directive", "least privilege user", "drop root").In(Scope.Docker, Scope.Compose, Scope.Kubernetes));

    public ProbeResult Run(ProbeContext context)
    {
        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (var file in context.Dockerfiles)
        {
            var stage = file.Final!;
            var user = stage.All("USER").LastOrDefault();
            if (user is not null && !IsRoot(user.Arguments))
            {
                good.Add(new Citation(file.Path, user.Line, $"USER {user.Arguments}"));
            }
            else if (user is null && stage.Image.Contains("nonroot", StringComparison.OrdinalIgnoreCase))
            {
                // distroless `:nonroot` (and the like) images already run as an unprivileged user.
                good.Add(new Citation(file.Path, stage.From.Line, $"FROM {stage.Image}"));
            }
            else
            {
                bad.Add(new Citation(file.Path, (user ?? stage.From).Line, user is null ? "no USER in the final stage" : $"USER {user.Arguments}"));
            }
        }

        return ProbeResult.AllOf(good, bad, "Dockerfile", "runs as a non-root user", "runs as root");
    }

    private static bool IsRoot(string user) => user.Split(':')[0].Trim() is "root" or "0" or "";
}
