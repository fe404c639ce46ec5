using Punchlist.Workspaces;

namespace Punchlist.Tests.Workspaces;

/// <summary>C3: `.gitignore` bracket expressions read as git's wildmatch reads them.</summary>
public sealed class GitIgnoreLineTests
{
    [Theory]
    [InlineData("[")]
    [InlineData("[a")]
    [InlineData("[]")]
    [InlineData("foo[")]
    [InlineData("[!a-")]
    [InlineData("x[[:nosuch:]]")]
    public void A_line_git_never_matches_is_dropped(string line) => Assert.Null(GitIgnoreLine.Normalise(line));

    [Theory]
    [InlineData("*.py[cod]", "*.py[cod]")]
    [InlineData("[Bb]in/", "[Bb]in/")]
    [InlineData("[[:space:]]", "[[:space:]]")]
    [InlineData("[z-a].md", "[z].md")]
    [InlineData("[]a]", "[\\]a]")]
    [InlineData("[!a-c]x", "[!aa-c]x")]
    [InlineData("plain", "plain")]
    public void A_bracket_expression_is_rewritten_in_one_plain_form(string line, string expected) =>
        Assert.Equal(expected, GitIgnoreLine.Normalise(line));

    [Fact]
    public void Every_line_of_a_hostile_gitignore_parses()
    {
        var list = IgnoreRules.Parse("[\n[a\n[]\nfoo[\n[!a-\n[z-a]\n*.py[cod]\n\\\n[\\\n  \n#[\n");
        Assert.True(list.IsIgnored("z", false));
        Assert.True(list.IsIgnored("x.pyc", false));
        Assert.False(list.IsIgnored("a", false));
    }
}
