using System.Diagnostics;
using System.Globalization;
using System.Net;
using SchemaRegistry.Core.Audit;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// A bounded fuzz run over every JSON body the API takes: valid bodies mutated at random and sent for
/// <c>SCHEMAREG_FUZZ_SECONDS</c> (20 by default). No answer may be a 5xx, every refusal carries a catalog code, and
/// afterwards the server is healthy, every stored version still reads and the audit chain still verifies. The seed
/// is printed (and can be given as <c>SCHEMAREG_FUZZ_SEED</c>) so that a failure can be replayed.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RegistryServer _server = null!;
    private HostileSeed _seed = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:MaxBodyBytes"] = (64 * 1024).ToString(CultureInfo.InvariantCulture),
        });
        _seed = await HostileSeed.CreateAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Mutated_request_bodies_never_get_a_5xx_or_an_uncoded_refusal()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SCHEMAREG_FUZZ_SECONDS"), out var s) ? s : 20;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SCHEMAREG_FUZZ_SEED"), out var given) ? given : Environment.TickCount;
        output.WriteLine($"fuzz seed {seed} (SCHEMAREG_FUZZ_SEED={seed} replays it), {seconds} s");
        var random = new Random(seed);
        var mutator = new JsonMutator(random);
        var bodies = ValidBodies().ToList();
        using var admin = _server.Http();

        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var wrong = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds) && wrong.Count < 20)
        {
            var (method, route, body) = bodies[random.Next(bodies.Count)];
            var mutated = mutator.Mutate(body);
            var contentType = random.Next(4) == 0 ? "application/x-www-form-urlencoded" : "application/json";
            var answer = await Answer.SendAsync(admin, new HttpMethod(method), _seed.PathOf(route), Answer.Bytes(JsonMutator.Utf8(mutated), contentType));
            sent++;
            var key = $"{answer.Status} {answer.Code}".Trim();
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            if (!(answer.IsCoded4xx || answer.Status is >= 200 and < 300))
            {
                wrong.Add($"{answer} ← {(mutated.Length > 300 ? mutated[..300] + "…" : mutated)}");
            }
        }
        output.WriteLine($"{sent} requests in {clock.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", statuses.Select(kv => $"{kv.Key} ×{kv.Value}")));
        Assert.True(wrong.Count == 0, $"seed {seed}: {wrong.Count} answers were a 5xx or a refusal without a catalog code:\n" + string.Join('\n', wrong));

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("readyz")).StatusCode);
        using var client = _server.Client();
        foreach (var subject in (await client.ListSubjectsAsync()).Subjects)
        {
            foreach (var version in (await client.ListVersionsAsync(subject.Subject)).Versions)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"v1/schema/{version.Fqid}")).StatusCode);
            }
        }
        var ledger = await ExportedLedger.ReadAsync(client);
        Assert.NotEmpty(ledger);
        Assert.Null(AuditChain.Verify(ledger, previousSequence: 0));
    }

    /// <summary>One valid body for every call that takes JSON (the starting points of the mutations).</summary>
    private IEnumerable<(string Method, string Route, string Body)> ValidBodies()
    {
        yield return ("POST", "/v1/schema", $$"""{"fqid":"finance.gdp.fuzz:v1.0","owner":"finance-data","description":"d","tags":{"team":"f"},"compatibility":"FORWARD","payload":{{HostileSeed.Payload}}}""");
        yield return ("PUT", "/v1/schema/{fqid}", "{\"fqid\":\"" + _seed.Draft + "\",\"owner\":\"finance-data\",\"payload\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}}}}");
        foreach (var action in new[] { "validate", "submit", "approve", "reject", "publish", "deprecate" })
        {
            yield return ("POST", "/v1/schema/" + action, $$"""{"fqid":"{{_seed.Draft}}","comment":"fuzz","force":false,"reason":"r"}""");
        }
        yield return ("POST", "/v1/schema/compatibility", $$$"""{"fqid":"{{{_seed.Draft}}}","payload":{"type":"object"}}""");
        yield return ("PUT", "/v1/config/{subject}", """{"compatibility":"BACKWARD"}""");
        yield return ("PUT", "/v1/config/{subject}/policy", """{"policy":"reviewed"}""");
        yield return ("POST", "/v1/keys", """{"name":"fuzz","role":"reader","expires_at":"2030-01-01T00:00:00Z"}""");
        yield return ("POST", "/v1/keys/{id}/rotate", """{"grace_seconds":10,"expires_at":"2030-01-01T00:00:00Z"}""");
        yield return ("POST", "/v1/subscriptions", """{"url":"http://127.0.0.1:9/hook","secret":"0123456789abcdef","types":["SchemaPublished"],"subject_pattern":"finance.*","from":"now","format":"cloudevents"}""");
        yield return ("POST", "/v1/events/replay", """{"subscription_id":"sub_missing","from_sequence":1,"to_sequence":5,"types":["SchemaPublished"],"name":"r"}""");
        yield return ("POST", "/v1/pipelines", $$"""{"pipeline_id":"p-fuzz","layer":"gdp","fqid":"{{_seed.Published}}","validation_timing":"pre_job","drift_policy":"rescue","owner":"o"}""");
        yield return ("PUT", "/v1/pipelines/{pipelineId}", $$"""{"pipeline_id":"p-invoice","layer":"gdp","fqid":"{{_seed.Subject}}:latest","drift_policy":"quarantine"}""");
        yield return ("POST", "/v1/runs", """{"pipeline_id":"p-invoice","run_id":"run-fuzz","output_path":"s3://bucket/x/"}""");
        yield return ("POST", "/v1/runs/{runId}/reports", """{"batch":7,"format":"ndjson","records":10,"valid":9,"invalid":1,"drifted":0,"rescued":0,"quarantined":1,"duration_ms":3.5,"drift":{"new_fields":[],"missing_fields":[],"type_changes":[]}}""");
        yield return ("POST", "/v1/runs/{runId}/complete", """{"status":"succeeded","output_path":"s3://bucket/y/","error":null}""");
        yield return ("POST", "/v1/schema/sync/metadata", $$"""{"run_id":"{{_seed.RunId}}"}""");
        yield return ("POST", "/v1/drift/{id}/ack", """{"comment":"seen"}""");
        yield return ("POST", "/v1/drift/{id}/resolve", """{"comment":"fixed upstream"}""");
        yield return ("POST", "/v1/quarantine/replay", $$"""{"run_id":"{{_seed.RunId}}","fqid":"{{_seed.Published}}"}""");
        yield return ("POST", "/v1/quarantine/purge", """{"older_than_days":3650}""");
    }
}
