using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Punchlist.Server.Data;
using Punchlist.Tests.Support;

namespace Punchlist.Server.Tests.Support;

/// <summary>
/// The real server (Program.cs, every service and middleware) over a copy of samples/ in a temporary
/// folder, judged as of a fixed day, with a write token. Tests never write beside their inputs.
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    public const string WriteToken = "test-write-token";
    public static readonly DateOnly Today = new(2026, 11, 21);

    private readonly Dictionary<string, string?> _settings;

    public ServerFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Workspace = SampleCopy.Create();
        _settings = new Dictionary<string, string?>
        {
            ["Punchlist:Workspace"] = Workspace.Root,
            ["Punchlist:Today"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Punchlist:Token"] = WriteToken,
            ["Punchlist:DebounceMilliseconds"] = "50",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TempWorkspace Workspace { get; }

    public IWorkspaceStore Store => Services.GetRequiredService<IWorkspaceStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
    }

    /// <summary>Waits (bounded) until the first scan and its check have finished.</summary>
    public async Task<ServerFactory> ReadyAsync()
    {
        _ = Services; // builds and starts the host
        for (int i = 0; i < 600; i++)
        {
            if (Store.Current is { } snapshot && Store.Analysis.Version == snapshot.Version)
            {
                return this;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the server did not finish its first scan and check within 30 s");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Workspace.Dispose();
        }
    }
}

/// <summary>A copy of the repository's samples/ (without any index a local run left in it).</summary>
public static class SampleCopy
{
    public static TempWorkspace Create()
    {
        var workspace = new TempWorkspace();
        string samples = Path.Combine(Repo.Root, "samples");
        foreach (string file in Directory.GetFiles(samples, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(samples, file).Replace('\\', '/');
            if (!relative.StartsWith(".punchlist/", StringComparison.Ordinal))
            {
                workspace.Write(relative, File.ReadAllBytes(file));
            }
        }

        return workspace;
    }
}
