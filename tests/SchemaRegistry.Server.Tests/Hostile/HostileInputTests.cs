using System.Net;
using SchemaRegistry.Server.Auth;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// The hostile-input battery: every endpoint that takes a body or a name gets broken bodies, hostile names in its
/// route, its body and its query, and huge free text. Every answer must be a 4xx with a catalog code (calls that
/// only read may also answer 2xx), the server stays healthy, and nothing stored changes.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const int MaxBodyBytes = 64 * 1024;
    private RegistryServer _server = null!;
    private HostileSeed _seed = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Registry:MaxBatchBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _seed = await HostileSeed.CreateAsync(_server);
        _admin = _server.Http();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>Calls whose body may be left out (each has a test of its own without one).</summary>
    private static readonly HashSet<string> OptionalBodies =
        ["/v1/runs/{runId}/complete", "/v1/runs/{runId}/heartbeat", "/v1/keys/{id}/rotate", "/v1/drift/{id}/ack", "/v1/drift/{id}/resolve", "/v1/quarantine/purge"];

    private static IEnumerable<EndpointRule> WithBodies => EndpointMatrix.Rules.Where(rule => rule.Method is "POST" or "PUT");

    [Fact]
    public async Task Broken_bodies_get_a_coded_4xx_on_every_endpoint_that_takes_a_body()
    {
        var answers = new List<Answer>();
        await ExpectNothingChangesAsync(async () =>
        {
            foreach (var rule in WithBodies)
            {
                foreach (var (what, body) in HostileInputs.BrokenBodies(MaxBodyBytes))
                {
                    if (body.Length == 0 && OptionalBodies.Contains(rule.Route))
                    {
                        continue;
                    }
                    // The body of a batch is data, read by its content type; as JSON it is refused before it is read.
                    var answer = await Answer.SendAsync(_admin, new HttpMethod(rule.Method), _seed.PathOf(rule.Route), Answer.Bytes(body, "application/json"));
                    answers.Add(answer with { Request = $"{answer.Request} [{what}]" });
                }
            }
        }, answers, answer => answer.IsCoded4xx);
        Assert.Contains(answers, answer => answer is { Status: 413, Code: "REQ-1002" });
    }

    [Fact]
    public async Task Hostile_names_in_routes_get_a_coded_4xx_and_reach_nothing()
    {
        var answers = new List<Answer>();
        await ExpectNothingChangesAsync(async () =>
        {
            foreach (var rule in EndpointMatrix.Rules.Where(rule => rule.Route.Contains('{', StringComparison.Ordinal) && rule.Permission is not null))
            {
                foreach (var placeholder in Placeholders(rule.Route))
                {
                    foreach (var segment in HostileInputs.PathSegments())
                    {
                        var body = rule.Method is "POST" or "PUT" ? Answer.Json(PlausibleBody(rule.Route)) : null;
                        answers.Add(await Answer.SendAsync(_admin, new HttpMethod(rule.Method), _seed.PathOf(rule.Route, placeholder, segment), body));
                    }
                }
            }
        }, answers, answer => answer.IsCoded4xxOrCollapsedRead);
    }

    [Fact]
    public async Task Hostile_names_in_bodies_get_a_coded_4xx()
    {
        var answers = new List<Answer>();
        await ExpectNothingChangesAsync(async () =>
        {
            foreach (var (method, route, template) in NameTemplates())
            {
                foreach (var name in HostileInputs.Names)
                {
                    var body = template.Replace("§", HostileInputs.Quote(name), StringComparison.Ordinal);
                    answers.Add(await Answer.SendAsync(_admin, new HttpMethod(method), _seed.PathOf(route), Answer.Json(body)));
                }
            }
        }, answers, answer => answer.IsCoded4xx);
    }

    [Fact]
    public async Task Hostile_names_in_queries_get_a_coded_4xx_or_an_empty_answer()
    {
        var answers = new List<Answer>();
        await ExpectNothingChangesAsync(async () =>
        {
            foreach (var query in QueryTemplates())
            {
                foreach (var name in HostileInputs.Names)
                {
                    answers.Add(await Answer.SendAsync(_admin, HttpMethod.Get, query.Replace("§", Uri.EscapeDataString(name.Replace("\uD800", "\uFFFD", StringComparison.Ordinal)), StringComparison.Ordinal)));
                }
            }
        }, answers, answer => answer.IsCodedRefusalOrSuccess || answer.RefusedByKestrel);
    }

    [Fact]
    public async Task Huge_free_text_and_lone_surrogates_get_a_coded_4xx()
    {
        var huge = HostileInputs.HugeText(MaxBodyBytes);
        var answers = new List<Answer>();
        await ExpectNothingChangesAsync(async () =>
        {
            foreach (var (method, route, template) in FreeTextTemplates())
            {
                foreach (var text in new[] { huge, @"a lone \uD800 surrogate", @"\uDC00" })
                {
                    var value = text == huge ? HostileInputs.Quote(huge) : "\"" + text + "\"";
                    answers.Add(await Answer.SendAsync(_admin, new HttpMethod(method), _seed.PathOf(route),
                        Answer.Json(template.Replace("§", value, StringComparison.Ordinal))));
                }
            }
        }, answers, answer => answer.IsCoded4xx);
    }

    /// <summary>Runs the battery, then checks the server is healthy and holds exactly what it held before.</summary>
    private async Task ExpectNothingChangesAsync(Func<Task> battery, List<Answer> answers, Func<Answer, bool> acceptable)
    {
        var blobs = Path.Combine(_server.DataDir, "blobs");
        var before = await StoredState.ReadAsync(_admin, blobs);
        await battery();
        Report(answers, acceptable);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("readyz")).StatusCode);
        var after = await StoredState.ReadAsync(_admin, blobs);
        Assert.Equal(before, after);
    }

    private void Report(List<Answer> answers, Func<Answer, bool> acceptable)
    {
        var refused = answers.Where(acceptable).GroupBy(answer => $"{answer.Status} {answer.Code}").OrderBy(group => group.Key, StringComparer.Ordinal);
        output.WriteLine($"{answers.Count} hostile requests: " + string.Join(", ", refused.Select(group => $"{group.Key} ×{group.Count()}")));
        var wrong = answers.Where(answer => !acceptable(answer)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {answers.Count} answers were not a coded refusal:\n" + string.Join('\n', wrong.Take(40)));
    }

    private static IEnumerable<string> Placeholders(string route)
    {
        for (var start = route.IndexOf('{', StringComparison.Ordinal); start >= 0; start = route.IndexOf('{', start + 1))
        {
            yield return route[start..(route.IndexOf('}', start) + 1)];
        }
    }

    /// <summary>A body that would be right for the call, so that only the name in the route is wrong.</summary>
    private string PlausibleBody(string route) => route switch
    {
        "/v1/schema/{fqid}" => $$$"""{"fqid":"{{{_seed.Draft}}}","owner":"finance-data","payload":{"type":"object"}}""",
        "/v1/config/{subject}" => """{"compatibility":"FULL"}""",
        "/v1/config/{subject}/policy" => """{"policy":"direct"}""",
        "/v1/pipelines/{pipelineId}" => $$"""{"pipeline_id":"p-invoice","layer":"gdp","fqid":"{{_seed.Published}}"}""",
        "/v1/runs/{runId}/reports" => """{"batch":9,"format":"ndjson","records":1,"valid":1,"invalid":0,"drifted":0,"rescued":0,"quarantined":0}""",
        "/v1/runs/{runId}/complete" => """{"status":"succeeded"}""",
        _ => """{"comment":"hostile battery"}""",
    };

    /// <summary>Calls whose body names something, with § where the hostile name goes.</summary>
    private IEnumerable<(string Method, string Route, string Template)> NameTemplates()
    {
        yield return ("POST", "/v1/schema", """{"fqid":§,"owner":"finance-data","payload":{"type":"object"}}""");
        yield return ("PUT", "/v1/schema/{fqid}", """{"fqid":§,"owner":"finance-data","payload":{"type":"object"}}""");
        foreach (var action in new[] { "/v1/schema/validate", "/v1/schema/submit", "/v1/schema/approve", "/v1/schema/reject", "/v1/schema/publish", "/v1/schema/deprecate", "/schema/deprecate" })
        {
            yield return ("POST", action, """{"fqid":§,"comment":"c","force":true,"reason":"r"}""");
        }
        yield return ("POST", "/v1/schema/compatibility", """{"fqid":§}""");
        yield return ("POST", "/v1/schema/compatibility", """{"fqid":§,"payload":{"type":"object"}}""");
        yield return ("PUT", "/v1/config/{subject}", """{"compatibility":§}""");
        yield return ("PUT", "/v1/config/{subject}/policy", """{"policy":§}""");
        yield return ("POST", "/v1/keys", """{"name":"hostile","role":§}""");
        yield return ("POST", "/v1/events/replay", """{"subscription_id":§,"from_sequence":1,"to_sequence":2}""");
        yield return ("POST", "/v1/subscriptions", """{"url":§,"secret":"s3cret"}""");
        yield return ("POST", "/v1/subscriptions", """{"url":"http://127.0.0.1:9/hook","secret":"s3cret","format":§}""");
        yield return ("POST", "/v1/subscriptions", """{"url":"http://127.0.0.1:9/hook","secret":"s3cret","types":[§]}""");
        yield return ("POST", "/v1/pipelines", """{"pipeline_id":§,"layer":"gdp","fqid":"finance.gdp.invoice:v1.0"}""");
        yield return ("POST", "/v1/pipelines", """{"pipeline_id":"p-hostile","layer":"gdp","fqid":§}""");
        yield return ("POST", "/v1/pipelines", """{"pipeline_id":"p-hostile","layer":§,"fqid":"finance.gdp.invoice:v1.0"}""");
        yield return ("POST", "/v1/pipelines", """{"pipeline_id":"p-hostile","layer":"gdp","fqid":"finance.gdp.invoice:v1.0","drift_policy":§}""");
        yield return ("PUT", "/v1/pipelines/{pipelineId}", """{"pipeline_id":"p-invoice","layer":"gdp","fqid":§}""");
        yield return ("POST", "/v1/runs", """{"pipeline_id":§}""");
        yield return ("POST", "/v1/runs", """{"pipeline_id":"p-invoice","run_id":§}""");
        yield return ("POST", "/v1/runs/{runId}/complete", """{"status":§}""");
        yield return ("POST", "/v1/runs/{runId}/reports", """{"batch":9,"format":§,"records":1,"valid":1,"invalid":0,"drifted":0,"rescued":0,"quarantined":0}""");
        yield return ("POST", "/v1/schema/sync/metadata", """{"run_id":§}""");
        yield return ("POST", "/v1/quarantine/replay", """{"run_id":§}""");
        yield return ("POST", "/v1/quarantine/replay", $$"""{"run_id":"{{_seed.RunId}}","fqid":§}""");
    }

    /// <summary>Calls with free-text fields, with § where a huge text goes.</summary>
    private IEnumerable<(string Method, string Route, string Template)> FreeTextTemplates()
    {
        yield return ("POST", "/v1/schema", """{"fqid":"finance.gdp.invoice:v1.2","owner":"finance-data","description":§,"payload":{"type":"object"}}""");
        yield return ("POST", "/v1/schema", """{"fqid":"finance.gdp.invoice:v1.2","owner":§,"payload":{"type":"object"}}""");
        yield return ("POST", "/v1/schema", """{"fqid":"finance.gdp.invoice:v1.2","owner":"finance-data","tags":{"k":§},"payload":{"type":"object"}}""");
        yield return ("PUT", "/v1/schema/{fqid}", """{"fqid":"finance.gdp.invoice:v1.1","owner":"finance-data","description":§,"payload":{"type":"object"}}""");
        yield return ("POST", "/v1/schema/reject", $$"""{"fqid":"{{_seed.Draft}}","comment":§}""");
        yield return ("POST", "/v1/schema/publish", $$"""{"fqid":"{{_seed.Draft}}","force":true,"reason":§}""");
        yield return ("POST", "/v1/schema/deprecate", $$"""{"fqid":"{{_seed.Published}}","comment":§}""");
        yield return ("POST", "/v1/keys", """{"name":§,"role":"reader"}""");
        yield return ("POST", "/v1/subscriptions", """{"url":"http://127.0.0.1:9/hook","secret":§}""");
        yield return ("POST", "/v1/pipelines", """{"pipeline_id":"p-hostile","layer":"gdp","fqid":"finance.gdp.invoice:v1.0","owner":§}""");
        yield return ("POST", "/v1/runs", """{"pipeline_id":"p-invoice","run_id":"run-hostile","output_path":§}""");
        yield return ("POST", "/v1/runs/{runId}/complete", """{"status":"failed","error":§}""");
        yield return ("POST", "/v1/drift/{id}/ack", """{"comment":§}""");
        yield return ("POST", "/v1/drift/{id}/resolve", """{"comment":§}""");
    }

    /// <summary>Reads with § where a hostile name goes in the query.</summary>
    private static IEnumerable<string> QueryTemplates() =>
    [
        "api/v1/schema/fetch?fqid=§",
        "v1/schema/validate?fqid=§",
        "v1/schema/diff?from=§&to=finance.gdp.invoice:v1.0",
        "v1/schema/diff?from=finance.gdp.invoice:v1.0&to=§",
        "v1/subjects?domain=§&layer=§&q=§",
        "v1/events?type=§&subject=§",
        "v1/events?after=§",
        "v1/events?after=0&limit=§&wait=§",
        "v1/runs?pipeline_id=§&schema=§",
        "v1/runs?limit=§",
        "v1/lineage?schema=§",
        "v1/lineage?pipeline=§",
        "v1/lineage?run=§",
        "v1/drift?subject=§&status=§",
        "v1/quarantine?run_id=§",
        "v1/audit?target=§&principal=§",
        "v1/audit?from=§",
        "v1/audit?after=§&limit=§",
    ];
}
