using Punchlist.Analysis.Claims;
using Punchlist.Reading;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Analysis;

public sealed class ClaimAnalysisTests
{
    [CorpusFact]
    public void A_documents_claims_are_analysed_once_and_a_document_read_again_is_analysed_alike()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Repo.Seeds, "data-platform-todo.md"));
        var document = DocumentReader.Default.Read("data-platform-todo.md", bytes);
        var analysis = ClaimAnalysis.Of(document);
        Assert.NotEmpty(analysis.Mismatches);
        Assert.Same(analysis, ClaimAnalysis.Of(document));

        var again = ClaimAnalysis.Of(DocumentReader.Default.Read("data-platform-todo.md", bytes));
        Assert.NotSame(analysis, again);
        Assert.Equal(analysis.Mismatches.Select(m => (m.Claim.Where, m.Declared, m.Actual)), again.Mismatches.Select(m => (m.Claim.Where, m.Declared, m.Actual)));
        Assert.Equal(analysis.Unmatched.Select(u => (u.Claim.Where, u.Reason)), again.Unmatched.Select(u => (u.Claim.Where, u.Reason)));
    }
}
