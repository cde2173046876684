using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Testing;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Confluent.Tests.Harness;

public enum Store
{
    Sqlite,
    Postgres,
}

/// <summary>A real registry with the Confluent door on a loopback port, over a fresh SQLite file or PostgreSQL database.</summary>
public sealed class DoorServer : IAsyncDisposable
{
    public const string AdminToken = "sr_test_admin_token_0123456789abcdef";

    private WebApplication _app;
    private readonly TempDirectory _dir;
    private readonly string? _postgresUrl;
    private readonly Dictionary<string, string?> _overrides;
    private bool _stopped;

    private DoorServer(WebApplication app, TempDirectory dir, string? postgresUrl, Dictionary<string, string?> overrides)
    {
        _app = app;
        _dir = dir;
        _postgresUrl = postgresUrl;
        _overrides = overrides;
        BaseAddress = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public Uri BaseAddress { get; }

    public string Url => BaseAddress.ToString().TrimEnd('/');

    public string DataDir => _dir.Path;

    public IServiceProvider Services => _app.Services;

    public static async Task<DoorServer> StartAsync(Store store = Store.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
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
        var app = await RegistryHost.BuildAsync(overrides, [new ConfluentDoor()], CancellationToken.None);
        await app.StartAsync();
        return new DoorServer(app, dir, postgres, overrides);
    }

    /// <summary>Stops and starts the server again on the same address and data.</summary>
    public async Task RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        var overrides = new Dictionary<string, string?>(_overrides) { ["Registry:Urls"] = Url };
        _app = await RegistryHost.BuildAsync(overrides, [new ConfluentDoor()], CancellationToken.None);
        await _app.StartAsync();
    }

    /// <summary>A raw HTTP client sending HTTP Basic with <paramref name="secret"/> as the password (no header when null).</summary>
    public HttpClient Basic(string? secret = AdminToken, string user = "kafka-client")
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (secret is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
        }
        return http;
    }

    /// <summary>A raw HTTP client sending our API's Bearer header.</summary>
    public HttpClient Bearer(string? token = AdminToken)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    public RegistryClient Client(string? token = AdminToken) => new(BaseAddress, token);

    public async Task<string> KeyAsync(string name, string role)
    {
        using var admin = Client();
        return (await admin.CreateKeyAsync(new CreateKeyRequest(name, role))).Secret!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _stopped = true;
        }
        if (_postgresUrl is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresUrl);
        }
        _dir.Dispose();
    }
}
