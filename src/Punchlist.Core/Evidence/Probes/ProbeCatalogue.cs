using Punchlist.Evidence.Probes.Ci;
using Punchlist.Evidence.Probes.Compose;
using Punchlist.Evidence.Probes.Containers;
using Punchlist.Evidence.Probes.Data;
using Punchlist.Evidence.Probes.Infrastructure;
using Punchlist.Evidence.Probes.Kubernetes;
using Punchlist.Evidence.Probes.Observability;
using Punchlist.Evidence.Probes.Repository;

namespace Punchlist.Evidence.Probes;

/// <summary>The built-in probes, in the order the docs list them. Adding a probe is one file and one line here.</summary>
public static class ProbeCatalogue
{
    public static readonly IReadOnlyList<IProbe> All =
    [
        // containers
        new NonRootUserProbe(), new HealthcheckProbe(), new MultiStageProbe(), new PinnedBaseImageProbe(), new DockerignoreProbe(),

        // compose
        new HealthchecksProbe(), new DependsOnConditionProbe(), new RestartPolicyProbe(), new ResourceLimitsProbe(), new SecretsProbe(),
        new ReadOnlyProbe(), new NoNewPrivilegesProbe(), new LogRotationProbe(), new NetworksProbe(),

        // kubernetes and helm
        new ResourcesProbe(), new ProbesProbe(), new AutoscalerProbe(), new DisruptionBudgetProbe(), new NetworkPolicyProbe(),
        new SecurityContextProbe(), new HelmChartProbe(),

        // ci
        new WorkflowProbe(), new TestsProbe(), new LintProbe(), new TypeCheckProbe(), new CoverageThresholdProbe(), new CodeQlProbe(),
        new TrivyProbe(), new GitleaksProbe(), new HadolintProbe(), new SecurityScanProbe(), new DependencyUpdatesProbe(), new ReleaseProbe(),

        // repository hygiene
        new PreCommitProbe(), new SecurityPolicyProbe(), new ChangelogProbe(), new CodeOwnersProbe(), new EditorConfigProbe(),
        new DecisionRecordsProbe(), new RunbooksProbe(),

        // data
        new AlembicProbe(), new EfCoreProbe(), new FlywayProbe(), new PrismaProbe(), new BackupScriptsProbe(),

        // observability
        new PrometheusRulesProbe(), new GrafanaDashboardsProbe(), new OpenTelemetryProbe(),

        // infrastructure as code
        new TerraformProvidersProbe(), new TerraformModulesProbe(), new AnsiblePlaybooksProbe(),
    ];

    public static IProbe? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Info.Id, id, StringComparison.Ordinal));
}
