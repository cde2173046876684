using System.Net;
using Microsoft.AspNetCore.Builder;
using IPNetwork = System.Net.IPNetwork;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the proxies named in <c>Registry:TrustedProxies</c> (addresses
/// or CIDR networks, comma-separated), so that rate limiting and failed-sign-in logs see the client's address and HTTPS at the proxy counts
/// as HTTPS. Off when none is named: a registry reached directly must not let a client choose its own address.
/// </summary>
internal static class ForwardedHeaders
{
    public static IReadOnlyList<IPNetwork> Parse(string? entries) =>
        (entries ?? "").Split(',').Select(entry => entry.Trim()).Where(entry => entry.Length > 0).Select(entry =>
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                return network;
            }
            if (IPAddress.TryParse(entry, out var address))
            {
                return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            }
            throw new InvalidOperationException(
                $"Registry:TrustedProxies: '{entry}' is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8).");
        }).ToList();

    public static void UseTrustedProxies(this IApplicationBuilder app, IReadOnlyList<IPNetwork> proxies)
    {
        if (proxies.Count == 0)
        {
            return;
        }
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = null, // walk back through every trusted hop (a load balancer in front of a local proxy)
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in proxies)
        {
            options.KnownIPNetworks.Add(network);
        }
        app.UseForwardedHeaders(options);
    }
}
