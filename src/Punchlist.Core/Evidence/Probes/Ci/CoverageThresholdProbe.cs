using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>
/// Coverage has a floor the build fails under: `--cov-fail-under`, `fail_under` (coverage.py),
/// Jest's `coverageThreshold`, Vitest's `thresholds`, coverlet's `Threshold`, nyc's `check-coverage`,
/// Codecov's `target`, Go's `-coverprofile` with a gate script is not recognised.
/// </summary>
internal sealed class CoverageThresholdProbe : IProbe
{
    private static readonly string[] Markers =
    [
        "--cov-fail-under", "fail_under", "fail-under", "coverageThreshold", "check-coverage", "/p:Threshold", "<Threshold>", "--coverage.thresholds",
        "--min-coverage", "minimum_coverage", "coverage_threshold", "--fail-under",
    ];

    private static readonly string[] ConfigNames =
    [
        ".coveragerc", "setup.cfg", "pyproject.toml", "tox.ini", "package.json", ".nycrc", ".nycrc.json", "jest.config.js", "jest.config.ts", "jest.config.mjs",
        "vitest.config.ts", "vitest.config.js", "vite.config.ts", "Directory.Build.props", "codecov.yml", ".codecov.yml", "karma.conf.js", ".simplecov",
    ];

    public ProbeInfo Info { get; } = new("ci.coverage-threshold", "Coverage is held to a threshold", "ci",
        // Coverage with a floor: a word for one, or the percentage itself (`Code coverage > 80%`). "Test
        // coverage added for the parser" or "coverage reports" claim tests or a report, not a threshold.
        ProbeTerms.Groups(["coverage"], ["threshold", "gate", "minimum", "baseline", "at least", "fail under", "floor", "enforce", "percent", "50", "55", "60", "65", "70", "75", "80", "85", "90", "95", "100"])
            .In(Scope.Ci))
    {
        Refines = ["ci.workflow", "ci.tests"],
    };

    public ProbeResult Run(ProbeContext context)
    {
        var hits = new List<Citation>();
        foreach (var step in context.Ci.Steps.Where(s => TextSearch.HasAny(s.Command, Markers)))
        {
            hits.Add(step.Cite());
        }

        var configs = context.Index.Named(n => ConfigNames.Contains(n, StringComparer.Ordinal) || n.EndsWith(".csproj", StringComparison.Ordinal));
        foreach (string file in configs)
        {
            string? text = context.ReadText(file);
            var markers = file.EndsWith("codecov.yml", StringComparison.Ordinal) ? ["target"] : Markers;
            if (text is not null && TextSearch.Lines(text, markers).FirstOrDefault() is { Line: > 0 } line)
            {
                hits.Add(new Citation(file, line.Line, line.Text));
            }
        }

        return hits.Count > 0
            ? ProbeResult.Pass($"coverage threshold: {hits[0].Text} ({hits[0]})", hits)
            : ProbeResult.Fail("no coverage threshold in CI steps or coverage settings");
    }
}
