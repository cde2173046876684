using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Services;

/// <summary>Builds the door's answers from stored schemas; Avro's <c>schemaType</c> and empty references are left out, as Confluent does.</summary>
internal sealed class ConfluentAnswers(ConfluentCatalog catalog)
{
    public async Task<StoredSchema> SchemaAsync(long id, CancellationToken cancellationToken) =>
        await catalog.SchemaAsync(id, cancellationToken) ?? throw ConfluentErrors.SchemaMissing($"with id {id}");

    public string? SchemaTypeOf(StoredSchema schema)
    {
        var type = catalog.FormatOf(schema.Format).ConfluentType;
        return type == "AVRO" ? null : type;
    }

    public static IReadOnlyList<SchemaReference>? ReferencesOf(StoredSchema schema) =>
        SchemaFingerprint.ParseReferences(schema.References) is { Count: > 0 } references ? references : null;

    public async Task<SubjectVersionResponse> VersionAsync(string name, ConfluentVersion version, CancellationToken cancellationToken)
    {
        var schema = await SchemaAsync(version.SchemaId, cancellationToken);
        return new SubjectVersionResponse(name, version.Version, schema.Id, SchemaTypeOf(schema), ReferencesOf(schema), schema.Text);
    }

    public async Task<SchemaByIdResponse> ByIdAsync(long id, CancellationToken cancellationToken)
    {
        var schema = await SchemaAsync(id, cancellationToken);
        return new SchemaByIdResponse(SchemaTypeOf(schema), ReferencesOf(schema), schema.Text);
    }
}
