using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Testing;

/// <summary>A real registry (with the doors asked for) on a loopback port, over a fresh SQLite file or PostgreSQL database.</summary>
public sealed class RegistryServer : IAsyncDisposable
{
    public const string AdminToken = "sr_test_admin_token_0123456789abcdef";

    private WebApplication _app;
    private readonly TempDirectory _dir;
    private readonly string? _postgresUrl;
    private readonly Dictionary<string, string?> _overrides;
    private readonly IReadOnlyList<IRegistryDoor> _doors;
    private bool _stopped;

    private RegistryServer(WebApplication app, TempDirectory dir, string? postgresUrl, Dictionary<string, string?> overrides, IReadOnlyList<IRegistryDoor> doors)
    {
        _app = app;
        _dir = dir;
        _postgresUrl = postgresUrl;
        _overrides = overrides;
        _doors = doors;
        BaseAddress = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>The base address without its final '/', as Kafka clients are configured.</summary>
    public string Url => BaseAddress.ToString().TrimEnd('/');

    public string DataDir => _dir.Path;

    /// <summary>The running application's services (its endpoint table, for one).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<RegistryServer> StartAsync(Store store = Store.Sqlite, IReadOnlyDictionary<string, string?>? settings = null,
        IReadOnlyList<IRegistryDoor>? doors = null)
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
        var app = await RegistryHost.BuildAsync(overrides, doors ?? [], CancellationToken.None);
        await app.StartAsync();
        return new RegistryServer(app, dir, postgres, overrides, doors ?? []);
    }

    /// <summary>Stops the server, keeping its data (an outage).</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopped = true;
    }

    /// <summary>Starts the server again on the same address and data (stopping it first when it runs).</summary>
    public async Task RestartAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }
        var overrides = new Dictionary<string, string?>(_overrides) { ["Registry:Urls"] = Url };
        _app = await RegistryHost.BuildAsync(overrides, _doors, CancellationToken.None);
        await _app.StartAsync();
        _stopped = false;
    }

    /// <summary>A raw HTTP client sending our API's Bearer header, for checking statuses and bodies exactly as curl would see them.</summary>
    public HttpClient Http(string? token = AdminToken)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    /// <summary>A raw HTTP client sending HTTP Basic with <paramref name="secret"/> as the password (no header when null), as Kafka clients do.</summary>
    public HttpClient Basic(string? secret = AdminToken, string user = "kafka-client")
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (secret is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
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
