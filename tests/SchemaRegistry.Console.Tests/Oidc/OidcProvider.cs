using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SchemaRegistry.Testing;
using SchemaRegistry.Ui.Tests.Harness;

namespace SchemaRegistry.Ui.Tests.Oidc;

/// <summary>
/// node's oidc-provider (provider.mjs beside this file) on loopback, with the console as its client, and a registry
/// whose console signs people in with it. Accounts: alice and bob are schema-admins, rita a reader, nora holds no
/// registry role; every account's <c>preferred_username</c> is <c>{id}@example.test</c>.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "schemareg-console";
    public const string ClientSecret = "console-secret-0123456789abcdef";

    private static readonly string Script = Path.Combine(Repository.Root, "tests", "SchemaRegistry.Console.Tests", "Oidc", "provider.mjs");
    private readonly Process _node;

    private OidcProvider(Process node, string issuer, ConsoleServer server)
    {
        _node = node;
        Issuer = issuer;
        Server = server;
    }

    /// <summary><c>http://localhost:PORT</c>: another site than the registry's <c>http://127.0.0.1:PORT</c>.</summary>
    public string Issuer { get; }

    public ConsoleServer Server { get; }

    public static async Task<OidcProvider> StartAsync()
    {
        await ConsoleNpm.EnsureAsync("oidc-provider");
        // The client's redirect URI names the registry's port, so the port is chosen before either starts.
        var port = FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Script, ConsoleNpm.Modules, $"http://127.0.0.1:{port}/ui/signin-oidc", ClientId, ClientSecret })
        {
            start.ArgumentList.Add(argument);
        }
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stderr = node.StandardError.ReadToEndAsync();
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? issuer = null;
            while (issuer is null)
            {
                var line = await node.StandardOutput.ReadLineAsync(cancel.Token)
                    ?? throw new InvalidOperationException($"oidc-provider exited before it listened: {await stderr}");
                if (line.StartsWith("ISSUER ", StringComparison.Ordinal))
                {
                    issuer = line["ISSUER ".Length..].Trim();
                }
            }
            var server = await ConsoleServer.StartAsync(new Dictionary<string, string?>
            {
                ["Registry:Urls"] = $"http://127.0.0.1:{port}",
                ["Registry:Oidc:Authority"] = issuer,
                ["Registry:Oidc:Audience"] = "schemareg-api",
                ["Registry:Oidc:RequireHttpsMetadata"] = "false",
                ["Registry:Console:OidcClientId"] = ClientId,
                ["Registry:Console:OidcClientSecret"] = ClientSecret,
                ["Registry:Console:OidcScopes:0"] = "roles",
            });
            return new OidcProvider(node, issuer, server);
        }
        catch
        {
            node.Kill(entireProcessTree: true);
            node.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _node.Kill(entireProcessTree: true);
        await _node.WaitForExitAsync();
        _node.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
