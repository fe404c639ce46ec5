using System.Text;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Reading;

namespace Punchlist.Tests.Analysis;

/// <summary>C11: a rule lists at most a hundred findings per document, then one that counts the rest.</summary>
public sealed class FindingCapTests
{
    [Fact]
    public void A_rule_lists_its_first_hundred_findings_and_counts_the_rest()
    {
        var text = new StringBuilder("# Bad bytes\n\n");
        for (int i = 0; i < 300; i++)
        {
            text.Append($"- [ ] item {i} caf\uFFFD\n");
        }

        var document = DocumentReader.Default.Read("bad.md", Encoding.UTF8.GetBytes(text.ToString()));
        string root = Directory.CreateTempSubdirectory("punch-cap-").FullName;
        try
        {
            var findings = new FindingEngine(FindingRules.Default)
                .Check([document], root, new DateOnly(2026, 11, 21), CheckPolicy.Default, NoHistory.Instance)
                .Where(f => f.Code == "PL007").ToList();

            Assert.Equal(FindingEngine.MaxPerRule + 1, findings.Count);
            Assert.Equal("200 more PL007 findings in this document from here on are not listed (each rule lists its first 100 per document)", findings[^1].Message);
            Assert.Equal(103, findings[^1].Start.Line); // the first one left out: item 100, on line 3 + 100
            Assert.Empty(findings[^1].Fix);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
