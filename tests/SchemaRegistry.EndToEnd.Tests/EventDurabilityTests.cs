using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>The server SIGKILLed in the middle of a burst of changes loses no event of an acknowledged change.</summary>
public sealed class EventDurabilityTests
{
    private const string Admin = "sr_burst_admin_token_0123456789abcdef";

    [Fact]
    public async Task A_sigkill_in_a_burst_of_1000_changes_loses_no_event_and_leaves_no_gap()
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin };
        var acknowledged = new ConcurrentBag<string>();
        await using (var server = await ServerProcess.StartAsync(dir.Path, environment))
        {
            using var http = Client(server.Url);
            var next = -1;
            var workers = Enumerable.Range(0, 8).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < 1000)
                {
                    var fqid = $"finance.raw.burst:v1.{i}";
                    try
                    {
                        using var response = await http.PostAsync("v1/schema", new StringContent(
                            "{\"fqid\":\"" + fqid + "\",\"owner\":\"o\",\"payload\":{\"type\":\"object\"}}", Encoding.UTF8, "application/json"));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(fqid);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            }).ToList();
            while (acknowledged.Count < 150)
            {
                await Task.Delay(20);
            }
            await server.KillAsync();
            await Task.WhenAll(workers);
        }

        await using var restarted = await ServerProcess.StartAsync(dir.Path, environment);
        using var reader = Client(restarted.Url);
        var events = await EventFeed.ReadAllAsync(reader);

        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        var registered = events.Where(e => e.GetProperty("type").GetString() == "SchemaRegistered").Select(e => e.GetProperty("subject").GetString()).ToHashSet();
        Assert.True(acknowledged.Count >= 150);
        Assert.All(acknowledged, fqid => Assert.Contains(fqid, registered));
    }

    private static HttpClient Client(Uri url)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        return http;
    }
}
