using Punchlist.Search;

namespace Punchlist.Tests.Search;

public sealed class TechDictionaryTests
{
    [Theory]
    [InlineData("Create `docker-compose.backup.yml`", "Docker")]
    [InlineData("Write a Dockerfile for the worker", "Docker")]
    [InlineData("Deploy to k8s with a Helm chart", "Kubernetes Helm")]
    [InlineData("Backups for PostgreSQL (`pg_dump`), MariaDB and Redis (`redis-cli save`)", "PostgreSQL MariaDB Redis")]
    [InlineData("Move the Postgres cluster", "PostgreSQL")]
    [InlineData("Set up GitHub Actions for CI", "GitHub Actions")]
    [InlineData("Go through the node list and react to alerts", "")]
    [InlineData("Port the service to Golang", "Go")]
    [InlineData("dockerless setup; redistribute load", "")]
    public void Technologies_are_found_by_their_names_as_whole_words(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', TechDictionary.Default.Find(text)));

    [Theory]
    [InlineData("k8s", "Kubernetes")]
    [InlineData("Postgres", "PostgreSQL")]
    [InlineData("go", "Go")]
    [InlineData("docker-compose", "Docker")]
    [InlineData("cobol", null)]
    public void Aliases_and_names_resolve_to_the_canonical_name(string name, string? canonical) =>
        Assert.Equal(canonical, TechDictionary.Default.Canonical(name));
}
