using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Repository;

/// <summary>An `.editorconfig` at the root with at least one section.</summary>
internal sealed class EditorConfigProbe : IProbe
{
    public ProbeInfo Info { get; } = new("repo.editorconfig", ".editorconfig sets the code style", "repository",
        ProbeTerms.Any("editorconfig", "editor config"));

    public ProbeResult Run(ProbeContext context)
    {
        string? text = context.ReadText(".editorconfig");
        if (text is null)
        {
            return ProbeResult.Fail("no .editorconfig at the root");
        }

        var section = TextSearch.Lines(text, ["["]).FirstOrDefault(l => l.Text.StartsWith('['));
        return section.Line > 0
            ? ProbeResult.Pass($".editorconfig has sections ({section.Text})", new Citation(".editorconfig", section.Line, section.Text))
            : ProbeResult.Fail(".editorconfig has no [section]", new Citation(".editorconfig", 0));
    }
}
