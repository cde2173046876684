using System.Text.Json;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.References;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// A version compiled for checking data, the same way in the server, the CLI and the SDK: the schema with the
/// payloads it references, its closed variant (the fast path, see <see cref="ClosedSchema"/>; null when it does not
/// compile; the same instance as <see cref="Schema"/> when closing changes nothing) and its data shape (drift detection).
/// <see cref="ClosedIsExact"/>: a record that does not drift and that the closed variant rejects is invalid (see
/// <see cref="ClosedSchema.ClosesExactly"/>; always so when the closed variant is the schema itself).
/// </summary>
public sealed record CompiledDataContract(CompiledSchema Schema, CompiledSchema? Closed, DataShape Shape, bool ClosedIsExact = false)
{
    private static readonly Uri PayloadUri = new("schemareg:payload");

    /// <summary>Compiles <paramref name="payload"/>; <paramref name="referenced"/> holds the payloads it references by FQID.</summary>
    public static CompiledDataContract Compile(string payload, IReadOnlyDictionary<string, string> referenced, string canonicalPrefix)
    {
        var schema = CompiledSchema.Compile(payload, new JsonSchemaOptions { Resolver = new RegistryReferenceResolver(referenced, canonicalPrefix) }, PayloadUri);
        CompiledSchema? closed;
        try
        {
            var closedPayload = ClosedSchema.CloseIfOpen(payload);
            var closedReferences = referenced.ToDictionary(r => r.Key, r => ClosedSchema.CloseIfOpen(r.Value), StringComparer.Ordinal);
            closed = closedPayload is null && closedReferences.Values.All(c => c is null)
                ? schema
                : CompiledSchema.Compile(closedPayload ?? payload,
                    new JsonSchemaOptions
                    {
                        Resolver = new RegistryReferenceResolver(closedReferences.ToDictionary(r => r.Key, r => r.Value ?? referenced[r.Key], StringComparer.Ordinal),
                            canonicalPrefix),
                    },
                    PayloadUri);
        }
        catch (SchemaCompileException)
        {
            closed = null;
        }
        // With references the shape reads a bundle of several documents: only a closed variant that is the schema itself is exact.
        return new CompiledDataContract(schema, closed, DataShape.FromSchema(ReferenceBundler.Bundle(payload, referenced, canonicalPrefix)),
            ReferenceEquals(closed, schema) || (referenced.Count == 0 && ClosesExactly(payload)));
    }

    /// <summary>A schema file's document (no references to the registry), as <c>data validate --schema FILE</c> compiles it.</summary>
    public static CompiledDataContract Compile(JsonElement payload, Uri baseUri)
    {
        var schema = CompiledSchema.Compile(payload, null, baseUri);
        CompiledSchema? closed;
        try
        {
            closed = ClosedSchema.CloseIfOpen(payload.GetRawText()) is { } closedText ? CompiledSchema.Compile(closedText, null, baseUri) : schema;
        }
        catch (SchemaCompileException)
        {
            closed = null;
        }
        return new CompiledDataContract(schema, closed, DataShape.FromSchema(payload), ReferenceEquals(closed, schema) || ClosedSchema.ClosesExactly(payload));
    }

    private static bool ClosesExactly(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return ClosedSchema.ClosesExactly(document.RootElement);
    }

    /// <summary>A classifier for one thread.</summary>
    public RecordClassifier Classifier(DriftPolicy policy, bool detectDrift = true) =>
        new(Schema, Shape, policy, detectDrift, Closed, Closed is not null && ClosedIsExact);
}
