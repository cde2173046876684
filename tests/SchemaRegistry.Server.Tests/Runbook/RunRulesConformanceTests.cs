using System.Net;
using SchemaRegistry.Wire;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// The runbook's run rules on a real server: a run that dies without reporting is abandoned (PIPE-1301); a new major
/// or a deprecation under running runs names them; a run on :latest does not jump a major unannounced (PIPE-1103);
/// a GDP run reports pre-job and post-transform validations, and completing without one is flagged.
/// </summary>
public abstract class RunRulesConformanceTests(Store store) : RunbookServerFixture(store)
{
    private const string V2 = """
        {"type":"object","required":["invoice_id","amount_cents"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount_cents":{"type":"integer","minimum":0}}}
        """;

    [Fact]
    public async Task A_run_with_no_batch_or_heartbeat_for_the_configured_time_is_abandoned_with_PipelineFailed_PIPE_1301()
    {
        await StartAsync(new Dictionary<string, string?> { ["Registry:AbandonRunsAfterSeconds"] = "3", ["Registry:AbandonSweepSeconds"] = "0.2" });
        await Ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest"));
        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-died"));
        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-alive"));

        // The job behind jr-alive beats while jr-died's job is gone; give the sweep ample time on a loaded machine.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await Runner.GetRunAsync("jr-died")).Status == "running")
        {
            Assert.True(DateTime.UtcNow < deadline, "jr-died was never abandoned");
            Assert.Equal("running", (await Runner.HeartbeatAsync("jr-alive")).Status);
            await Task.Delay(250);
        }

        var died = await Runner.GetRunAsync("jr-died");
        Assert.Equal(("abandoned", "fail"), (died.Status, died.ValidationResult));
        Assert.StartsWith("PIPE-1301", died.Error, StringComparison.Ordinal);
        Assert.Equal("running", (await Runner.GetRunAsync("jr-alive")).Status);
        var failed = Assert.Single(await EventsAsync("PipelineFailed"));
        Assert.Equal(("PIPE-1301", "jr-died", "abandoned"),
            (Data(failed).GetProperty("code").GetString(), Data(failed).GetProperty("run_id").GetString(), Data(failed).GetProperty("status").GetString()));

        var completed = Assert.Single(await EventsAsync("RunCompleted"));
        Assert.Equal(("jr-died", "abandoned"), (Data(completed).GetProperty("run_id").GetString(), Data(completed).GetProperty("status").GetString()));

        // An abandoned run takes nothing more: no batch, no heartbeat, no completion.
        await RefusedAsync(() => Runner.SendBatchAsync("jr-died", Ndjson("""{"invoice_id":"INV-1","amount":1}"""), "application/x-ndjson"), 409, "REG-1003");
        await RefusedAsync(() => Runner.HeartbeatAsync("jr-died"), 409, "REG-1003");
        await RefusedAsync(() => Runner.CompleteRunAsync("jr-died", new CompleteRunRequest()), 409, "REG-1003");
        Assert.Contains((await Admin.LineageAsync(runId: "jr-died")).Runs, r => r.Status == "abandoned");
    }

    [Fact]
    public async Task A_new_major_or_a_deprecation_names_the_running_runs_and_latest_does_not_jump_a_major_unless_allowed()
    {
        await StartAsync();
        await Ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest"));
        await Ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_pinned", "gdp", $"{Subject}:v1.0"));
        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-ok"));
        await Runner.CompleteRunAsync("jr-ok", new CompleteRunRequest());
        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-mid"));
        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_pinned", "jr-pinned"));

        await PublishAsync($"{Subject}:v2.0", V2);

        var major = Assert.Single(await EventsAsync("RunsAffected"));
        Assert.Equal(("major_published", $"{Subject}:v2.0"), (Data(major).GetProperty("change").GetString(), major.Subject));
        Assert.Equal(["jr-mid", "jr-pinned"], Data(major).GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("run_id").GetString()));

        // :latest now means v2.0, a major the pipeline's last successful run (v1.0) never saw: blocked.
        var blocked = await RefusedAsync(() => Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-next")), 409, "PIPE-1103");
        Assert.Contains("v2.0", blocked.Problem.Detail, StringComparison.Ordinal);
        // A pipeline pinned to an exact version is not affected; one that allows majors moves on.
        Assert.Equal($"{Subject}:v1.0", (await Runner.StartRunAsync(new StartRunRequest("finance_gdp_pinned", "jr-pinned-2"))).SchemaFqid);
        var allowed = await Ops.UpdatePipelineAsync("finance_gdp_transform", new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest") { AllowMajor = true });
        Assert.True(allowed.AllowMajor);
        Assert.Equal($"{Subject}:v2.0", (await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-next"))).SchemaFqid);
        // A later PUT that does not mention the setting keeps it.
        Assert.True((await Ops.UpdatePipelineAsync("finance_gdp_transform", new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest"))).AllowMajor);

        await Admin.DeprecateAsync($"{Subject}:v1.0", "replaced by v2.0");

        var events = await EventsAsync("RunsAffected");
        Assert.Equal(2, events.Count);
        var deprecated = events[1];
        Assert.Equal(("version_deprecated", $"{Subject}:v1.0"), (Data(deprecated).GetProperty("change").GetString(), deprecated.Subject));
        Assert.Equal(["jr-mid", "jr-pinned", "jr-pinned-2"], Data(deprecated).GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("run_id").GetString()));
    }

    [Fact]
    public async Task A_gdp_run_reports_pre_job_and_post_transform_validations_and_completing_without_one_is_flagged_in_the_run_and_its_lineage()
    {
        await StartAsync();
        var pipeline = await Ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest"));
        Assert.Equal("pre_and_post", pipeline.ValidationTiming);
        Assert.Equal("build_time", (await Ops.RegisterPipelineAsync(new PipelineRequest("finance_kpi_aggregate", "kpi", $"{Subject}:latest"))).ValidationTiming);
        const string record = """{"invoice_id":"INV-1","amount":1}""";

        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-both"));
        await Runner.SendStagedBatchAsync("jr-both", Ndjson(record), "application/x-ndjson", "pre_job");
        await Runner.SendStagedBatchAsync("jr-both", Ndjson(record), "application/x-ndjson", "post_transform");
        var both = await Runner.CompleteRunAsync("jr-both", new CompleteRunRequest());
        Assert.Equal(("success", null), (both.Status, both.Flags));
        Assert.Equal(["pre_job", "post_transform"], (await Runner.GetRunAsync("jr-both")).Batches!.Select(b => b.Stage));

        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-pre-only"));
        await Runner.SendStagedBatchAsync("jr-pre-only", Ndjson(record), "application/x-ndjson", "pre_job");
        var preOnly = await Runner.CompleteRunAsync("jr-pre-only", new CompleteRunRequest());
        Assert.Equal(["missing_post_transform_validation"], preOnly.Flags);

        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-none"));
        Assert.Equal(["missing_pre_job_validation", "missing_post_transform_validation"],
            (await Runner.CompleteRunAsync("jr-none", new CompleteRunRequest())).Flags);

        // In the lineage, as the API and the RunCompleted event show it.
        var lineage = await Admin.LineageAsync(pipelineId: "finance_gdp_transform");
        Assert.Equal(["missing_post_transform_validation"], lineage.Runs.Single(r => r.RunId == "jr-pre-only").Flags);
        Assert.Null(lineage.Runs.Single(r => r.RunId == "jr-both").Flags);
        var completed = (await EventsAsync("RunCompleted")).Single(e => Data(e).GetProperty("run_id").GetString() == "jr-pre-only");
        Assert.Equal(["missing_post_transform_validation"], Data(completed).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        using var http = Server.Http(RunnerKey);
        await Runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-odd"));
        var odd = await http.PostAsync("v1/runs/jr-odd/batches?stage=sideways", new StringContent(record + "\n", System.Text.Encoding.UTF8, "application/x-ndjson"));
        await odd.ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
    }
}

public sealed class RunRulesOnSqliteTests() : RunRulesConformanceTests(Store.Sqlite);

public sealed class RunRulesOnPostgresTests() : RunRulesConformanceTests(Store.Postgres);
