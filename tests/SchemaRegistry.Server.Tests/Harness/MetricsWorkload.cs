namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>
/// Calls that move every family of the registry's metrics: a schema published and read by FQID and alias (API latency,
/// resolver latency, caches), a miss (errors), and a pipeline run whose batch drifts (records, batches, drift, runs).
/// </summary>
public static class MetricsWorkload
{
    public static async Task RunAsync(RegistryServer server, string entity)
    {
        using var client = server.Client();
        using var http = server.Http();
        var fqid = $"finance.gdp.{entity}:v1.0";
        await client.RegisterAsync(Schemas.Draft(fqid));
        await client.PublishAsync(fqid, force: true, reason: "metrics workload");
        await client.GetAsync(fqid);
        await client.GetAsync($"finance.gdp.{entity}:latest");
        await client.GetAsync($"finance.gdp.{entity}:latest");
        using (var missing = await http.GetAsync($"v1/schema/finance.gdp.{entity}_missing:v1.0"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        }
        var pipeline = entity + "_job";
        await client.RegisterPipelineAsync(new Wire.PipelineRequest(pipeline, "gdp", $"finance.gdp.{entity}:latest"));
        var run = entity + "-run";
        await client.StartRunAsync(new Wire.StartRunRequest(pipeline, run));
        await client.SendBatchAsync(run, new MemoryStream("{\"id\":\"a\"}\n{\"id\":\"b\",\"new\":1}\n"u8.ToArray()), "application/x-ndjson");
        await client.CompleteRunAsync(run, new Wire.CompleteRunRequest(null));
    }
}
