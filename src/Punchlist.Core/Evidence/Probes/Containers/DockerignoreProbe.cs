using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Containers;

/// <summary>A non-empty `.dockerignore` keeps the build context small (at the root or beside a Dockerfile).</summary>
internal sealed class DockerignoreProbe : IProbe
{
    public ProbeInfo Info { get; } = new("docker.dockerignore", "A .dockerignore trims the build context", "containers",
        ProbeTerms.Any("dockerignore", "docker ignore", "build context").In(Scope.Docker));

    public ProbeResult Run(ProbeContext context)
    {
        var ignores = context.Index.Named(n => n == ".dockerignore" || n.EndsWith(".dockerignore", StringComparison.Ordinal)).ToList();
        var useful = ignores.Where(f => (context.ReadText(f) ?? string.Empty).Split('\n').Any(l => l.Trim() is { Length: > 0 } t && !t.StartsWith('#'))).ToList();
        if (useful.Count > 0)
        {
            return ProbeResult.Pass($"{useful[0]} lists what stays out of the build context", useful.Select(f => new Citation(f, 0)));
        }

        if (ignores.Count > 0)
        {
            return ProbeResult.Fail($"{ignores[0]} is empty", new Citation(ignores[0], 0));
        }

        return context.Dockerfiles.Count == 0
            ? ProbeResult.Fail("no .dockerignore (and no Dockerfile) in the workspace")
            : ProbeResult.Fail($"no .dockerignore beside {context.Dockerfiles[0].Path}", new Citation(context.Dockerfiles[0].Path, 0));
    }
}
