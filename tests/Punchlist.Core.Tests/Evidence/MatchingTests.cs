using Punchlist.Evidence;
using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Probes;
using Punchlist.Model;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Evidence;

/// <summary>Items meet probes by meaning: words, synonyms and stems, within the scopes they or their surroundings name.</summary>
public sealed class MatchingTests
{
    private static readonly ProbeMatcher Matcher = new(ProbeCatalogue.All, ProbeSettings.Empty);

    private static List<string> Probes(string text, string context = "") =>
        Matcher.Match(text, context, null).Select(m => m.Probe).ToList();

    [CorpusTheory]
    [InlineData("infrastructure-devops-todos.md", "Non-root user in containers", "docker.non-root")]
    [InlineData("infrastructure-devops-todos.md", "Health check configuration", "compose.healthchecks")]
    [InlineData("infrastructure-devops-todos.md", "Health check configuration", "docker.healthcheck")]
    [InlineData("data-platform-todo.md", "Add Hadolint for Dockerfile linting to GitHub Actions", "ci.hadolint")]
    [InlineData("production-todo-tracker.md", "Configure pre-commit hooks", "repo.pre-commit")]
    [InlineData("plan-infrastructure-devops.md", "Implement automated dependency updates", "deps.updates")]
    public void The_seeds_item_titles_meet_their_probes(string seed, string title, string probe)
    {
        var workspace = WorkspaceLoader.Load([Path.Combine(Repo.Seeds, seed)]);
        var document = workspace.Documents.Single();
        var (item, criterion) = Find(document, title);
        var matches = Matcher.Match(document, item);
        Assert.Contains(matches, m => m.Probe == probe && m.Criterion == criterion && m.Via == MatchVia.Words);
    }

    [Theory]
    [InlineData("Code coverage > 80%")] // infrastructure-devops-todos.md
    [InlineData("Establish Test Coverage Baselines")] // optimization-health-todos.md
    [InlineData("Enforce a coverage threshold in CI")]
    [InlineData("CI fails under 90% line coverage")]
    public void Coverage_with_a_floor_meets_the_threshold_probe(string title) => Assert.Contains("ci.coverage-threshold", Probes(title));

    [Fact]
    public void The_seed_titles_meet_no_unrelated_probe()
    {
        // The Dockerfile-linting criterion is about Hadolint, not about linting in general or any container property.
        Assert.Equal(["ci.hadolint"], Probes("Add Hadolint for Dockerfile linting to GitHub Actions"));
        Assert.Equal(["deps.updates"], Probes("Automated dependency updates"));
        Assert.Equal(["repo.pre-commit"], Probes("Configure pre-commit hooks"));
        Assert.Equal(["docker.non-root", "k8s.security-context"], Probes("Non-root user in containers"));
    }

    [Theory]
    [InlineData("Screen Editor AI Copilot")]
    [InlineData("Validate LLM response quality")]
    [InlineData("Queue backup")]
    [InlineData("Implement health check endpoints")]
    [InlineData("Create Incident Response Playbook")]
    [InlineData("AWS module")]
    [InlineData("Move tasks within sequences updates dependencies accordingly")] // a task graph's dependencies (Backlog.md)
    [InlineData("Dependency updates propagate to dependents in the graph")]
    [InlineData("Test coverage added for task selection logic")] // tests written, not a floor
    [InlineData("Merge coverage reports in CI")]
    public void Unrelated_or_ambiguous_items_meet_nothing_they_should_not(string title)
    {
        var probes = Probes(title);
        Assert.DoesNotContain("deps.updates", probes);
        Assert.DoesNotContain("ci.coverage-threshold", probes);
        Assert.DoesNotContain("backup.scripts", probes);
        Assert.DoesNotContain("compose.healthchecks", probes);
        Assert.DoesNotContain("iac.ansible-playbooks", probes);
        Assert.DoesNotContain("iac.terraform-modules", probes);
    }

    [Fact]
    public void A_scope_named_by_the_surroundings_chooses_between_probes()
    {
        Assert.Equal(["compose.resource-limits"], Probes("Resource limits defined", "Deployment Options • **Docker Compose Production**"));
        Assert.Equal(["k8s.resources"], Probes("Resource requests/limits", "Deployment Options • **Kubernetes/Helm**"));
        Assert.Equal(["iac.terraform-modules"], Probes("AWS module", "Infrastructure as Code • **Terraform Modules**"));
    }

    [Fact]
    public void A_scope_named_in_the_text_wins_over_the_surroundings()
    {
        Assert.Equal(["db.alembic"], Probes("Validate all Alembic migrations execute cleanly", "Kubernetes"));
        Assert.Equal(["db.alembic", "db.ef-core", "db.flyway", "db.prisma"], Probes("Add database migrations"));
    }

    [Fact]
    public void Stems_and_compounds_meet_their_terms()
    {
        Assert.Contains("compose.healthchecks", Probes("Docker healthchecks configured"));
        Assert.Contains("compose.restart-policy", Probes("Standardize restart policies across all services"));
        Assert.Contains("ci.security-scan", Probes("Scanning for vulnerabilities: vulnerability scanning in the pipeline"));
        Assert.Contains("docker.non-root", Probes("Containers run as nonroot"));
        Assert.Contains("docker.non-root", Probes("Container runs as non root"));
    }

    [Theory]
    [InlineData("checks", "check")]
    [InlineData("policies", "policy")]
    [InlineData("configured", "configur")]
    [InlineData("configure", "configur")]
    [InlineData("scanning", "scan")]
    [InlineData("install", "install")]
    [InlineData("status", "status")]
    [InlineData("docker", "docker")]
    public void The_stemmer_agrees_with_itself(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Fact]
    public void A_probe_is_tied_to_an_item_once_on_its_title_else_on_the_first_criterion_that_meets_it()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", """
            # T

            - [ ] Configure pre-commit hooks
              - [ ] Configure pre-commit hooks for the API
            - [ ] Tooling
              - [ ] Write the docs
              - [x] Configure pre-commit hooks
              - [ ] Configure pre-commit hooks for the web
            """);
        var (loaded, evidence) = Fixtures.Load(workspace.Root);
        var document = loaded.Documents.Single();

        var titled = Assert.Single(Matcher.Match(document, document.Items[0]), m => m.Probe == "repo.pre-commit");
        Assert.Null(titled.Criterion);
        var criterion = Assert.Single(Matcher.Match(document, document.Items[1]), m => m.Probe == "repo.pre-commit");
        Assert.Equal(2, criterion.Criterion);

        var record = Assert.Single(Fixtures.Item(loaded, evidence, "Tooling").Records, r => r.Ref == "repo.pre-commit");
        Assert.Equal(2, record.Criterion);
        Assert.True(record.Claimed); // the criterion is ticked
    }

    [Fact]
    public void A_comment_names_the_probe_and_replaces_matching()
    {
        using var workspace = new TempWorkspace().Write("TODO.md",
            "# T\n\n- [x] Harden the API image <!-- punch: probe=docker.non-root -->\n- [x] Health check configuration <!-- punch: probe=none -->\n- [ ] Docs\n\n  ```\n  <!-- punch: probe=ci.trivy -->\n  ```\n");
        var loaded = WorkspaceLoader.Load([workspace.Root]);
        var document = loaded.Documents.Single();
        var harden = Matcher.Match(document, document.Items[0]);
        Assert.Equal(new ProbeMatch("docker.non-root", null, MatchVia.Comment, "named by a punch comment in the item"), Assert.Single(harden));
        Assert.Empty(Matcher.Match(document, document.Items[1]));
        Assert.Empty(Matcher.Match(document, document.Items[2]));
    }

    [Fact]
    public void A_comment_naming_an_unknown_probe_yields_unjudged_evidence_that_says_so()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", "# T\n\n- [x] Harden it <!-- punch: probe=docker.nope -->\n");
        var (loaded, evidence) = Fixtures.Load(workspace.Root);
        var record = Assert.Single(Fixtures.Item(loaded, evidence, "Harden it").Records);
        Assert.Null(record.Ok);
        Assert.Equal("no probe 'docker.nope' in the catalogue", record.Detail);
        Assert.Equal(Verdict.Unknown, Fixtures.Item(loaded, evidence, "Harden it").Verdict);
    }

    [Fact]
    public void Punchlist_yml_names_probes_for_items_and_turns_probes_off()
    {
        using var workspace = new TempWorkspace()
            .Write("punchlist.yml", "probes:\n  off: [k8s.security-context]\n  items:\n    \"TODO.md#t/harden-the-api-image\": [docker.non-root]\n")
            .Write("TODO.md", "# T\n\n- [x] Harden the API image\n- [x] Non-root user in containers\n");
        var loaded = WorkspaceLoader.Load([workspace.Root]);
        var matcher = new ProbeMatcher(ProbeCatalogue.All, loaded.Config.Probes);
        var document = loaded.Documents.Single();
        Assert.Equal(MatchVia.Config, Assert.Single(matcher.Match(document, document.Items[0])).Via);
        Assert.Equal(["docker.non-root"], matcher.Match(document, document.Items[1]).Select(m => m.Probe));
    }

    [Theory]
    [InlineData("probes:\n  off: [docker.no-such]\n", "punchlist.yml:2:9: no probe 'docker.no-such'")]
    [InlineData("probes:\n  items:\n    X-1: ci.nope\n", "punchlist.yml:3:10: no probe 'ci.nope'")]
    [InlineData("probes:\n  of: []\n", "punchlist.yml:2:3: unknown probes setting 'of'")]
    [InlineData("probes: [a]\n", "punchlist.yml:1:9: expected a mapping")]
    public void Probe_settings_mistakes_are_errors_with_their_position(string yaml, string expected)
    {
        var error = Assert.Throws<PunchlistException>(() => ConfigLoader.Parse(yaml));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    private static (Item Item, int? Criterion) Find(TrackerDocument document, string title)
    {
        foreach (var item in document.Items)
        {
            if (item.Title == title)
            {
                return (item, null);
            }

            int at = item.Criteria.ToList().FindIndex(c => c.Text == title);
            if (at >= 0)
            {
                return (item, at + 1);
            }
        }

        throw new InvalidOperationException($"no item or criterion '{title}'");
    }
}
