using System.Globalization;
using System.Net;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>A token bucket per key (5 per second, burst 5): 429 REQ-1004 with Retry-After, other keys unaffected.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
    {
        ["Registry:RateLimit:PermitsPerSecond"] = "5",
        ["Registry:RateLimit:Burst"] = "5",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Sends requests until one is refused; returns how many passed first and the refusal.</summary>
    private static async Task<(int Passed, HttpResponseMessage Refused)> ExhaustAsync(HttpClient http, string path = "v1/subjects")
    {
        for (var i = 0; i < 50; i++)
        {
            var response = await http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (i, response);
            }
        }
        throw new Xunit.Sdk.XunitException("50 rapid requests were never limited.");
    }

    [Fact]
    public async Task A_key_over_its_burst_gets_429_with_retry_after_while_another_key_is_unaffected_and_it_passes_again_later()
    {
        using var first = _server.Http(await _server.KeyAsync("first", "reader"));
        using var second = _server.Http(await _server.KeyAsync("second", "reader"));

        var (passed, refused) = await ExhaustAsync(first);

        // The burst of 5 passes (a few more if the bucket refilled while the loop ran), then 429.
        Assert.InRange(passed, 5, 9);
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests, "REQ-1004");
        Assert.Contains("requests per second", problem.Detail, StringComparison.Ordinal);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 2);

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("v1/subjects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("readyz")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(retryAfter + 0.2));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("v1/subjects")).StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_are_never_limited()
    {
        using var anonymous = _server.Http(token: null);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(i % 2 == 0 ? "healthz" : "readyz")).StatusCode);
        }
    }

    [Fact]
    public async Task Requests_without_a_valid_key_share_a_bucket_per_address()
    {
        using var anonymous = _server.Http("sr_not_a_real_key");
        var (passed, refused) = await ExhaustAsync(anonymous);
        Assert.InRange(passed, 5, 9);
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests, "REQ-1004");
        Assert.Contains("unauthenticated", problem.Detail, StringComparison.Ordinal);

        using var keyed = _server.Http(await _server.KeyAsync("keyed", "reader"));
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("v1/subjects")).StatusCode);
    }

    [Fact]
    public async Task Limiting_is_off_by_default()
    {
        await using var server = await RegistryServer.StartAsync(Store.Sqlite);
        using var http = server.Http();
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v1/subjects")).StatusCode);
        }
    }
}
