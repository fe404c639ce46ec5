namespace Punchlist.Server.Tests.Support;

/// <summary>One server over a copy of samples/ shared by a test class; its client follows no redirects.</summary>
public sealed class SampleServer : IAsyncLifetime
{
    public ServerFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Factory.ReadyAsync();
        Client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
