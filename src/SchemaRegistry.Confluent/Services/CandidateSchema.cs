using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Services;

/// <summary>A schema a client sent (its text: as sent, or the normalised text of a binary spelling), parsed by its format with its references resolved, and its identity.</summary>
internal sealed record CandidateSchema(ISchemaFormat Format, string Text, ParsedSchema Parsed, string Normalised, IReadOnlyList<SchemaReference> References,
    string Fingerprint)
{
    public string ReferencesJson => SchemaFingerprint.ReferencesJson(References);

    /// <summary>Parses a request's schema (42201 when it is missing, of a type not held, or not valid; a reference that does not resolve too).</summary>
    public static async Task<CandidateSchema> ParseAsync(RegisterRequest request, SchemaFormats formats, Naming.SubjectNames names, ConfluentCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Schema))
        {
            throw ConfluentErrors.Invalid("Empty schema: the body's 'schema' member is required.");
        }
        if (!formats.TryGetByConfluentType(request.SchemaType, out var format))
        {
            throw ConfluentErrors.Invalid($"Invalid schemaType '{SubjectName.Printable(request.SchemaType ?? "AVRO")}': this registry holds " +
                                          string.Join(", ", formats.All.Select(f => f.ConfluentType).Order(StringComparer.Ordinal)) + ".");
        }
        var references = request.References ?? [];
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (string.IsNullOrEmpty(reference.Name) || string.IsNullOrEmpty(reference.Subject) || reference.Version is null)
            {
                throw ConfluentErrors.Invalid("Invalid reference: each reference needs a name, a subject and a version.");
            }
            var subject = await names.FindAsync(reference.Subject, cancellationToken)
                          ?? throw ConfluentErrors.Invalid($"Invalid reference '{SubjectName.Printable(reference.Name)}': subject '{SubjectName.Printable(reference.Subject)}' not found.");
            var versions = await catalog.VersionsAsync(subject, cancellationToken);
            var found = versions.FirstOrDefault(v => v.Version == reference.Version && v.Deleted == ConfluentVersion.Live)
                        ?? throw ConfluentErrors.Invalid($"Invalid reference '{SubjectName.Printable(reference.Name)}': version {reference.Version} of '{SubjectName.Printable(reference.Subject)}' not found.");
            var schema = await catalog.SchemaAsync(found.SchemaId, cancellationToken)
                         ?? throw ConfluentErrors.Invalid($"Invalid reference '{SubjectName.Printable(reference.Name)}': its schema is missing.");
            texts[reference.Name] = schema.Text;
        }
        var parse = format.Parse(request.Schema, texts);
        if (parse.Schema is not { } parsed)
        {
            throw ConfluentErrors.Invalid($"Invalid schema: {string.Join("; ", parse.Issues.Take(5).Select(i => i.Path is { Length: > 0 } ? $"{i.Path}: {i.Message}" : i.Message))}");
        }
        var normalised = format.Normalise(parsed);
        var ordered = references.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        // A schema sent in its binary spelling (Protobuf's base64 descriptor) is kept as the text it normalises to:
        // readable by our API, the CLI and diffs; format=serialized answers are made from it again.
        var text = format is ISerializedSchemaForm serialized && serialized.IsSerialized(request.Schema) ? normalised : request.Schema;
        return new CandidateSchema(format, text, parsed, normalised, ordered, SchemaFingerprint.Of(format.Name, normalised, ordered));
    }

    public StoredSchema ToStored(bool normalize) => new(0, Fingerprint, Format.Name, normalize ? Normalised : Text, ReferencesJson);
}
