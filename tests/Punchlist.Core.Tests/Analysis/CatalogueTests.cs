using Punchlist.Analysis.Findings;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Analysis;

/// <summary>The rule catalogue is complete: every rule has a stable code, documentation and a spec.</summary>
public sealed class CatalogueTests
{
    public static IEnumerable<object[]> Rules() => FindingRules.Default.Select(r => new object[] { r.Info.Code });

    [Fact]
    public void Codes_are_unique_and_in_order()
    {
        var codes = FindingRules.Default.Select(r => r.Info.Code).ToList();
        Assert.Equal(codes.Distinct().Order(StringComparer.Ordinal), codes);
        Assert.All(codes, c => Assert.Matches("^PL[0-9]{3}$", c));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_is_described_documented_and_specified(string code)
    {
        var info = FindingRules.Find(code)!.Info;
        Assert.Matches("^[a-z]+(-[a-z]+)*$", info.Name);
        Assert.False(string.IsNullOrWhiteSpace(info.Summary));
        Assert.False(string.IsNullOrWhiteSpace(info.Help));

        string docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "findings.md"));
        Assert.Contains($"## {code} {info.Name}", docs, StringComparison.Ordinal);

        string specs = Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Analysis", "Specs");
        Assert.Single(Directory.GetFiles(specs, $"{code}-{info.Name}.md"));
    }
}
