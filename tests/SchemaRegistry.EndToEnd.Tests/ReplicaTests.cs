using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;
using Xunit.Abstractions;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// Three <c>schemareg serve</c> replicas over one PostgreSQL database behave as one registry: started together (the
/// migrations race), hammered with 10,000 writes spread over all three, contested writes of one FQID through several
/// replicas at once have exactly one winner, the event stream has no gap and one registration event per FQID, the
/// webhook outbox delivers every event exactly once (no crash, so at-least-once never has to repeat), and a new
/// <c>latest</c> published on one replica is seen by the others within a second.
/// </summary>
public sealed class ReplicaTests(ITestOutputHelper output)
{
    private const string Admin = "sr_replica_admin_token_0123456789abcdef";
    private const int Operations = 10_000;
    private const int Workers = 32;
    private const string Payload = """{"type":"object","properties":{"id":{"type":"string"}}}""";

    private enum Kind
    {
        Register,
        ContestedRegister,
        ContestedPublish,
    }

    /// <summary>One FQID's share of the hammer: a registration, k registrations of it at once, or a registration then k force publishes at once.</summary>
    private sealed record Unit(Kind Kind, string Fqid, int Contenders)
    {
        public int Operations => Kind switch
        {
            Kind.Register => 1,
            Kind.ContestedRegister => Contenders,
            _ => 1 + Contenders,
        };
    }

    private sealed record Outcome(int Status, string? Code, int Replica);

    [Fact]
    public async Task Three_replicas_over_one_postgres_lose_and_duplicate_nothing_under_10000_concurrent_writes()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["SCHEMAREG_ADMIN_TOKEN"] = Admin,
            ["SCHEMAREG_DATABASE_URL"] = database,
            // Replicas share the blob store, as they would share a bucket.
            ["SCHEMAREG_BLOBS_URL"] = "file:" + Path.Combine(dir.Path, "blobs"),
            // Each replica polls for due deliveries every 20 ms rather than 250, so that the lease changes hands
            // often (the harder case for exactly-once) and the outbox keeps up within the test's time.
            ["SCHEMAREG__Registry__DeliveryPollMs"] = "20",
        };
        var starting = Enumerable.Range(0, 3).Select(i =>
        {
            var home = Directory.CreateDirectory(Path.Combine(dir.Path, $"replica{i}")).FullName;
            return ServerProcess.StartAsync(home, environment);
        }).ToList();
        var replicas = new List<ServerProcess>();
        var clients = new List<HttpClient>();
        try
        {
            // Started at once on an empty database: the advisory lock must serialise the three migrations.
            try
            {
                replicas.AddRange(await Task.WhenAll(starting));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                Assert.Fail($"A replica did not start next to the others: {e.Message}");
            }
            clients.AddRange(replicas.Select(r => Client(r.Url)));
            await RunAsync(clients, receiver);
        }
        catch
        {
            for (var i = 0; i < replicas.Count; i++)
            {
                output.WriteLine($"--- replica {i} output ---\n{replicas[i].Output}");
            }
            throw;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            foreach (var start in starting)
            {
                if (start.IsCompletedSuccessfully)
                {
                    await (await start).DisposeAsync();
                }
            }
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private async Task RunAsync(List<HttpClient> replicas, WebhookReceiver receiver)
    {
        var subscription = await replicas[0].PostAsync("v1/subscriptions", Json(new
        {
            url = receiver.Url,
            secret = "replica-test-webhook-secret",
            from = "start",
        }));
        Assert.Equal(HttpStatusCode.Created, subscription.StatusCode);

        // --- The hammer: 10,000 writes from 32 workers, round-robin over the replicas. ---
        var units = Plan();
        Assert.Equal(Operations, units.Sum(u => u.Operations));
        var failures = new ConcurrentQueue<string>();
        var contested = new ConcurrentDictionary<Unit, Outcome[]>();
        var next = -1;
        var turn = -1;
        var created = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < units.Count)
            {
                var unit = units[i];
                var first = Interlocked.Increment(ref turn);
                switch (unit.Kind)
                {
                    case Kind.Register:
                    {
                        var outcome = await RegisterAsync(replicas, first % 3, unit.Fqid);
                        if (outcome.Status == 201)
                        {
                            Interlocked.Increment(ref created);
                        }
                        else
                        {
                            failures.Enqueue($"register {unit.Fqid} on replica {outcome.Replica}: {outcome.Status} {outcome.Code}");
                        }
                        break;
                    }
                    case Kind.ContestedRegister:
                    {
                        var outcomes = await Task.WhenAll(Enumerable.Range(0, unit.Contenders)
                            .Select(k => RegisterAsync(replicas, (first + k) % 3, unit.Fqid)));
                        Interlocked.Add(ref created, outcomes.Count(o => o.Status == 201));
                        contested[unit] = outcomes;
                        break;
                    }
                    case Kind.ContestedPublish:
                    {
                        var registered = await RegisterAsync(replicas, first % 3, unit.Fqid);
                        if (registered.Status != 201)
                        {
                            failures.Enqueue($"register {unit.Fqid} before publishing it: {registered.Status} {registered.Code}");
                            break;
                        }
                        Interlocked.Increment(ref created);
                        contested[unit] = await Task.WhenAll(Enumerable.Range(0, unit.Contenders)
                            .Select(k => PublishAsync(replicas, (first + 1 + k) % 3, unit.Fqid)));
                        break;
                    }
                }
            }
        })));
        clock.Stop();
        var registrationRequests = units.Sum(u => u.Kind == Kind.ContestedRegister ? u.Contenders : 1);
        output.WriteLine($"{Operations} operations in {clock.Elapsed.TotalSeconds:0.00} s: {Operations / clock.Elapsed.TotalSeconds:0} operations/s; " +
            $"{created} registrations created ({created / clock.Elapsed.TotalSeconds:0}/s), {registrationRequests} registration requests " +
            $"({registrationRequests / clock.Elapsed.TotalSeconds:0}/s), {units.Count(u => u.Kind == Kind.ContestedRegister)} contested registrations, " +
            $"{units.Count(u => u.Kind == Kind.ContestedPublish)} contested publications.");
        Assert.Empty(failures);

        // Contested operations: exactly one winner, every other contender refused with a 409 of the right code.
        foreach (var (unit, outcomes) in contested)
        {
            var (winner, losers) = unit.Kind == Kind.ContestedRegister ? (201, new[] { "REG-1002" }) : (200, new[] { "REG-1003", "REG-1005" });
            var summary = string.Join(", ", outcomes.Select(o => $"replica {o.Replica}: {o.Status} {o.Code}"));
            Assert.True(outcomes.Count(o => o.Status == winner) == 1, $"{unit.Kind} of {unit.Fqid}: not exactly one winner ({summary})");
            Assert.True(outcomes.Where(o => o.Status != winner).All(o => o.Status == 409 && losers.Contains(o.Code)),
                $"{unit.Kind} of {unit.Fqid}: a loser was not a 409 {string.Join("/", losers)} ({summary})");
        }
        Assert.Equal(units.Count, created);

        // --- Caches: a new latest published through replica 0 is seen by replicas 1 and 2 within a second. ---
        var latestSeen = await NewLatestIsSeenEverywhereAsync(replicas);
        output.WriteLine($"A new latest published on replica 0 was answered by replicas 1 and 2 after {latestSeen.TotalMilliseconds:0} ms.");
        Assert.True(latestSeen <= TimeSpan.FromSeconds(1), $"replicas 1 and 2 answered the new latest after {latestSeen.TotalMilliseconds:0} ms (> 1 s)");

        // --- Every FQID is there, on every replica, in the state its unit left it. ---
        var wrong = new ConcurrentQueue<string>();
        var reads = units.SelectMany(u => Enumerable.Range(0, 3).Select(r => (Unit: u, Replica: r))).ToList();
        next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < reads.Count)
            {
                var (unit, replica) = reads[i];
                using var response = await replicas[replica].GetAsync("v1/schema/" + unit.Fqid);
                var expected = unit.Kind == Kind.ContestedPublish ? "published" : "draft";
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    wrong.Enqueue($"GET {unit.Fqid} on replica {replica}: {(int)response.StatusCode}");
                    continue;
                }
                var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString();
                if (state != expected)
                {
                    wrong.Enqueue($"GET {unit.Fqid} on replica {replica}: {state}, expected {expected}");
                }
            }
        })));
        Assert.Empty(wrong);

        // --- The event stream: no gap, one registration per FQID, one publication per published FQID. ---
        var events = await ReadStreamAsync(replicas[1]);
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        var ids = events.Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var byType = events.GroupBy(e => e.GetProperty("type").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("subject").GetString()!).ToList());
        output.WriteLine($"{events.Count} events: {string.Join(", ", byType.Select(t => $"{t.Key} {t.Value.Count}"))}.");
        // Nothing failed on the way (other event types, e.g. the subscription's own, may be there).
        Assert.DoesNotContain("PublishBlocked", byType.Keys);
        Assert.DoesNotContain("ValidationFailed", byType.Keys);
        string[] newest = ["replica.gdp.newest:v1.0", "replica.gdp.newest:v1.1"];
        Assert.Equal(units.Select(u => u.Fqid).Concat(newest).Order(StringComparer.Ordinal), byType["SchemaRegistered"].Order(StringComparer.Ordinal));
        Assert.Equal(units.Where(u => u.Kind == Kind.ContestedPublish).Select(u => u.Fqid).Concat(newest).Order(StringComparer.Ordinal),
            byType["SchemaPublished"].Order(StringComparer.Ordinal));

        // --- The webhook outbox: every event delivered, none twice, in order, whichever replica held the lease. ---
        var wanted = ids.ToHashSet();
        var deliveryClock = Stopwatch.StartNew();
        while (!wanted.IsSubsetOf(receiver.Deliveries.Select(d => d.EventId)) && deliveryClock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }
        var caughtUp = deliveryClock.Elapsed;
        // A duplicate would follow the last first delivery closely: give it time to show up.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var deliveries = receiver.Deliveries.ToList();
        output.WriteLine($"Webhook: {deliveries.Count} deliveries of {wanted.Count} events, every event delivered {caughtUp.TotalSeconds:0.0} s after the stream was read.");
        var missing = wanted.Except(deliveries.Select(d => d.EventId)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} events never delivered, e.g. {string.Join(", ", missing.Take(5))}");
        var twice = deliveries.GroupBy(d => d.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key} (sequence {g.First().Sequence}) ×{g.Count()}").ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} events delivered more than once, e.g. {string.Join(", ", twice.Take(5))}");
        Assert.Equal(sequences, deliveries.Select(d => d.Sequence));
    }

    /// <summary>
    /// Registers and publishes <c>replica.gdp.newest:v1.0</c> on replica 0, has replicas 1 and 2 cache it as
    /// <c>:latest</c>, publishes v1.1 on replica 0 and returns how long until both answer v1.1 (polled every 50 ms).
    /// </summary>
    private static async Task<TimeSpan> NewLatestIsSeenEverywhereAsync(List<HttpClient> replicas)
    {
        const string subject = "replica.gdp.newest";
        foreach (var version in new[] { "v1.0", "v1.1" })
        {
            if (version == "v1.1")
            {
                // Both other replicas hold v1.0 as latest in their read cache (asked twice: the second is a cache hit).
                for (var round = 0; round < 2; round++)
                {
                    foreach (var replica in replicas.Skip(1))
                    {
                        Assert.Equal($"{subject}:v1.0", await LatestAsync(replica, subject));
                    }
                }
            }
            var registered = await RegisterAsync(replicas, 0, $"{subject}:{version}");
            Assert.Equal(201, registered.Status);
            var published = await PublishAsync(replicas, 0, $"{subject}:{version}");
            Assert.Equal(200, published.Status);
        }
        var clock = Stopwatch.StartNew();
        var waiting = replicas.Skip(1).ToList();
        while (true)
        {
            var answers = await Task.WhenAll(waiting.Select(r => LatestAsync(r, subject)));
            waiting = waiting.Where((_, i) => answers[i] != $"{subject}:v1.1").ToList();
            if (waiting.Count == 0 || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return clock.Elapsed;
            }
            await Task.Delay(50);
        }
    }

    private static async Task<string?> LatestAsync(HttpClient replica, string subject)
    {
        using var response = await replica.GetAsync($"v1/schema/{subject}:latest");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("fqid").GetString();
    }

    /// <summary>
    /// About 80% plain registrations, 10% registrations of one FQID by 3–10 contenders at once, 10% a registration
    /// then 3–10 force publishes at once, adding up to exactly <see cref="Operations"/> requests.
    /// </summary>
    private static List<Unit> Plan()
    {
        var random = new Random(20261123);
        var units = new List<Unit>();
        var total = 0;
        while (total < Operations)
        {
            var subject = $"replica.raw.s{units.Count % 97}";
            var fqid = $"{subject}:v1.{units.Count}";
            var roll = random.Next(100);
            var contenders = random.Next(3, 11);
            var unit = roll < 80 ? new Unit(Kind.Register, fqid, 1)
                : roll < 90 ? new Unit(Kind.ContestedRegister, fqid, contenders)
                : new Unit(Kind.ContestedPublish, $"replica.kpi.p{units.Count}:v1.0", contenders);
            if (total + unit.Operations > Operations)
            {
                unit = new Unit(Kind.Register, fqid, 1);
            }
            units.Add(unit);
            total += unit.Operations;
        }
        return units;
    }

    private static Task<Outcome> RegisterAsync(List<HttpClient> replicas, int replica, string fqid) =>
        SendAsync(replicas, replica, "v1/schema", "{\"fqid\":\"" + fqid + "\",\"owner\":\"replica-test\",\"payload\":" + Payload + "}");

    private static Task<Outcome> PublishAsync(List<HttpClient> replicas, int replica, string fqid) =>
        SendAsync(replicas, replica, "v1/schema/publish", "{\"fqid\":\"" + fqid + "\",\"force\":true,\"reason\":\"replica test\"}");

    private static async Task<Outcome> SendAsync(List<HttpClient> replicas, int replica, string path, string body)
    {
        using var response = await replicas[replica].PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        string? code = null;
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync();
            try
            {
                code = JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : text;
            }
            catch (JsonException)
            {
                code = text;
            }
        }
        return new Outcome((int)response.StatusCode, code, replica);
    }

    private static async Task<List<JsonElement>> ReadStreamAsync(HttpClient replica)
    {
        var events = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = JsonDocument.Parse(await replica.GetStringAsync($"v1/events?after={after}&limit=1000")).RootElement;
            var batch = page.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
            if (batch.Count == 0)
            {
                return events;
            }
            events.AddRange(batch);
            after = page.GetProperty("next").GetInt64();
        }
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static HttpClient Client(Uri url)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        return http;
    }
}
