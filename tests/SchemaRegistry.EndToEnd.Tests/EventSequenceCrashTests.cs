using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;
using Xunit.Abstractions;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// A real <c>schemareg serve</c> SIGKILLed at random points of a concurrent write workload (registrations, edits,
/// validations, key creations and revocations), started again each time: afterwards the events are numbered 1..N
/// without a gap, and each ledger entry has its event's sequence. (Issue 22: on PostgreSQL, whose identity counter
/// burned the numbers of the transactions a kill aborted, 10 gaps over 25 kill points.) Run per database by
/// <see cref="SqliteEventSequenceCrashTests"/> and <see cref="PostgresEventSequenceCrashTests"/>.
/// </summary>
public abstract class EventSequenceCrashTests(ITestOutputHelper output)
{
    private const string Admin = "sr_sequence_admin_token_0123456789abcdef";
    private const int KillPoints = 20;
    private const int Writers = 6;

    /// <summary>The workload's cycles against one database (<paramref name="database"/> null: SQLite in the data folder).</summary>
    protected async Task KillAtRandomPointsAsync(string? database)
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin };
        if (database is not null)
        {
            environment["SCHEMAREG_DATABASE_URL"] = database;
        }
        var random = new Random(22);
        var acknowledged = 0;
        for (var kill = 0; kill < KillPoints; kill++)
        {
            await using var server = await ServerProcess.StartAsync(dir.Path, environment);
            using var http = Client(server.Url);
            using var stop = new CancellationTokenSource();
            var cycle = kill;
            var before = Volatile.Read(ref acknowledged);
            var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        if (await WriteAsync(http, cycle, writer, i))
                        {
                            Interlocked.Increment(ref acknowledged);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
                    {
                        return;
                    }
                }
            })).ToList();
            // Kill in full flow: after a random number of acknowledged changes (a slow start must not make it a kill at rest),
            // at a random instant between two of them.
            var target = before + random.Next(2, 25);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Volatile.Read(ref acknowledged) < target && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            await Task.Delay(random.Next(0, 40));
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await ServerProcess.StartAsync(dir.Path, environment);
        using var reader = Client(restarted.Url);
        var events = await EventFeed.ReadAllAsync(reader);
        var ledger = await EventFeed.ReadLedgerAsync(reader);

        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        var gaps = sequences.Zip(sequences.Skip(1)).Count(p => p.Second != p.First + 1);
        output.WriteLine($"{KillPoints} kill points, {acknowledged} acknowledged changes, {events.Count} events, {gaps} gap(s), {ledger.Count} ledger entries.");
        Assert.True(acknowledged > KillPoints, "The workload wrote too little to mean anything.");
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        Assert.Equal(events.Count, ledger.Count);
        Assert.Equal(
            events.Select(e => (e.GetProperty("sequence").GetInt64(), e.GetProperty("type").GetString(), Target(e.GetProperty("subject").GetString()))),
            ledger.Select(l => (l.GetProperty("sequence").GetInt64(), l.GetProperty("action").GetString(), l.GetProperty("target").GetString()!)));
    }

    /// <summary>One change of the mix; true when the server acknowledged it.</summary>
    private static async Task<bool> WriteAsync(HttpClient http, int cycle, int writer, int i)
    {
        var fqid = $"finance.raw.crash{cycle}w{writer}:v1.{i / 3}";
        HttpResponseMessage response = (i % 6) switch
        {
            0 or 3 => await http.PostAsync("v1/schema", Json("{\"fqid\":\"" + fqid + "\",\"owner\":\"o\",\"payload\":{\"type\":\"object\"}}")),
            1 => await http.PostAsync("v1/schema/validate", Json("{\"fqid\":\"" + fqid + "\"}")),
            2 => await http.PutAsync($"v1/schema/{fqid}", Json("{\"fqid\":\"" + fqid + "\",\"owner\":\"o2\",\"payload\":{\"type\":\"object\"}}")),
            4 => await http.PostAsync("v1/keys", Json($"{{\"name\":\"k{cycle}-{writer}-{i}\",\"role\":\"reader\"}}")),
            _ => await RevokeNewestReaderAsync(http, cycle, writer, i),
        };
        using (response)
        {
            return response.IsSuccessStatusCode;
        }
    }

    private static async Task<HttpResponseMessage> RevokeNewestReaderAsync(HttpClient http, int cycle, int writer, int i)
    {
        var created = await http.PostAsync("v1/keys", Json($"{{\"name\":\"r{cycle}-{writer}-{i}\",\"role\":\"reader\"}}"));
        if (!created.IsSuccessStatusCode)
        {
            return created;
        }
        using (created)
        {
            var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            return await http.DeleteAsync($"v1/keys/{id}");
        }
    }

    private static string Target(string? subject) => string.IsNullOrEmpty(subject) ? "-" : subject;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpClient Client(Uri url)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        return http;
    }
}
