using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Containers;

/// <summary>
/// Every `FROM` names its image by a digest or a tag other than `latest`. Stages built on earlier
/// stages, `scratch` and images given through build arguments (`FROM ${BASE}`) are not judged.
/// </summary>
internal sealed class PinnedBaseImageProbe : IProbe
{
    public ProbeInfo Info { get; } = new("docker.pinned-base-image", "Base images are pinned (a tag or digest, never latest)", "containers",
        ProbeTerms.Groups(["pin", "pinned", "digest", "latest tag", "fixed version", "immutable tag"], ["image", "base image", "from", "docker"]).In(Scope.Docker));

    public ProbeResult Run(ProbeContext context)
    {
        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (var file in context.Dockerfiles)
        {
            var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var stage in file.Stages)
            {
                string image = stage.Image;
                if (image.Length > 0 && !stages.Contains(image) && !image.Contains('$', StringComparison.Ordinal) && !string.Equals(image, "scratch", StringComparison.OrdinalIgnoreCase))
                {
                    (IsPinned(image) ? good : bad).Add(new Citation(file.Path, stage.From.Line, $"FROM {image}"));
                }

                if (stage.Name is { } name)
                {
                    stages.Add(name);
                }
            }
        }

        return ProbeResult.AllOf(good, bad, "base image", "is pinned", "unpinned base image");
    }

    private static bool IsPinned(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }

        int slash = image.LastIndexOf('/');
        int colon = image.IndexOf(':', slash + 1);
        return colon > 0 && !string.Equals(image[(colon + 1)..], "latest", StringComparison.OrdinalIgnoreCase);
    }
}
