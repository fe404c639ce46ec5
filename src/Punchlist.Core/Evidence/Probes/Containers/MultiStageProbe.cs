using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Containers;

/// <summary>Every Dockerfile builds in more than one stage (a build stage, then a slim runtime stage).</summary>
internal sealed class MultiStageProbe : IProbe
{
    public ProbeInfo Info { get; } = new("docker.multi-stage", "Dockerfiles use multi-stage builds", "containers",
        ProbeTerms.Any("multistage", "multi stage", "build stage", "multi stage build").In(Scope.Docker));

    public ProbeResult Run(ProbeContext context)
    {
        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (var file in context.Dockerfiles)
        {
            var citation = new Citation(file.Path, file.Final!.From.Line, $"{file.Stages.Count} stage{(file.Stages.Count == 1 ? string.Empty : "s")}");
            (file.Stages.Count > 1 ? good : bad).Add(citation);
        }

        return ProbeResult.AllOf(good, bad, "Dockerfile", "has several stages", "single-stage build");
    }
}
