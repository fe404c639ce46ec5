using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Punchlist.Editing.Sync;
using Punchlist.Reading;
using Punchlist.Reading.Org;
using Punchlist.Tests.Editing;
using Punchlist.Text;

namespace Punchlist.Tests.Reading.Org;

/// <summary>
/// `punch sync` on an Org file changes statistics cookies and nothing else: over generated Org files
/// (every line ending, a BOM, non-ASCII text), the synced text with each cookie blanked out equals the
/// original with each cookie blanked out, byte for byte; every change sits on a cookie; the cookies
/// then read what Org counts; and a second sync changes nothing.
/// </summary>
public sealed partial class OrgSyncProperties
{
    [Fact]
    public void Sync_changes_only_cookies_and_makes_them_true()
    {
        var property = Prop.ForAll(Arb.From(OrgText.Document()), (string text) =>
        {
            var original = SourceText.FromBytes(System.Text.Encoding.UTF8.GetBytes(text));
            var result = SyncSpecTests.Sync(original, SyncOptions.Default, path: "sync.org");
            string final = result.Final.Text;

            Assert.Equal(original.Encoding, result.Final.Encoding);
            Assert.Equal(Blank(original.Text), Blank(final));
            Assert.True(Blank(original.Bytes) .SequenceEqual(Blank(result.Final.Bytes)), "bytes outside cookies changed");
            Assert.All(result.Changes, c => Assert.Matches(Cookie(), c.Old));

            var after = DocumentReader.Default.Read("sync.org", result.Final);
            Assert.All(OrgCookies.Of(after), c => Assert.Equal(c.Truth(after.Source.Slice(c.Span)), after.Source.Slice(c.Span)));
            Assert.False(SyncSpecTests.Sync(result.Final, SyncOptions.Default, path: "sync.org").Changed, "a second sync changed it again");
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(600).WithEndSize(40).WithReplay(20260102, 91), property);
    }

    // Every cookie-shaped text replaced by `[]`: what must be identical before and after a sync.
    private static string Blank(string text) => Cookie().Replace(text, "[]");

    private static byte[] Blank(byte[] bytes) => System.Text.Encoding.Latin1.GetBytes(Cookie().Replace(System.Text.Encoding.Latin1.GetString(bytes), "[]"));

    [GeneratedRegex(@"\[\d*(?:%|/\d*)\]")]
    private static partial Regex Cookie();
}
