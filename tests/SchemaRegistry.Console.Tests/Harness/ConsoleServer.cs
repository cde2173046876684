using SchemaRegistry.Client;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>
/// A real registry with the console door on a loopback port, over a fresh SQLite file: the shared
/// <see cref="RegistryServer"/> with a <see cref="ConsoleDoor"/>, plus what the console's tests need (no-redirect,
/// cookie-less HTTP and the origin).
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    public const string AdminToken = RegistryServer.AdminToken;

    private readonly RegistryServer _server;

    private ConsoleServer(RegistryServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The server's origin without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string Origin => _server.Url;

    public string DataDir => _server.DataDir;

    public IServiceProvider Services => _server.Services;

    public static async Task<ConsoleServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await RegistryServer.StartAsync(Store.Sqlite, settings, [new ConsoleDoor()]));

    /// <summary>A raw HTTP client that follows no redirects and keeps no cookies, for statuses and headers as sent.</summary>
    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    public RegistryClient Client(string? token = AdminToken) => _server.Client(token);

    /// <summary>Creates a key with <paramref name="role"/> and returns its secret.</summary>
    public Task<string> KeyAsync(string name, string role) => _server.KeyAsync(name, role);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
