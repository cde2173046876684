using Microsoft.AspNetCore.Builder;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Testing;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>A real registry with the console door on a loopback port, over a fresh SQLite file (or a given database).</summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    public const string AdminToken = "sr_test_admin_token_0123456789abcdef";

    private readonly WebApplication _app;
    private readonly TempDirectory _dir;

    private ConsoleServer(WebApplication app, TempDirectory dir)
    {
        _app = app;
        _dir = dir;
        BaseAddress = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's origin without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string Origin => BaseAddress.ToString().TrimEnd('/');

    public string DataDir => _dir.Path;

    public IServiceProvider Services => _app.Services;

    public static async Task<ConsoleServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dir = new TempDirectory();
        var overrides = new Dictionary<string, string?>
        {
            ["Registry:Urls"] = "http://127.0.0.1:0",
            ["Registry:DataDir"] = dir.Path,
            ["Registry:AdminToken"] = AdminToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }
        var app = await RegistryHost.BuildAsync(overrides, [new ConsoleDoor()], CancellationToken.None);
        await app.StartAsync();
        return new ConsoleServer(app, dir);
    }

    /// <summary>A raw HTTP client that follows no redirects and keeps no cookies, for statuses and headers as sent.</summary>
    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

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
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
