using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Punchlist.Server.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Server.Tests.Browser;

/// <summary>
/// The real server on a loopback port (Kestrel, not the in-memory test server) over a copy of
/// samples/, and one headless Chromium for the whole test class: Debian's `chromium`, driven by
/// Playwright, never a browser Playwright downloads. Screenshots are kept as artefacts (<see cref="Screenshots"/>).
/// </summary>
public sealed class BrowserServer : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? _playwright;

    public ServerFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Where screenshots are kept: `$PUNCHLIST_ARTIFACTS/screenshots` (test.sh sets it to artifacts/), else the test output folder.</summary>
    public static string Screenshots => Path.Combine(
        Environment.GetEnvironmentVariable("PUNCHLIST_ARTIFACTS") is { Length: > 0 } artifacts ? artifacts : AppContext.BaseDirectory, "screenshots");

    /// <summary>axe-core's script, from the pinned npm package in tests/tools/axe-core.</summary>
    public string Axe { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (./test.sh does)");
        Factory.UseKestrel(0);
        Factory.StartServer();
        await Factory.ReadyAsync();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        string axe = Environment.GetEnvironmentVariable("PUNCHLIST_AXE_CORE") is { Length: > 0 } installed
            ? installed
            : NpmTool.Install(Path.Combine(Repo.Root, "tests", "tools", "axe-core"), "axe-core");
        Axe = await File.ReadAllTextAsync(Path.Combine(axe, "node_modules", "axe-core", "axe.min.js"));
        Directory.CreateDirectory(Screenshots);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh page at a desktop width (light or dark), its console errors collected.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (context, page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Factory.Dispose();
    }
}
