using Punchlist.Evidence;
using Punchlist.Evidence.Probes;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Evidence;

/// <summary>Every probe, both ways: it passes on the `ready` fixture and fails on `unready` (or where noted).</summary>
public sealed class ProbeTests
{
    // Probes whose failing case is not the `unready` fixture: there, a CI pipeline exists.
    private static readonly Dictionary<string, string> FailElsewhere = new(StringComparer.Ordinal) { ["ci.workflow"] = "empty" };

    public static TheoryData<string> AllProbes() => [.. ProbeCatalogue.All.Select(p => p.Info.Id)];

    [Fact]
    public void The_catalogue_has_at_least_forty_probes_with_unique_dotted_ids()
    {
        var ids = ProbeCatalogue.All.Select(p => p.Info.Id).ToList();
        Assert.True(ids.Count >= 40, $"{ids.Count} probes");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(\\.[a-z0-9-]+)+$", id));
        Assert.All(ProbeCatalogue.All, p => Assert.NotEmpty(p.Info.Terms.All));
    }

    [Fact]
    public void The_catalogue_covers_every_area_the_product_names()
    {
        var areas = ProbeCatalogue.All.GroupBy(p => p.Info.Area).ToDictionary(g => g.Key, g => g.Count());
        foreach (string area in new[] { "containers", "compose", "kubernetes", "ci", "repository", "data", "observability", "infrastructure" })
        {
            Assert.True(areas.ContainsKey(area), $"no probe for {area}");
        }
    }

    [Fact]
    public void The_docs_list_every_probe()
    {
        string docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "verify.md"));
        Assert.All(ProbeCatalogue.All, p => Assert.Contains($"| `{p.Info.Id}` | {p.Info.Title} |", docs, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public void Probe_passes_on_the_ready_workspace(string id)
    {
        var (_, evidence) = Fixtures.Load(Fixtures.Ready);
        var result = evidence.Probe(id)!;
        Assert.True(result.Outcome == ProbeOutcome.Pass, $"{id}: {result.Outcome}: {result.Detail}");
        Assert.NotEmpty(result.Citations);
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public void Probe_fails_on_the_unready_workspace(string id)
    {
        using var empty = new TempWorkspace();
        string root = FailElsewhere.TryGetValue(id, out string? where) && where == "empty" ? empty.Root : Fixtures.Unready;
        var (_, evidence) = Fixtures.Load(root);
        var result = evidence.Probe(id)!;
        Assert.True(result.Outcome == ProbeOutcome.Fail, $"{id}: {result.Outcome}: {result.Detail}");
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Theory]
    [InlineData("docker.non-root")]
    [InlineData("docker.multi-stage")]
    [InlineData("compose.healthchecks")]
    [InlineData("compose.depends-on-condition")]
    [InlineData("compose.secrets")]
    [InlineData("k8s.resources")]
    [InlineData("k8s.hpa")]
    [InlineData("db.alembic")]
    [InlineData("db.ef-core")]
    [InlineData("db.flyway")]
    [InlineData("db.prisma")]
    [InlineData("obs.prometheus-rules")]
    public void A_probe_with_nothing_to_look_at_is_not_applicable(string id)
    {
        using var empty = new TempWorkspace();
        var (_, evidence) = Fixtures.Load(empty.Root);
        Assert.Equal(ProbeOutcome.NotApplicable, evidence.Probe(id)!.Outcome);
    }

    [Fact]
    public void Failures_cite_the_file_and_line_that_lacks_it()
    {
        var (_, evidence) = Fixtures.Load(Fixtures.Unready);
        var result = evidence.Probe("compose.healthchecks")!;
        Assert.Equal([new Citation("docker-compose.yml", 3, "api"), new Citation("docker-compose.yml", 9, "db")], result.Citations);
        Assert.Contains("api (docker-compose.yml:3)", result.Detail, StringComparison.Ordinal);

        var root = evidence.Probe("docker.non-root")!;
        Assert.Equal(new Citation("Dockerfile", 5, "USER root"), Assert.Single(root.Citations));
    }

    [Fact]
    public void A_ci_step_is_judged_by_the_package_scripts_it_runs()
    {
        // Backlog.md's pipeline: `bun run check:types` and `bun run lint`, the tools named only in package.json.
        const string workflow = "jobs:\n  test:\n    steps:\n      - run: npm ci\n      - run: bun run lint\n      - run: pnpm -r check:types\n      - run: npm test\n";
        using var workspace = new TempWorkspace().Write(".github/workflows/ci.yml", workflow);
        var (_, without) = Fixtures.Load(workspace.Root);
        Assert.Equal(ProbeOutcome.Fail, without.Probe("ci.lint")!.Outcome);
        Assert.Equal(ProbeOutcome.Fail, without.Probe("ci.type-check")!.Outcome);
        Assert.Equal(ProbeOutcome.Fail, without.Probe("ci.coverage-threshold")!.Outcome);

        workspace.Write("package.json", """
            { "scripts": { "lint": "biome lint .", "check:types": "bunx tsc --noEmit", "test": "npm run unit", "unit": "vitest run --coverage.thresholds.lines=80", "ci": "npm run ci" } }
            """);
        var (_, with) = Fixtures.Load(workspace.Root);
        var lint = with.Probe("ci.lint")!;
        Assert.Equal(ProbeOutcome.Pass, lint.Outcome);
        Assert.Equal(new Citation(".github/workflows/ci.yml", 5, "bun run lint"), lint.Citations[0]);
        Assert.Equal(ProbeOutcome.Pass, with.Probe("ci.type-check")!.Outcome);
        Assert.Equal(ProbeOutcome.Pass, with.Probe("ci.coverage-threshold")!.Outcome); // two scripts deep: test → unit
    }

    [Fact]
    public void A_package_json_that_does_not_parse_or_loops_expands_to_nothing_more()
    {
        using var workspace = new TempWorkspace()
            .Write(".github/workflows/ci.yml", "jobs:\n  test:\n    steps:\n      - run: yarn style\n")
            .Write("package.json", "{ \"scripts\": { \"style\": ");
        Assert.Equal(ProbeOutcome.Fail, Fixtures.Load(workspace.Root).Evidence.Probe("ci.lint")!.Outcome);

        // Two scripts that run each other: each is followed once, and neither lints.
        workspace.Write("package.json", "{ \"scripts\": { \"style\": \"yarn style:all\", \"style:all\": \"yarn style\" } }");
        Assert.Equal(ProbeOutcome.Fail, Fixtures.Load(workspace.Root).Evidence.Probe("ci.lint")!.Outcome);

        workspace.Write("package.json", "{ \"scripts\": { \"style\": \"yarn style:all\", \"style:all\": \"eslint . && yarn style\" } }");
        Assert.Equal(ProbeOutcome.Pass, Fixtures.Load(workspace.Root).Evidence.Probe("ci.lint")!.Outcome);
    }

    [Fact]
    public void Compose_merge_keys_are_followed()
    {
        // `logging: { <<: *logging }` in the ready fixture's db service reaches max-size through the merge.
        var (_, evidence) = Fixtures.Load(Fixtures.Ready);
        Assert.Equal(ProbeOutcome.Pass, evidence.Probe("compose.log-rotation")!.Outcome);
    }

    [Fact]
    public void Helm_templates_are_read_as_yaml_with_template_actions_blanked()
    {
        var (_, evidence) = Fixtures.Load(Fixtures.Ready);
        var citations = evidence.Probe("k8s.resources")!.Citations;
        Assert.Contains(citations, c => c.File == "charts/api/templates/deployment.yaml");
    }

    [Fact]
    public void A_yaml_file_that_does_not_parse_is_passed_over()
    {
        using var workspace = new TempWorkspace().Write("docker-compose.yml", "services: [unclosed\n").Write("k8s/x.yaml", "apiVersion: v1\nkind: Pod\n  bad: indent\n");
        var (_, evidence) = Fixtures.Load(workspace.Root);
        Assert.Equal(ProbeOutcome.NotApplicable, evidence.Probe("compose.healthchecks")!.Outcome);
        Assert.Equal(ProbeOutcome.NotApplicable, evidence.Probe("k8s.probes")!.Outcome);
    }

    [Fact]
    public void Pinned_base_images_judge_tags_digests_and_stage_references()
    {
        using var workspace = new TempWorkspace().Write("Dockerfile",
            "FROM golang:1.22 AS build\nFROM build AS test\nFROM registry:5000/tools/base@sha256:abc\nFROM ${BASE}\nFROM scratch\nCOPY --from=build /x /x\n");
        var (_, evidence) = Fixtures.Load(workspace.Root);
        Assert.Equal(ProbeOutcome.Pass, evidence.Probe("docker.pinned-base-image")!.Outcome);

        workspace.Write("api.Dockerfile", "FROM registry:5000/tools/base\n");
        var (_, again) = Fixtures.Load(workspace.Root);
        var result = again.Probe("docker.pinned-base-image")!;
        Assert.Equal(ProbeOutcome.Fail, result.Outcome);
        Assert.Equal("api.Dockerfile", Assert.Single(result.Citations).File);
    }

    [Fact]
    public void A_nonroot_base_image_counts_as_a_non_root_user()
    {
        using var workspace = new TempWorkspace().Write("Dockerfile", "FROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n");
        var (_, evidence) = Fixtures.Load(workspace.Root);
        var result = evidence.Probe("docker.non-root")!;
        Assert.Equal(ProbeOutcome.Pass, result.Outcome);
        Assert.Equal(2, Assert.Single(result.Citations).Line);
    }
}
