using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>Some CI step lints or checks formatting (ESLint, Ruff, golangci-lint, `dotnet format`, super-linter …).</summary>
internal sealed class LintProbe : IProbe
{
    private static readonly string[] Tools =
    [
        "eslint", "npm run lint", "yarn lint", "pnpm lint", "pnpm run lint", "ruff", "flake8", "pylint", "black --check", "isort --check", "golangci-lint",
        "dotnet format", "rubocop", "prettier --check", "shellcheck", "markdownlint", "hadolint", "yamllint", "clippy", "stylelint", "ktlint", "swiftlint",
        "make lint", "pre-commit run", "biome",
    ];

    public ProbeInfo Info { get; } = new("ci.lint", "CI lints the code", "ci",
        ProbeTerms.Any("lint", "linter", "linting", "format check", "formatting check", "code style", "static analysis", "formatter").Only(Scope.Ci))
    {
        Refines = ["ci.workflow"],
    };

    public ProbeResult Run(ProbeContext context) => CiSearch.Step(context,
        s => CiSearch.Runs(s, Tools) || CiSearch.Uses(s, "github/super-linter", "super-linter/", "golangci/golangci-lint-action", "astral-sh/ruff-action", "hadolint/hadolint-action", "wearerequired/lint-action", "reviewdog/"),
        "a CI step lints", "no step lints");
}
