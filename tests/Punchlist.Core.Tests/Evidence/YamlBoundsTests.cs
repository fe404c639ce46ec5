using Punchlist.Evidence.Probes;
using Punchlist.Evidence.Sources;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Evidence;

/// <summary>
/// C2: YAML whose aliases expand beyond any file a person writes (a "billion laughs") is passed over
/// at once, while anchors as Compose files use them still work.
/// </summary>
public sealed class YamlBoundsTests
{
    // Nine lists of nine aliases, ten levels: 459 bytes that expand to 9^10 scalars.
    public static string Bomb(int levels)
    {
        var text = new System.Text.StringBuilder("x-a: &a [" + string.Join(",", Enumerable.Repeat("\"lol\"", 9)) + "]\n");
        for (int level = 1; level < levels; level++)
        {
            char name = (char)('a' + level), previous = (char)('a' + level - 1);
            text.Append($"x-{name}: &{name} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]\n");
        }

        text.Append($"services:\n  web:\n    image: nginx\n    healthcheck:\n      test: *{(char)('a' + levels - 1)}\n");
        return text.ToString();
    }

    [Fact]
    public void An_alias_bomb_in_a_compose_file_is_passed_over()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("docker-compose.yml", Bomb(10));
        var context = new ProbeContext(workspace.Root);

        Assert.Empty(context.Yaml("docker-compose.yml"));
        Assert.Empty(context.ComposeFiles);
    }

    [Fact]
    public void Anchors_and_merges_as_compose_files_use_them_are_read()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("docker-compose.yml", """
            x-common: &common
              restart: unless-stopped
              logging: {driver: json-file, options: {max-size: 10m}}
            services:
              web: {<<: *common, image: nginx}
              worker: {<<: *common, image: worker}
            """);
        var context = new ProbeContext(workspace.Root);

        Assert.Single(context.Yaml("docker-compose.yml"));
        Assert.Equal(2, context.ComposeServices.Count());
    }

    [Fact]
    public void The_bound_says_where_the_expansion_starts()
    {
        var load = Yaml.Load(Bomb(6));
        Assert.Empty(load.Documents);
        Assert.Contains("aliases expand to more than", load.Problem, StringComparison.Ordinal);
        Assert.True(load.At.Line > 0);
    }
}
