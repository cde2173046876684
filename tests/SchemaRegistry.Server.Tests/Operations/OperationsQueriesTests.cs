using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Pipelines;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Operations;

/// <summary>
/// The services the console's operations pages read (approval queue, impact of a version, the ledger's verification),
/// against a real server and store.
/// </summary>
public sealed class OperationsQueriesTests : IAsyncLifetime
{
    private const string Customer = "crm.gdp.customer";
    private const string Invoice = "finance.gdp.invoice";

    private RegistryServer _server = null!;
    private RegistryClient _admin = null!;
    private RegistryClient _approver = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite);
        _admin = _server.Client();
        _approver = _server.Client(await _server.KeyAsync("governance", "schema-admin"));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _approver.Dispose();
        await _server.DisposeAsync();
    }

    private async Task PublishAsync(string fqid, string payload)
    {
        await _admin.RegisterAsync(Schemas.Draft(fqid, payload));
        await _admin.ValidateAsync(fqid);
        await _admin.SubmitAsync(fqid);
        await _approver.ApproveAsync(fqid);
        await _admin.PublishAsync(fqid);
    }

    [Fact]
    public async Task The_approval_queue_lists_a_submitted_version_with_its_submitter_and_its_check_against_the_published_one()
    {
        await PublishAsync($"{Invoice}:v1.0", """{"type":"object","properties":{"id":{"type":"string"}}}""");
        await _admin.RegisterAsync(Schemas.Draft($"{Invoice}:v1.1", """{"type":"object","properties":{"id":{"type":"string"},"note":{}}}"""));
        await _admin.RegisterAsync(Schemas.Draft($"{Invoice}:v1.2"));
        await _admin.ValidateAsync($"{Invoice}:v1.1");
        await _admin.SubmitAsync($"{Invoice}:v1.1", "please");

        var queue = await _server.Services.GetRequiredService<ApprovalQueueService>().ListAsync(100, CancellationToken.None);

        var pending = Assert.Single(queue);
        Assert.Equal(($"{Invoice}:v1.1", "pending_approval", "please"), (pending.Version.Fqid, pending.Version.State, pending.Submitted?.Comment));
        Assert.Equal([$"{Invoice}:v1.0"], pending.Compatibility.ComparedWith);
        Assert.NotEmpty(pending.Compatibility.Changes);
    }

    [Fact]
    public async Task The_impact_of_a_version_names_the_pipeline_pinned_through_an_alias_its_runs_and_the_schemas_referencing_it()
    {
        await PublishAsync($"{Customer}:v1.0", """{"type":"object","properties":{"id":{"type":"string"}}}""");
        await PublishAsync($"{Invoice}:v1.0",
            """{"type":"object","properties":{"customer":{"$ref":"https://schemas.example.com/crm.gdp.customer:v1.0"}}}""".Replace("https://schemas.example.com/", Canonical(), StringComparison.Ordinal));
        await _admin.RegisterPipelineAsync(new PipelineRequest("crm_gdp", "gdp", $"{Customer}:latest"));
        await _admin.RegisterPipelineAsync(new PipelineRequest("finance_gdp", "gdp", $"{Invoice}:latest"));
        var runner = _server.Client(await _server.KeyAsync("glue", "pipeline-runner"));
        await runner.StartRunAsync(new StartRunRequest("crm_gdp", "crm-run-1", null));
        await runner.SendBatchAsync("crm-run-1", new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"c1\"}\n")), "application/x-ndjson");

        var impact = await _server.Services.GetRequiredService<ImpactService>().DependentsAsync($"{Customer}:v1.0", CancellationToken.None);

        Assert.Equal(["crm_gdp"], impact.Pipelines.Select(p => p.PipelineId));
        Assert.Equal(["crm-run-1"], impact.Runs.Select(r => r.RunId));
        Assert.Equal([$"{Invoice}:v1.0"], impact.ReferencedBy);
        runner.Dispose();
    }

    [Fact]
    public async Task The_ledger_verifies_over_every_entry()
    {
        await PublishAsync($"{Invoice}:v1.0", """{"type":"object"}""");
        var (entries, broken) = await _server.Services.GetRequiredService<AuditService>().VerifyAsync(CancellationToken.None);
        Assert.Null(broken);
        Assert.Equal((await _admin.ListAuditAsync()).Count, entries);
        Assert.True(entries >= 5, $"{entries} entries");
    }

    private string Canonical() => _server.Services.GetRequiredService<Hosting.RegistryOptions>().CanonicalPrefix;
}
