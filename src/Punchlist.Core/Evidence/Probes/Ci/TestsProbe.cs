using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>Some CI step runs the tests (`dotnet test`, `npm test`, `pytest`, `go test`, `cargo test` …).</summary>
internal sealed class TestsProbe : IProbe
{
    private static readonly string[] Runners =
    [
        "dotnet test", "npm test", "npm run test", "yarn test", "pnpm test", "pnpm run test", "bun test", "deno test", "pytest", "tox", "nox", "go test",
        "cargo test", "cargo nextest", "mvn test", "mvn verify", "gradle test", "gradlew test", "./gradlew check", "make test", "make check", "rspec",
        "bundle exec rake", "phpunit", "jest", "vitest", "mix test", "swift test", "ctest", "./test.sh", "npx playwright test", "cypress run",
    ];

    public ProbeInfo Info { get; } = new("ci.tests", "CI runs the tests", "ci",
        ProbeTerms.Any("unit test", "integration test", "e2e test", "end to end test", "test suite", "automated testing", "automated test", "all tests", "run tests", "run the tests")
            .Except("load test", "penetration test", "pen test", "smoke test", "restore test", "performance test", "chaos", "rollback", "dr test", "a b test")
            .Only(Scope.Ci))
    {
        Refines = ["ci.workflow"],
    };

    public ProbeResult Run(ProbeContext context) =>
        CiSearch.Step(context, s => CiSearch.Runs(s, Runners), "a CI step runs the tests", "no step runs tests");
}
