using System.Text;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>
/// Fills a registry over HTTP with a row in every table a backup carries: versions in every state with their
/// history, a subject's mode, keys (one revoked, one expiring), a pipeline whose run drifted (a drift case with
/// fields, a quarantine with a manifest and released records), events and the ledger.
/// </summary>
public static class BusyRegistry
{
    public const string SubscriptionSecret = "a-webhook-secret-that-must-not-leak";
    public const string RunId = "jr-backup-0001";

    private const string V10 = """{"type":"object","required":["invoice_id"],"properties":{"invoice_id":{"type":"string"},"amount":{"type":"number","minimum":0}}}""";
    private const string V11 = """{"type":"object","required":["invoice_id"],"properties":{"invoice_id":{"type":"string"},"amount":{"type":"number","minimum":0},"region":{"type":"string"}}}""";

    public static async Task PopulateAsync(RegistryServer server)
    {
        using var admin = server.Client();
        using var reviewer = server.Client(await server.KeyAsync("reviewer", "schema-admin"));
        using var ops = server.Client(await server.KeyAsync("ops", "ops-engineer"));
        using var runner = server.Client(await server.KeyAsync("glue", "pipeline-runner"));
        var reader = await admin.CreateKeyAsync(new CreateKeyRequest("dashboard", "reader", DateTimeOffset.UtcNow.AddDays(90)));
        var retired = await admin.CreateKeyAsync(new CreateKeyRequest("retired", "reader"));
        await admin.RevokeKeyAsync(retired.Id);
        _ = reader;

        await admin.SetConfigAsync("finance.gdp.invoice", "FORWARD");
        await PublishAsync(admin, reviewer, "finance.gdp.customer:v1.0", """{"type":"object","properties":{"name":{"type":"string","description":"Ünïcode ✓ <&>"}}}""");
        await PublishAsync(admin, reviewer, "finance.gdp.invoice:v1.0", V10);
        await admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v2.0", """{"type":"object"}"""));
        await admin.ValidateAsync("finance.gdp.invoice:v2.0");
        await admin.SubmitAsync("finance.gdp.invoice:v2.0", "ready for review");
        await reviewer.RejectAsync("finance.gdp.invoice:v2.0", "needs a description");
        await admin.RegisterAsync(Schemas.Draft("sales.raw.order:v1.0"));
        await admin.PublishAsync("sales.raw.order:v1.0", force: true, reason: "hotfix for INC-42");
        await admin.DeprecateAsync("sales.raw.order:v1.0", "replaced");

        await ops.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", "finance.gdp.invoice:latest", "pre_and_post", "quarantine", "finance-data"));
        await runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", RunId, "s3://warehouse/gdp/invoice/"));
        var lines = """
            {"invoice_id":"INV-1","amount":10.5}
            {"invoice_id":"INV-2","amount":3,"region":"EU-W"}
            {"invoice_id":"INV-3","amount":-1}
            """;
        await runner.SendBatchAsync(RunId, new MemoryStream(Encoding.UTF8.GetBytes(lines)), "application/x-ndjson");
        await PublishAsync(admin, reviewer, "finance.gdp.invoice:v1.1", V11);
        await ops.ReplayQuarantineAsync(new QuarantineReplayRequest(RunId));
        await runner.CompleteRunAsync(RunId, new CompleteRunRequest());
        await admin.SubscribeAsync(new SubscriptionRequest("http://127.0.0.1:9/hooks", SubscriptionSecret, ["SchemaPublished"]));
        await PopulateConfluentDoorAsync(server);
    }

    /// <summary>
    /// The Confluent door's tables (its own tests drive it over HTTP; this server has no door mapped): a global id, a
    /// Kafka name, a numbered version with the metadata a client sent, and a mode.
    /// </summary>
    private static async Task PopulateConfluentDoorAsync(RegistryServer server)
    {
        var door = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Storage.Ports.IRegistryStorage>(server.Services).Confluent;
        var at = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);
        var id = await door.EnsureSchemaIdAsync(new Storage.Ports.StoredSchema(0, "sha256:busy-registry", "json-schema", V10, "[]"), null, at, CancellationToken.None);
        await door.MapNameAsync("invoices-value", "finance.gdp.invoice", at, CancellationToken.None);
        await door.AppendVersionAsync("finance.gdp.invoice", "finance.gdp.invoice:v1.0", id!.Value, null, """{"metadata":{"owner":"Ünïcode ✓"}}""", CancellationToken.None);
        await door.SetSettingAsync("finance.gdp.invoice", "mode", "READONLY", "admin", at, [], CancellationToken.None);
    }

    private static async Task PublishAsync(Client.RegistryClient admin, Client.RegistryClient reviewer, string fqid, string payload)
    {
        await admin.RegisterAsync(Schemas.Draft(fqid, payload));
        await admin.ValidateAsync(fqid);
        await admin.SubmitAsync(fqid);
        await reviewer.ApproveAsync(fqid, "looks right");
        await admin.PublishAsync(fqid);
    }
}
