using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Testing;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>A real registry on a loopback port, over a fresh SQLite file or PostgreSQL database.</summary>
public sealed class RegistryServer : IAsyncDisposable
{
    public const string AdminToken = "sr_test_admin_token_0123456789abcdef";

    private WebApplication _app;
    private readonly TempDirectory _dir;
    private readonly string? _postgresUrl;
    private readonly Dictionary<string, string?> _overrides;
    private bool _stopped;

    private RegistryServer(WebApplication app, TempDirectory dir, string? postgresUrl, Dictionary<string, string?> overrides)
    {
        _app = app;
        _dir = dir;
        _postgresUrl = postgresUrl;
        _overrides = overrides;
        BaseAddress = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    /// <summary>Stops the server, keeping its data (an outage).</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopped = true;
    }

    /// <summary>Starts the server again on the same address and data.</summary>
    public async Task RestartAsync()
    {
        var overrides = new Dictionary<string, string?>(_overrides) { ["Registry:Urls"] = BaseAddress.ToString().TrimEnd('/') };
        _app = await RegistryHost.BuildAsync(overrides, CancellationToken.None);
        await _app.StartAsync();
        _stopped = false;
    }

    public Uri BaseAddress { get; }

    public string DataDir => _dir.Path;

    /// <summary>The running application's services (its endpoint table, for one).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<RegistryServer> StartAsync(Store store, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dir = new TempDirectory();
        var postgres = store == Store.Postgres ? await TestPostgres.CreateDatabaseAsync() : null;
        var overrides = new Dictionary<string, string?>
        {
            ["Registry:Urls"] = "http://127.0.0.1:0",
            ["Registry:DataDir"] = dir.Path,
            ["Registry:AdminToken"] = AdminToken,
            ["Registry:Database"] = postgres,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }
        var app = await RegistryHost.BuildAsync(overrides, CancellationToken.None);
        await app.StartAsync();
        return new RegistryServer(app, dir, postgres, overrides);
    }

    /// <summary>A raw HTTP client, for checking statuses and bodies exactly as curl would see them.</summary>
    public HttpClient Http(string? token = AdminToken)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    public RegistryClient Client(string? token = AdminToken) => new(BaseAddress, token);

    /// <summary>Creates a key with <paramref name="role"/> and returns its secret.</summary>
    public async Task<string> KeyAsync(string name, string role)
    {
        using var admin = Client();
        var key = await admin.CreateKeyAsync(new CreateKeyRequest(name, role));
        return key.Secret!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_postgresUrl is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresUrl);
        }
        _dir.Dispose();
    }
}
