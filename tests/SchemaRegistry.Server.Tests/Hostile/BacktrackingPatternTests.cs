using System.Diagnostics;
using System.Net;
using System.Text;
using SchemaRegistry.Client;
using SchemaRegistry.Client.Pipelines;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// Issue 22, point 6: <c>^(?=(a|aa)+b)</c> cost about 0.8 s per record (four passes, each to the 200 ms match
/// timeout) and nothing capped a batch. A pattern that needs backtracking is refused at registration unless
/// <c>Registry:AllowBacktrackingPatterns</c>; when allowed, a hostile record costs one match timeout, and a batch
/// past <c>Registry:BatchTimeBudgetSeconds</c> is refused whole (PIPE-1003), nothing of it counted.
/// </summary>
public sealed class BacktrackingPatternTests(ITestOutputHelper output)
{
    private const string Pattern = "^(?=(a|aa)+b)";
    private const int HostileRecords = 50;

    private static string Payload => "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\",\"pattern\":" + HostileInputs.Quote(Pattern) + "}}}";

    private static string Register(string fqid) => $$"""{"fqid":"{{fqid}}","owner":"finance-data","payload":{{Payload}}}""";

    /// <summary>Fifty records whose value makes the lookahead try every way of splitting a long run of a's.</summary>
    private static byte[] HostileBatch() =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, HostileRecords).Select(i => $"{{\"code\":\"{new string('a', 3000 + i)}\"}}\n")));

    [Fact]
    public async Task A_lookaround_pattern_is_refused_at_registration_with_VAL_1104_unless_allowed()
    {
        await using var server = await RegistryServer.StartAsync(Store.Sqlite);
        using var admin = server.Http();

        var refused = await admin.PostAsync("v1/schema", new StringContent(Register("finance.gdp.lookaround:v1.0"), Encoding.UTF8, "application/json"));

        var problem = await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1104");
        Assert.Contains("Registry:AllowBacktrackingPatterns", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("/properties/code/pattern", problem.Errors!.Single().Path, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("v1/schema/finance.gdp.lookaround:v1.0")).StatusCode);
    }

    [Fact]
    public async Task When_allowed_fifty_hostile_records_cost_about_one_match_timeout_each()
    {
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:AllowBacktrackingPatterns"] = "true",
            ["Registry:BatchTimeBudgetSeconds"] = "0",
        });
        var runId = await StartRunAsync(server, "finance.gdp.lookaround:v1.0");
        using var admin = server.Client();

        var clock = Stopwatch.StartNew();
        var batch = await admin.SendBatchAsync(runId, new MemoryStream(HostileBatch()), "application/x-ndjson");
        clock.Stop();

        output.WriteLine($"{HostileRecords} hostile records: {clock.Elapsed.TotalSeconds:0.0} s, {batch.Invalid} invalid");
        Assert.Equal(HostileRecords, batch.Records);
        Assert.Equal(HostileRecords, batch.Invalid);
        // The budget is 200 ms per record; twice that in all is generous. Four passes per record took 0.8 s each.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(HostileRecords * 0.2 * 2), $"{clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_batch_past_its_time_budget_is_refused_whole_with_PIPE_1003_and_nothing_is_counted()
    {
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:AllowBacktrackingPatterns"] = "true",
            ["Registry:BatchTimeBudgetSeconds"] = "1",
        });
        var runId = await StartRunAsync(server, "finance.gdp.lookaround:v1.0");
        using var http = server.Http();

        var clock = Stopwatch.StartNew();
        var answer = await http.PostAsync($"v1/runs/{runId}/batches", new ByteArrayContent(HostileBatch()) { Headers = { ContentType = new("application/x-ndjson") } });
        clock.Stop();

        var problem = await answer.ProblemAsync(HttpStatusCode.UnprocessableEntity, "PIPE-1003");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {problem.Detail}");
        Assert.Contains("records", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("Registry:BatchTimeBudgetSeconds", problem.Detail, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed.TotalSeconds:0.0} s");
        using var admin = server.Client();
        var run = await admin.GetRunAsync(runId);
        Assert.Equal(new CountsResponse(0, 0, 0, 0, 0, 0, 0), run.Counts);

        // The run goes on: the same records sent in parts that fit the budget are counted, as batch 1.
        var part = await admin.SendBatchAsync(runId, new MemoryStream(HostileBatch()[..(HostileBatch().AsSpan().IndexOf((byte)'\n') + 1)]), "application/x-ndjson");
        Assert.Equal(1, part.Batch);
        Assert.Equal(1, part.Records);
    }

    [Fact]
    public async Task The_SDK_stops_a_batch_past_its_budget_reports_nothing_and_keeps_the_batch_number()
    {
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:AllowBacktrackingPatterns"] = "true",
        });
        await PreparePipelineAsync(server, "finance.gdp.lookaround:v1.0");
        using var work = new SchemaRegistry.Testing.TempDirectory();
        var options = new PipelineRunOptions
        {
            QuarantineDirectory = Path.Combine(work.Path, "q"),
            SpoolDirectory = Path.Combine(work.Path, "spool"),
            BatchTimeBudget = TimeSpan.FromSeconds(1),
        };
        using var client = server.Client();
        using var resolver = new SchemaResolver(server.BaseAddress, RegistryServer.AdminToken);
        var run = await PipelineRun.StartAsync(client, resolver, new StartRunRequest("p-lookaround", "sdk-budget"), options);

        var stopped = await Assert.ThrowsAsync<SchemaRegistry.Data.Validation.BatchTimeBudgetExceededException>(() => run.ValidateAsync(new MemoryStream(HostileBatch()), DataFormat.Ndjson));

        Assert.InRange(stopped.RecordsChecked, 1, HostileRecords - 1);
        Assert.Empty(Directory.GetFiles(Path.Combine(options.QuarantineDirectory, "sdk-budget")));
        Assert.Equal(new CountsResponse(0, 0, 0, 0, 0, 0, 0), (await client.GetRunAsync("sdk-budget")).Counts);
        var next = await run.ValidateAsync(new MemoryStream("{\"code\":\"ab\"}\n"u8.ToArray()), DataFormat.Ndjson);
        Assert.Equal((1, 1L), (next.Batch, next.Valid));
        Assert.Equal(1, (await client.GetRunAsync("sdk-budget")).Counts.Batches);
    }

    private static async Task<string> StartRunAsync(RegistryServer server, string fqid)
    {
        await PreparePipelineAsync(server, fqid);
        using var admin = server.Client();
        return (await admin.StartRunAsync(new StartRunRequest("p-lookaround"))).RunId;
    }

    private static async Task PreparePipelineAsync(RegistryServer server, string fqid)
    {
        using var http = server.Http();
        var registered = await http.PostAsync("v1/schema", new StringContent(Register(fqid), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var admin = server.Client();
        await admin.PublishAsync(fqid, force: true, reason: "backtracking pattern allowed on purpose");
        await admin.RegisterPipelineAsync(new PipelineRequest("p-lookaround", "gdp", fqid));
    }
}
