using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// Whether the addresses the registry would listen on are free, asked before anything starts: a port in use must
/// stop <c>serve</c> before it creates a data folder or mints an admin key, with one line instead of the host's
/// start-up failure and its stack traces.
/// </summary>
public static class ListenAddresses
{
    /// <summary>The configured listen URLs (<c>Registry:Urls</c>, from the same sources as the host).</summary>
    public static IReadOnlyList<string> Configured(IReadOnlyDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder();
        RegistryConfiguration.AddSources(configuration, overrides);
        var urls = configuration.Build().GetSection(RegistryOptions.Section)["Urls"] ?? new RegistryOptions().Urls;
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The first URL whose port another process listens on, or null when all are free (or not checkable here).</summary>
    public static string? FirstInUse(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (Endpoint(url) is not { } endpoint)
            {
                continue;
            }
            var listener = new TcpListener(endpoint);
            try
            {
                listener.Start();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
            catch (SocketException)
            {
                // Not ours to judge (an address this machine does not have): the host reports it.
            }
            finally
            {
                listener.Stop();
            }
        }
        return null;
    }

    private static IPEndPoint? Endpoint(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Port <= 0)
        {
            return null;
        }
        var host = uri.Host.Trim('[', ']');
        var address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        return address is null ? null : new IPEndPoint(address, uri.Port);
    }
}
