using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Repository;

/// <summary>Changes are written down: `CHANGELOG.md` (or CHANGES, HISTORY, NEWS).</summary>
internal sealed class ChangelogProbe : IProbe
{
    public ProbeInfo Info { get; } = new("repo.changelog", "A CHANGELOG records releases", "repository",
        ProbeTerms.Any("changelog", "change log", "release note", "release notes"));

    public ProbeResult Run(ProbeContext context) => RepositoryFiles.Exists(context, "changelog", "CHANGELOG.md", "CHANGELOG", "CHANGES.md", "HISTORY.md", "NEWS.md", "CHANGELOG.rst");
}
