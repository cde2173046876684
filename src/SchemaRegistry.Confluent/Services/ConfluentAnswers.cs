using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Services;

/// <summary>Builds the door's answers from stored schemas; Avro's <c>schemaType</c> and empty references are left out, as Confluent does.</summary>
internal sealed class ConfluentAnswers(ConfluentCatalog catalog, SchemaFormats formats, Naming.SubjectNames names)
{
    /// <summary>
    /// The schema as stored, or, when the client asks <c>format=serialized</c> and the format has a binary spelling
    /// (Protobuf), that spelling: Confluent's JavaScript and Go deserializers read Protobuf schemas only that way.
    /// </summary>
    public async Task<string> TextAsync(StoredSchema schema, string? format, CancellationToken cancellationToken)
    {
        var schemaFormat = catalog.FormatOf(schema.Format);
        if (!string.Equals(format, "serialized", StringComparison.Ordinal) || schemaFormat is not ISerializedSchemaForm serialized)
        {
            return schema.Text;
        }
        var request = new RegisterRequest(schema.Text, schemaFormat.ConfluentType, ReferencesOf(schema), null, null, null, null);
        var candidate = await CandidateSchema.ParseAsync(request, formats, names, catalog, cancellationToken);
        return serialized.ToSerialized(candidate.Parsed);
    }

    public async Task<StoredSchema> SchemaAsync(long id, CancellationToken cancellationToken) =>
        await catalog.SchemaAsync(id, cancellationToken) ?? throw ConfluentErrors.SchemaMissing($"with id {id}");

    public string? SchemaTypeOf(StoredSchema schema)
    {
        var type = catalog.FormatOf(schema.Format).ConfluentType;
        return type == "AVRO" ? null : type;
    }

    public static IReadOnlyList<SchemaReference>? ReferencesOf(StoredSchema schema) =>
        SchemaFingerprint.ParseReferences(schema.References) is { Count: > 0 } references ? references : null;

    public async Task<SubjectVersionResponse> VersionAsync(string name, ConfluentVersion version, CancellationToken cancellationToken, string? format = null)
    {
        var schema = await SchemaAsync(version.SchemaId, cancellationToken);
        return new SubjectVersionResponse(name, version.Version, schema.Id, SchemaTypeOf(schema), ReferencesOf(schema),
            await TextAsync(schema, format, cancellationToken));
    }

    public async Task<SchemaByIdResponse> ByIdAsync(long id, CancellationToken cancellationToken, string? format = null)
    {
        var schema = await SchemaAsync(id, cancellationToken);
        return new SchemaByIdResponse(SchemaTypeOf(schema), ReferencesOf(schema), await TextAsync(schema, format, cancellationToken));
    }
}
