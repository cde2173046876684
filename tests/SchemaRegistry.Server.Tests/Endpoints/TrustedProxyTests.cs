using System.Net;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// Behind a proxy every client arrives from the proxy's address: with <c>Registry:TrustedProxies</c> the limiter sees the
/// address the proxy forwards; without it a forwarded address is ignored, so a client cannot escape its bucket by
/// sending one.
/// </summary>
public sealed class TrustedProxyTests
{
    private static Dictionary<string, string?> Settings(string? trusted) => new()
    {
        ["Registry:RateLimit:PermitsPerSecond"] = "0.2",
        ["Registry:RateLimit:Burst"] = "3",
        ["Registry:TrustedProxies"] = trusted,
    };

    private static async Task<HttpStatusCode> AnonymousAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/subjects");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await http.SendAsync(request)).StatusCode;
    }

    private static async Task ExhaustAsync(HttpClient http, string forwardedFor)
    {
        for (var i = 0; i < 20; i++)
        {
            if (await AnonymousAsync(http, forwardedFor) == HttpStatusCode.TooManyRequests)
            {
                return;
            }
        }
        throw new Xunit.Sdk.XunitException("20 rapid requests were never limited.");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket()
    {
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, Settings("127.0.0.1, ::1"));
        using var anonymous = server.Http(token: null);

        await ExhaustAsync(anonymous, "198.51.100.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, await AnonymousAsync(anonymous, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await AnonymousAsync(anonymous, "203.0.113.9"));
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_address_is_ignored()
    {
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, Settings(null));
        using var anonymous = server.Http(token: null);

        await ExhaustAsync(anonymous, "198.51.100.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, await AnonymousAsync(anonymous, "203.0.113.9"));
    }

    [Fact]
    public async Task A_malformed_proxy_entry_stops_the_server_with_the_setting_named()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RegistryServer.StartAsync(Store.Sqlite, Settings("10.0.0.0/33")));
        Assert.Contains("Registry:TrustedProxies", error.Message, StringComparison.Ordinal);
    }
}
