using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Pipelines;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Events;

/// <summary>
/// Turns run events into OpenLineage RunEvents: <c>RunStarted</c> → START, <c>RunCompleted</c> → COMPLETE or FAIL.
/// The job is the pipeline; the input is the contract's subject with its schema facet and, once the run is over,
/// the data-quality assertions the batches checked; the outputs are the run's output path and its quarantine.
/// </summary>
internal sealed class OpenLineageEvents(IRegistryStorage storage, Pipelines.QuarantineStore quarantine, RegistryOptions options)
{
    public const string SpecUrl = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    private const string FacetSpec = "https://openlineage.io/spec/facets/";

    private string Producer => options.CanonicalPrefix[..^"v1/schema/".Length];

    /// <summary>The RunEvent's JSON, or null for events OpenLineage does not describe (and runs that no longer exist).</summary>
    public async Task<byte[]?> BuildAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        if (stored.Type is not (EventTypes.RunStarted or EventTypes.RunCompleted))
        {
            return null;
        }
        using var data = JsonDocument.Parse(stored.Data);
        if (!data.RootElement.TryGetProperty("run_id", out var id) || await storage.Pipelines.GetRunAsync(id.GetString()!, cancellationToken) is not { } run)
        {
            return null;
        }
        var completed = stored.Type == EventTypes.RunCompleted;
        var failed = completed && run.Status == RunStatus.Failed;
        var runFacets = new JsonObject();
        if (failed)
        {
            runFacets["errorMessage"] = Facet("1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet", new JsonObject
            {
                ["message"] = run.FailureReason ?? "the run failed",
                ["programmingLanguage"] = "none",
            });
        }
        var body = new JsonObject
        {
            // An abandoned run stopped without saying how it ended: OpenLineage's ABORT.
            ["eventType"] = !completed ? "START" : failed ? "FAIL" : run.Status == RunStatus.Abandoned ? "ABORT" : "COMPLETE",
            ["eventTime"] = stored.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["run"] = new JsonObject { ["runId"] = RunUuid(run.RunId), ["facets"] = runFacets },
            ["job"] = new JsonObject { ["namespace"] = options.OpenLineageNamespace, ["name"] = run.PipelineId, ["facets"] = new JsonObject() },
            ["inputs"] = new JsonArray(await InputAsync(run, completed, cancellationToken)),
            ["outputs"] = Outputs(run, completed),
            ["producer"] = Producer,
            ["schemaURL"] = SpecUrl,
        };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>OpenLineage wants a UUID; the run's own id is kept stable by hashing it into one (version 5 style).</summary>
    public static string RunUuid(string runId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("schemareg-run:" + runId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private async Task<JsonObject> InputAsync(RunRecord run, bool completed, CancellationToken cancellationToken)
    {
        var facets = new JsonObject
        {
            ["version"] = Facet("1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet", new JsonObject { ["datasetVersion"] = run.Fqid.ToString() }),
        };
        if (await storage.Schemas.GetAsync(run.Fqid, cancellationToken) is { } record)
        {
            facets["schema"] = Facet("1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet", new JsonObject { ["fields"] = Fields(record.Definition.Payload) });
        }
        var input = new JsonObject { ["namespace"] = options.OpenLineageNamespace, ["name"] = run.Fqid.Subject.ToString(), ["facets"] = facets };
        if (completed)
        {
            var c = run.Counts;
            input["inputFacets"] = new JsonObject
            {
                ["dataQualityAssertions"] = Facet("1-0-1/DataQualityAssertionsDatasetFacet.json#/$defs/DataQualityAssertionsDatasetFacet", new JsonObject
                {
                    ["assertions"] = new JsonArray(
                        new JsonObject { ["assertion"] = $"valid against {run.Fqid} ({ErrorCode.BatchValidationFailed})", ["success"] = c.Invalid == 0 },
                        new JsonObject { ["assertion"] = $"no schema drift ({ErrorCode.DriftDetected})", ["success"] = c.Drifted == 0 && c.Rescued == 0 }),
                }),
            };
        }
        return input;
    }

    private JsonArray Outputs(RunRecord run, bool completed)
    {
        var outputs = new JsonArray();
        if (run.OutputPath is { Length: > 0 } path)
        {
            var (ns, name) = Location(path);
            outputs.Add(Output(ns, name, completed ? run.Counts.Valid + run.Counts.Rescued : null));
        }
        if (completed && run.Counts.Quarantined > 0)
        {
            var (ns, name) = QuarantineLocation(quarantine.Description, quarantine.InStore(QuarantineKeys.RunFolder(run)));
            outputs.Add(Output(ns, name, run.Counts.Quarantined));
        }
        return outputs;
    }

    private JsonObject Output(string ns, string name, long? rows)
    {
        var output = new JsonObject { ["namespace"] = ns, ["name"] = name, ["facets"] = new JsonObject() };
        if (rows is { } count)
        {
            output["outputFacets"] = new JsonObject
            {
                ["outputStatistics"] = Facet("1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet", new JsonObject { ["rowCount"] = count }),
            };
        }
        return output;
    }

    /// <summary>The quarantine folder as an OpenLineage dataset: <c>file</c> + absolute path, or <c>s3://bucket</c> + <c>/prefix/folder</c>.</summary>
    internal static (string Namespace, string Name) QuarantineLocation(string blobs, string folder)
    {
        if (blobs.StartsWith("file:", StringComparison.Ordinal))
        {
            return ("file", blobs["file:".Length..].TrimEnd('/') + "/" + folder);
        }
        var location = blobs.Split('?')[0];
        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? location : location[(scheme + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        return ((scheme < 0 ? "" : location[..(scheme + 3)]) + (slash < 0 ? rest : rest[..slash]), "/" + (prefix.Length > 0 ? prefix + "/" : "") + folder);
    }

    /// <summary>OpenLineage's dataset naming: <c>s3://bucket/path</c> → namespace <c>s3://bucket</c>, name <c>/path</c>; a plain path is a file.</summary>
    private static (string Namespace, string Name) Location(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme != "file" && uri.Authority.Length > 0
            ? ($"{uri.Scheme}://{uri.Authority}", uri.AbsolutePath)
            : ("file", uri?.LocalPath ?? path);

    private static JsonArray Fields(string payload)
    {
        var fields = new JsonArray();
        using var schema = JsonDocument.Parse(payload);
        if (schema.RootElement.ValueKind != JsonValueKind.Object || !schema.RootElement.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }
        foreach (var property in properties.EnumerateObject())
        {
            var field = new JsonObject { ["name"] = property.Name, ["type"] = TypeOf(property.Value) };
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String)
            {
                field["description"] = d.GetString();
            }
            fields.Add(field);
        }
        return fields;
    }

    private static string TypeOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.String ? type.GetString()! : string.Join("|", type.EnumerateArray().Select(t => t.ToString()))
            : "any";

    private JsonObject Facet(string schema, JsonObject content)
    {
        content["_producer"] = Producer;
        content["_schemaURL"] = FacetSpec + schema;
        return content;
    }
}
