using Punchlist.Evidence.Sources;
using Punchlist.Reading;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Evidence;

/// <summary>
/// YAML nested deeper than any real file (found by the fuzzer: the recursion that builds YamlDotNet's
/// node tree overflowed the stack and ended the test process) is refused before it is built, in
/// punchlist.yml, in the repository's YAML and in front matter, flow or block alike; ordinary nesting
/// still loads. Each runs on a thread of the thread pool's stack size, where the overflow happened.
/// </summary>
public sealed class YamlDepthTests
{
    public static TheoryData<string> Deep() => new()
    {
        string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000),
        string.Concat(Enumerable.Repeat("[", 20_000)) + new string(']', 20_000),
        string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i) + "a:\n")) + new string(' ', 3_000) + "b: 1\n",
        string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i) + "- \n")),
    };

    [Theory]
    [MemberData(nameof(Deep))]
    public async Task Deep_yaml_is_refused_in_one_line(string yaml)
    {
        var load = await Task.Run(() => Yaml.Load(yaml));
        Assert.Empty(load.Documents);
        Assert.Contains("nest more than", load.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Deep))]
    public async Task A_deep_punchlist_yml_is_a_one_line_error(string yaml)
    {
        var e = await Assert.ThrowsAsync<PunchlistException>(() => Task.Run(() => ConfigLoader.Parse(yaml)));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [MemberData(nameof(Deep))]
    public async Task Deep_front_matter_is_kept_as_text_with_a_note(string yaml)
    {
        string text = "---\n" + yaml + "\n---\n# Plan\n\n- [ ] one\n";
        var document = await Task.Run(() => new DocumentReader(ReaderOptions.Default).Read("plan.md", System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Single(document.Items);
        Assert.Contains(document.Notes, n => n.Message.Contains("nested too deeply", StringComparison.Ordinal));
    }

    [Fact]
    public void Ordinary_nesting_still_loads()
    {
        var load = Yaml.Load("services:\n  web:\n    healthcheck:\n      test: [\"CMD\", \"curl\", {x: [1, 2]}]\n");
        Assert.Null(load.Problem);
        Assert.Single(load.Documents);
    }
}
