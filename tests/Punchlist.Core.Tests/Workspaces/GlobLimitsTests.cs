using Punchlist.Workspaces;

namespace Punchlist.Tests.Workspaces;

/// <summary>Globs too wild to match in bounded time are refused in one line (the fuzzer's 1.4 KB include pattern hung the matcher).</summary>
public sealed class GlobLimitsTests
{
    [Fact]
    public void The_fuzzers_include_pattern_is_refused_and_says_why()
    {
        string pattern = "docs/" + string.Concat(Enumerable.Repeat("**/*s/", 60)) + "*.md";
        var e = Assert.Throws<GlobException>(() => Globs.Parse(pattern));
        Assert.Contains("'**'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs/**/a/**/b/**/c/**/d/**/e.md", "'**'")]
    [InlineData("*a*b*c*d*e*f*g*h*i*j*k*l*m.md", "wildcards")]
    public void Past_a_bound_is_refused(string pattern, string reason)
    {
        var e = Assert.Throws<GlobException>(() => Globs.Parse(pattern));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_longer_than_the_limit_is_refused()
    {
        Assert.Throws<GlobException>(() => Globs.Parse(new string('a', Globs.MaxLength + 1) + ".md"));
    }

    [Fact]
    public async Task The_wildest_allowed_pattern_matches_a_deep_path_without_hanging()
    {
        // Four `**` and twelve wildcards in all, against a path of 40 folders that almost matches.
        var glob = Globs.Parse("**/*s*/**/*s*/**/*s*/**/s?.m?");
        string path = string.Join('/', Enumerable.Repeat("sss", 40)) + "/x.md";
        bool matched = await Task.Run(() => glob.IsMatch(path)).WaitAsync(TimeSpan.FromSeconds(20)); // TimeoutException: it hung
        Assert.False(matched);
        Assert.True(Globs.Parse("docs/**/*.md").IsMatch("docs/a/b/c.md"));
    }
}
