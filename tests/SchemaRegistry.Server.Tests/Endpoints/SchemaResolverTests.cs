using System.Net;
using System.Net.Sockets;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// The SDK's resolver against a real registry: exact versions are cached for good, aliases are revalidated with
/// If-None-Match, a timeout is PIPE-1001, and with the registry stopped the last known good copy keeps serving.
/// </summary>
public sealed class SchemaResolverTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Counts the requests that reach the wire (a real handler underneath).</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Requests;
        public int NotModified;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                Interlocked.Increment(ref NotModified);
            }
            return response;
        }
    }

    private async Task PublishAsync(string fqid)
    {
        using var admin = _server.Client();
        await admin.RegisterAsync(Schemas.Draft(fqid));
        await admin.PublishAsync(fqid, force: true, reason: "resolver test");
    }

    [Fact]
    public async Task Exact_versions_are_cached_forever_and_aliases_are_revalidated_and_follow_a_new_latest()
    {
        await PublishAsync("finance.gdp.invoice:v1.0");
        var counter = new CountingHandler();
        using var http = new HttpClient(counter) { BaseAddress = _server.BaseAddress };
        using var resolver = new SchemaResolver(http, RegistryServer.AdminToken, new SchemaResolverOptions { AliasRevalidateAfter = TimeSpan.FromMilliseconds(200) });

        var exact = await resolver.ResolveAsync("finance.gdp.invoice:v1.0");
        for (var i = 0; i < 1000; i++)
        {
            Assert.Same(exact, await resolver.ResolveAsync("finance.gdp.invoice:v1.0"));
        }
        Assert.Equal(1, counter.Requests);

        var latest = await resolver.ResolveAsync("finance.gdp.invoice:latest");
        Assert.Equal("finance.gdp.invoice:v1.0", latest.Schema.Fqid);
        Assert.True(resolver.TryGetCached("finance.gdp.invoice:latest", out _));
        await Task.Delay(300);
        Assert.False(resolver.TryGetCached("finance.gdp.invoice:latest", out _));
        Assert.Equal("finance.gdp.invoice:v1.0", (await resolver.ResolveAsync("finance.gdp.invoice:latest")).Schema.Fqid);
        Assert.Equal(1, counter.NotModified);

        await PublishAsync("finance.gdp.invoice:v1.1");
        await Task.Delay(300);
        Assert.Equal("finance.gdp.invoice:v1.1", (await resolver.ResolveAsync("finance.gdp.invoice:latest")).Schema.Fqid);
        // The version an alias resolved to is cached under its own FQID, immutable.
        Assert.True(resolver.TryGetCached("finance.gdp.invoice:v1.1", out var pinned));
        Assert.Equal("finance.gdp.invoice:v1.1", pinned.Schema.Fqid);
    }

    [Fact]
    public async Task With_the_registry_stopped_the_last_known_good_copy_keeps_serving()
    {
        await PublishAsync("finance.gdp.customer:v1.0");
        using var resolver = new SchemaResolver(_server.BaseAddress, RegistryServer.AdminToken,
            new SchemaResolverOptions { AliasRevalidateAfter = TimeSpan.FromMilliseconds(50), Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) });
        await resolver.ResolveAsync("finance.gdp.customer:latest");
        await resolver.ResolveAsync("finance.gdp.customer:v1.0");

        await _server.DisposeAsync();
        await Task.Delay(100);

        var stale = await resolver.ResolveAsync("finance.gdp.customer:latest");
        Assert.True(stale.Stale);
        Assert.Equal("finance.gdp.customer:v1.0", stale.Schema.Fqid);
        Assert.False((await resolver.ResolveAsync("finance.gdp.customer:v1.0")).Stale);
        var never = await Assert.ThrowsAsync<RegistryApiException>(() => resolver.ResolveAsync("finance.gdp.other:latest").AsTask());
        Assert.Equal(0, never.Status);
        _server = await RegistryServer.StartAsync(Store.Sqlite);
    }

    [Fact]
    public async Task A_registry_that_does_not_answer_is_PIPE_1001_after_the_retries()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptSocketAsync());
            }
        });
        using var resolver = new SchemaResolver(new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"), "token",
            new SchemaResolverOptions { Timeout = TimeSpan.FromMilliseconds(200), Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(10) });

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<RegistryApiException>(() => resolver.ResolveAsync("finance.gdp.invoice:v1.0").AsTask());

        Assert.Equal("PIPE-1001", error.Code);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(600), "three attempts of 200 ms each");
        silent.Stop();
        accepted.ForEach(s => s.Dispose());
    }
}
