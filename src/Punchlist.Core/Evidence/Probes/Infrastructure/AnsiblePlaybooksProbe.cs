using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Infrastructure;

/// <summary>Ansible playbooks: YAML files that are a list of plays, each naming its `hosts` (or importing a playbook).</summary>
internal sealed class AnsiblePlaybooksProbe : IProbe
{
    public ProbeInfo Info { get; } = new("iac.ansible-playbooks", "Ansible playbooks exist", "infrastructure",
        ProbeTerms.Any("playbook", "ansible", "provisioning", "server provisioning", "configuration management").Except("incident", "response").Only(Scope.Ansible));

    public ProbeResult Run(ProbeContext context)
    {
        var playbooks = new List<Citation>();
        foreach (string file in context.Index.Files.Where(ProbeContext.IsYaml).Where(f => !f.StartsWith(".github/", StringComparison.Ordinal)).Take(5_000))
        {
            var plays = Yaml.Items(context.Yaml(file).FirstOrDefault()?.RootNode).ToList();
            if (plays.Count > 0 && plays.All(p => Yaml.Has(p, "hosts") || Yaml.Has(p, "import_playbook") || Yaml.Has(p, "ansible.builtin.import_playbook")))
            {
                playbooks.Add(new Citation(file, Yaml.Line(plays[0]), Yaml.Scalar(Yaml.Get(plays[0], "name"))));
            }
        }

        return playbooks.Count > 0
            ? ProbeResult.Pass($"{playbooks.Count} Ansible playbook{(playbooks.Count == 1 ? string.Empty : "s")}, e.g. {playbooks[0]}", playbooks.Take(20))
            : ProbeResult.Fail("no Ansible playbook (a YAML list of plays with hosts) in the workspace");
    }
}
