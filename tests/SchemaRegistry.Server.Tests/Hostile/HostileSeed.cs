using System.Text;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// A registry with something in every table, so that hostile calls have something to damage: a published version,
/// a draft, a pipeline with an open run whose batch drifted (a drift case, quarantined records), the ledger.
/// </summary>
public sealed record HostileSeed(string Subject, string Published, string Draft, string PipelineId, string RunId, long DriftCaseId)
{
    public const string Payload = """
        {"type":"object","properties":{"invoice_id":{"type":"string","pattern":"^INV-[0-9]+$"},"amount":{"type":"number","minimum":0}},"required":["invoice_id"]}
        """;

    public static async Task<HostileSeed> CreateAsync(RegistryServer server)
    {
        using var admin = server.Client();
        const string subject = "finance.gdp.invoice";
        await admin.RegisterAsync(Schemas.Draft(subject + ":v1.0", Payload));
        await admin.PublishAsync(subject + ":v1.0", force: true, reason: "seed");
        await admin.RegisterAsync(Schemas.Draft(subject + ":v1.1", Payload));
        await admin.RegisterPipelineAsync(new PipelineRequest("p-invoice", "gdp", subject + ":latest", "pre_and_post", "quarantine", "finance-data"));
        var run = await admin.StartRunAsync(new StartRunRequest("p-invoice", "run-seed"));
        var batch = await admin.SendBatchAsync(run.RunId, new MemoryStream(Encoding.UTF8.GetBytes(
            "{\"invoice_id\":\"INV-1\",\"amount\":1}\n{\"invoice_id\":\"INV-2\",\"amount\":2,\"invoice_region_code\":\"EU-W\"}\n")), "application/x-ndjson");
        return new HostileSeed(subject, subject + ":v1.0", subject + ":v1.1", "p-invoice", run.RunId,
            batch.DriftCaseId ?? throw new InvalidOperationException("The seed batch opened no drift case."));
    }

    /// <summary>A concrete path for an endpoint's route, naming what the seed holds.</summary>
    public string PathOf(string route, string? placeholder = null, string? value = null)
    {
        string Fill(string name, string real) => name == placeholder ? value! : real;
        return route.TrimStart('/')
            .Replace("{fqid}", Fill("{fqid}", Draft), StringComparison.Ordinal)
            .Replace("{subject}", Fill("{subject}", Subject), StringComparison.Ordinal)
            .Replace("drift/{id}", "drift/" + Fill("{id}", DriftCaseId.ToString(System.Globalization.CultureInfo.InvariantCulture)), StringComparison.Ordinal)
            .Replace("{id}", Fill("{id}", "missing-id"), StringComparison.Ordinal)
            .Replace("{pipelineId}", Fill("{pipelineId}", PipelineId), StringComparison.Ordinal)
            .Replace("{runId}", Fill("{runId}", RunId), StringComparison.Ordinal)
            .Replace("{documentName}", Fill("{documentName}", "v1"), StringComparison.Ordinal);
    }
}
