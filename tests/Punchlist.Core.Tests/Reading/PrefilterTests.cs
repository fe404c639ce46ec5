using System.Text;
using Punchlist.Reading;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Reading;

/// <summary>The prefilter may say yes to a non-tracker; it must never say no to a tracker.</summary>
public sealed class PrefilterTests
{
    [CorpusFact]
    public void Every_corpus_tracker_and_every_spec_input_passes_the_prefilter()
    {
        var inputs = Repo.CorpusFiles().Select(f => (Repo.CaseName(f), File.ReadAllBytes(f)))
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Reading", "Specs"), "*.md")
                .SelectMany(f => SpecFile.Load(f).Cases.Select(c => ($"{Path.GetFileName(f)}: {c.Name}", Encoding.UTF8.GetBytes(c.Input)))))
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Reading", "Org", "Specs"), "*.md")
                .SelectMany(f => SpecFile.Load(f).Cases.Select(c => ($"{Path.GetFileName(f)}: {c.Name}.org", Encoding.UTF8.GetBytes(c.Input)))));
        int trackers = 0;
        foreach (var (name, bytes) in inputs)
        {
            if (DocumentReader.Default.Read(name, bytes).IsTracker)
            {
                trackers++;
                Assert.True(TrackerPrefilter.MayHoldItems(name, bytes), $"the prefilter skips {name}, which holds items");
            }
        }

        Assert.True(trackers > 60, $"only {trackers} trackers checked");
    }

    [Theory]
    [InlineData("# git\n\n> Distributed version control.\n\n- Clone a repository:\n\n`git clone {{url}}`\n")]
    [InlineData("# Title\n\nJust prose with [a link](x.md) and [x](y).\n")]
    [InlineData("Due to the weather, the state of the art moved.\n")]
    [InlineData("| Name | Value |\n|------|-------|\n| timeout | 30s |\n")]
    [InlineData("Ship it when ready ✅ and tell the team.\n- a tip 🚀\n")]
    [InlineData("- Use the ~~old~~ new flag\n- Make sure everything is done\n")]
    public void Plain_documentation_is_skipped(string text)
    {
        Assert.False(TrackerPrefilter.MayHoldItems(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("- [ ] a task\n")]
    [InlineData("> 1. [x] quoted ordered\n")]
    [InlineData("### P0-001: card\n")]
    [InlineData("P1-003: setext card\n---\n")]
    [InlineData("### Item\n**Priority:** High\n")]
    [InlineData("-\n  [ ] box on the next line\n")]
    [InlineData("| ID | Task | Status |\n|---|---|---|\n| C1 | Fix | Pending |\n")]
    [InlineData("| Component | Dev | Prod |\n|---|---|---|\n| LB | ✅ | ❌ |\n")]
    [InlineData("| الميزة | الحالة |\n|---|---|\n| x | y |\n")]
    [InlineData("- ✅ Workspace compiles\n")]
    [InlineData("- **⏸️ PAUSED** - suspended\n")]
    [InlineData("### ☐ **1. Wire payments**\n")]
    [InlineData("[x] 1. Install packages\n")]
    [InlineData("1. ~~`[fix]` Auth gate~~ DONE\n")]
    [InlineData("2. `[docs]` Guide DONE (in docs/)\n")]
    [InlineData("  - Run drizzle-kit generate ✅\n")]
    [InlineData("**Estado:** en curso\n")]
    public void Tracker_shapes_pass(string text)
    {
        Assert.True(TrackerPrefilter.MayHoldItems(Encoding.UTF8.GetBytes(text)));
    }
}
