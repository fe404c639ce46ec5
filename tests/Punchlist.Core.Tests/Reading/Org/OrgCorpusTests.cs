using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Reading.Org;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Reading.Org;

/// <summary>The corpus's two Org trackers, read as a user of Org would read them.</summary>
public sealed partial class OrgCorpusTests
{
    private const string Nixcfg = "41_BBBSnowball__nixcfg__TODO.org";
    private const string Reblocks = "43_40ants__reblocks__TODO.org";

    private static TrackerDocument Read(string name) =>
        DocumentReader.Default.Read(name, File.ReadAllBytes(Path.Combine(Repo.Real, name)));

    [CorpusFact]
    public void Every_keyword_headline_of_nixcfg_is_an_item_in_its_state()
    {
        var document = Read(Nixcfg);

        // The oracle: the file's headlines, as grep sees them. WONTFIX is not declared in the file (its
        // author's Emacs configured it); Punchlist knows it as a done keyword meaning cancelled.
        var expected = File.ReadAllLines(Path.Combine(Repo.Real, Nixcfg))
            .Select(l => Headline().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups[2].Value, m.Groups[1].Value switch { "DONE" => ItemState.Done, "WONTFIX" => ItemState.Cancelled, _ => ItemState.Open }))
            .ToList();
        Assert.Equal(32, expected.Count);
        Assert.Equal(expected, document.Items.Select(i => (i.Title, i.State)).ToList());
        Assert.All(document.Items, i => Assert.Equal(ItemKind.Card, i.Kind));
        Assert.All(document.Items, i => Assert.Null(i.Priority));
        Assert.Equal((15, 4, 13), (document.Items.Count(i => i.State == ItemState.Done), document.Items.Count(i => i.State == ItemState.Cancelled), document.Items.Count(i => i.State == ItemState.Open)));
        Assert.Empty(document.Checkboxes); // its lists are notes, not boxes
        Assert.Empty(document.Notes);
    }

    [CorpusFact]
    public void Nixcfg_keeps_when_entries_were_closed_and_nests_its_sub_tasks()
    {
        var document = Read(Nixcfg);
        var closed = document.Items.Where(i => i.Field(FieldKind.Completed) is not null).ToList();
        Assert.Equal(6, closed.Count);
        Assert.Equal("2020-05-02 Sat 20:16", closed[0].Field(FieldKind.Completed)!.Value);
        Assert.All(closed, i => Assert.Equal(ItemState.Done, i.State));

        var port = document.Items.Single(i => i.Title.StartsWith("port my accounting display", StringComparison.Ordinal));
        var children = document.Items.Where(i => i.Section == port.Heading).ToList();
        Assert.Equal(9, children.Count);
        Assert.All(children, c => Assert.StartsWith("port-my-accounting-display-to-diffe", c.Key, StringComparison.Ordinal));
        Assert.Single(document.Tables); // the iperf measurements
    }

    [CorpusFact]
    public void Reblocks_roadmap_reads_five_items_and_never_its_source_blocks()
    {
        var document = Read(Reblocks);
        Assert.Equal(
            [
                ("Create defroute macro to simplify adding of additional routes", ItemState.Open),
                ("Make hooks system easier to use", ItemState.Done),
                ("Process (declare ...) forms in add-xxxx-hook macrose", ItemState.Open),
                ("Make a package per file in all codebase", ItemState.Open),
                ("Remove all special widgets with html rendering code into separate reblocks-ui library", ItemState.Open),
            ],
            document.Items.Select(i => (i.Title, i.State)).ToList());
        Assert.All(document.Items, i => Assert.Equal("Roadmap", i.Section?.Title));
        Assert.Equal(2, document.Verbatim.Count); // the two lisp blocks
        Assert.Equal(7, document.Sections.Count); // Roadmap, five entries, and the websocket idea without a keyword
        Assert.Equal("2017-09-11 Mon 09:59", document.Items[1].Field(FieldKind.Completed)!.Value); // from its state note
    }

    [CorpusFact]
    public void Both_files_pass_the_org_prefilter_and_have_no_cookies_to_keep()
    {
        foreach (string name in new[] { Nixcfg, Reblocks })
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(Repo.Real, name));
            Assert.True(TrackerPrefilter.MayHoldItems(name, bytes));
            Assert.Empty(OrgCookies.Of(DocumentReader.Default.Read(name, bytes)));
        }
    }

    [GeneratedRegex(@"^\*+ (TODO|DONE|WONTFIX) (.*)$")]
    private static partial Regex Headline();
}
