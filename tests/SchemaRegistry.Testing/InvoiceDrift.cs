using System.Text;
using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Testing;

/// <summary>
/// The seed's Example B set up over the API: <c>finance.gdp.invoice:v1.1</c> published through governance, the
/// pipeline that declares its latest version (drift policy quarantine), and runs whose batches carry fields v1.1
/// does not declare (<c>invoice_region_code</c>).
/// </summary>
public static class InvoiceDrift
{
    public const string Subject = "finance.gdp.invoice";
    public const string Pipeline = "finance_gdp_transform";
    public const string V11 = """{"type":"object","required":["invoice_id","amount"],"properties":{"invoice_id":{"type":"string"},"amount":{"type":"number"},"currency":{"type":"string"}}}""";

    /// <summary>The lines of Example B's batch: one as v1.1 declares, two with <c>invoice_region_code</c>.</summary>
    public static readonly string[] ExampleBLines =
    [
        """{"invoice_id":"INV-1","amount":10.5}""",
        """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""",
        """{"invoice_id":"INV-3","amount":7,"invoice_region_code":"US-E"}""",
    ];

    /// <summary>v1.1 registered, validated, submitted and published by <paramref name="admin"/>, approved by <paramref name="approver"/> (another key); then the pipeline.</summary>
    public static async Task PublishV11AndPipelineAsync(RegistryClient admin, RegistryClient approver, string description = "test schema")
    {
        var fqid = $"{Subject}:v1.1";
        using var document = JsonDocument.Parse(V11);
        await admin.RegisterAsync(new RegisterSchemaRequest(fqid, "finance-data", description, Payload: document.RootElement.Clone()));
        await admin.ValidateAsync(fqid);
        await admin.SubmitAsync(fqid);
        await approver.ApproveAsync(fqid);
        await admin.PublishAsync(fqid);
        await admin.RegisterPipelineAsync(new PipelineRequest(Pipeline, "gdp", $"{Subject}:latest", "pre_and_post", "quarantine", "finance-data"));
    }

    /// <summary>Starts run <paramref name="runId"/> of the pipeline and sends <paramref name="lines"/> as one NDJSON batch: the batch's report.</summary>
    public static async Task<BatchResponse> SendAsync(RegistryClient runner, string runId, IEnumerable<string> lines)
    {
        await runner.StartRunAsync(new StartRunRequest(Pipeline, runId, "s3://warehouse/gdp/invoice/"));
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        return await runner.SendBatchAsync(runId, content, "application/x-ndjson");
    }

    /// <summary>The drift case a batch opened.</summary>
    public static long CaseOf(BatchResponse batch) => batch.DriftCaseId ?? throw new InvalidOperationException("The batch opened no drift case.");
}
