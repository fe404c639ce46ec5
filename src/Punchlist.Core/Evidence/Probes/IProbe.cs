namespace Punchlist.Evidence.Probes;

/// <summary>
/// One repository check for a common production-readiness item. <see cref="Info"/> says what it is
/// and which words tie it to items; <see cref="Run"/> looks at the workspace and cites file and line.
/// A probe's result depends only on the workspace, so it runs at most once per scan.
/// </summary>
public interface IProbe
{
    ProbeInfo Info { get; }

    ProbeResult Run(ProbeContext context);
}
