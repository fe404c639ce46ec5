using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>Some CI step checks types (`tsc --noEmit`, mypy, Pyright, `vue-tsc`, `npm run typecheck` …).</summary>
internal sealed class TypeCheckProbe : IProbe
{
    private static readonly string[] Tools = ["tsc", "vue-tsc", "mypy", "pyright", "basedpyright", "pytype", "npm run typecheck", "npm run type-check", "yarn typecheck", "pnpm typecheck", "flow check", "sorbet", "psalm", "phpstan"];

    public ProbeInfo Info { get; } = new("ci.type-check", "CI checks types", "ci",
        ProbeTerms.Any("type check", "typecheck", "type checking", "mypy", "pyright", "tsc", "static type", "type safety").Only(Scope.Ci))
    {
        Refines = ["ci.workflow", "ci.lint"],
    };

    public ProbeResult Run(ProbeContext context) => CiSearch.Step(context,
        s => CiSearch.Runs(s, Tools) || CiSearch.Uses(s, "jakebailey/pyright-action"), "a CI step checks types", "no step checks types");
}
