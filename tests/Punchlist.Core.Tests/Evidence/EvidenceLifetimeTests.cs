using System.Runtime.CompilerServices;
using Punchlist.Evidence;
using Punchlist.Reading;
using Punchlist.Tests.Support;
using Punchlist.Text;

namespace Punchlist.Tests.Evidence;

/// <summary>
/// A workspace's evidence lives as long as the server's snapshot, while the documents it judges are
/// read in batches and dropped: what it keeps of an item must not keep the item's document alive.
/// </summary>
public sealed class EvidenceLifetimeTests
{
    [Fact]
    public void Judging_an_item_does_not_keep_its_document_alive()
    {
        using var workspace = new TempWorkspace().Write("docker-compose.yml", "services:\n  api:\n    image: x\n");
        var evidence = new WorkspaceEvidence(workspace.Root);
        var (document, again) = JudgeTwice(evidence);
        Assert.True(again, "the second ask did not get the kept evidence");

        for (int i = 0; i < 5 && Alive(document); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(Alive(document), "the evidence kept the document alive");
        Assert.NotNull(evidence.Probe("compose.healthchecks")); // the probes' results are the workspace's, and stay
    }

    // Asked in a method of its own: a target taken out in the test's own frame would stay alive there.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Alive(WeakReference<Model.TrackerDocument> reference) => reference.TryGetTarget(out _);

    // In a method of its own, so that no local of the caller holds the document.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference<Model.TrackerDocument> Document, bool Kept) JudgeTwice(WorkspaceEvidence evidence)
    {
        var document = DocumentReader.Default.Read("TODO.md", SourceText.FromString("# Ops\n\n- [x] Health check configuration\n"));
        var item = Assert.Single(document.Items);
        var first = evidence.For(document, item);
        Assert.Contains(first.Records, r => r.Ref == "compose.healthchecks");
        return (new WeakReference<Model.TrackerDocument>(document), ReferenceEquals(first, evidence.For(document, item)));
    }
}
