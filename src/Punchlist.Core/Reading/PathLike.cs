using System.Buffers;
using System.Collections.Frozen;

namespace Punchlist.Reading;

/// <summary>Decides whether a backticked or listed token names a file, and where it points.</summary>
public static class PathLike
{
    private static readonly SearchValues<char> NotInPaths = SearchValues.Create(" \t()=<>\"',;{}|$!?");

    private static readonly FrozenSet<string> Extensions = new[]
    {
        "md", "markdown", "mdx", "txt", "rst", "adoc", "org", "yml", "yaml", "json", "jsonc", "toml", "ini", "cfg", "conf",
        "env", "xml", "csv", "tsv", "sql", "js", "mjs", "cjs", "ts", "tsx", "jsx", "vue", "svelte", "py", "pyi", "ipynb",
        "cs", "csproj", "sln", "slnx", "props", "targets", "fs", "vb", "go", "mod", "sum", "rs", "java", "kt", "kts", "gradle",
        "scala", "rb", "php", "pl", "pm", "lua", "swift", "m", "h", "c", "cc", "cpp", "hpp", "dart", "ex", "exs", "erl",
        "hs", "clj", "zig", "sh", "bash", "zsh", "fish", "ps1", "psm1", "bat", "cmd", "html", "htm", "css", "scss", "sass",
        "less", "svg", "png", "jpg", "jpeg", "gif", "ico", "webp", "pdf", "lock", "tf", "tfvars", "hcl", "nix", "dockerfile",
        "j2", "jinja", "tpl", "tmpl", "template", "example", "sample", "dist", "proto", "graphql", "gql", "service", "timer",
        "rules", "pem", "crt", "key", "log", "plist", "properties", "gitignore", "dockerignore", "editorconfig", "cjs",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> BareNames = new[]
    {
        "Makefile", "Dockerfile", "Containerfile", "Jenkinsfile", "Procfile", "Gemfile", "Rakefile", "Vagrantfile",
        "Justfile", "Taskfile", "LICENSE", "CODEOWNERS", "README", "CHANGELOG", "Brewfile", "Pipfile",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for `docs/config/`, `docker-compose.yml`, `.dockerignore`, `Makefile`, `dockerfile/*.Dockerfile`.</summary>
    public static bool IsPath(string token)
    {
        if (token.Length is 0 or > 260 || token.AsSpan().IndexOfAny(NotInPaths) >= 0 || !HasLetter(token))
        {
            return false;
        }

        if (IsUrl(token))
        {
            return false;
        }

        int dot = token.LastIndexOf('.');
        bool extension = dot > 0 && dot < token.Length - 1 && Extensions.Contains(token[(dot + 1)..]);
        if (token[0] == '/' && !extension && !token.EndsWith('/'))
        {
            return false; // `/api/health` is a route, not a file
        }

        if (token.Contains('/', StringComparison.Ordinal) || token.Contains('\\', StringComparison.Ordinal))
        {
            return true;
        }

        if (BareNames.Contains(token) || (token.Length > 1 && token[0] == '.' && char.IsLetter(token[1])))
        {
            return true;
        }

        return extension;
    }

    private static bool HasLetter(string token)
    {
        foreach (char c in token)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsUrl(string target) =>
        target.Contains("://", StringComparison.Ordinal)
        || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
        || target.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>`e:\Apps\backend\`, `C:/x`, `\\server\share`: a path that cannot be inside the workspace.</summary>
    public static bool IsOutsideWorkspace(string target) =>
        IsUrl(target)
        || (target.Length >= 2 && char.IsAsciiLetter(target[0]) && target[1] == ':')
        || target.StartsWith(@"\\", StringComparison.Ordinal)
        || target.StartsWith('~');
}
