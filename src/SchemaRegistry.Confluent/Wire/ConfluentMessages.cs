using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaRegistry.Confluent.Wire;

/// <summary>A reference as Confluent clients send it: the name the schema uses, and the subject version it names.</summary>
internal sealed record SchemaReference(string? Name, string? Subject, int? Version);

/// <summary>
/// Body of register, look-up and compatibility calls. <c>metadata</c> and <c>ruleSet</c> (sent by newer clients) are
/// kept as they came and stored with the version; <c>id</c> and <c>version</c> are honoured in IMPORT mode only.
/// </summary>
internal sealed record RegisterRequest(
    string? Schema,
    string? SchemaType,
    IReadOnlyList<SchemaReference>? References,
    JsonElement? Metadata,
    JsonElement? RuleSet,
    long? Id,
    int? Version);

internal sealed record RegisterResponse(long Id);

/// <summary>A subject version as Confluent answers it; <c>schemaType</c> is left out for Avro, as Confluent does.</summary>
internal sealed record SubjectVersionResponse(
    string Subject,
    int Version,
    long Id,
    string? SchemaType,
    IReadOnlyList<SchemaReference>? References,
    string Schema);

internal sealed record SchemaByIdResponse(string? SchemaType, IReadOnlyList<SchemaReference>? References, string Schema);

internal sealed record SubjectVersionPair(string Subject, int Version);

internal sealed record CompatibilityLevelResponse(string CompatibilityLevel);

internal sealed record ConfigRequest(string? Compatibility, string? RegistrationPolicy);

internal sealed record ConfigResponse(string Compatibility);

internal sealed record ModeBody(string? Mode);

internal sealed record CompatibilityCheckResponse(
    [property: JsonPropertyName("is_compatible")] bool IsCompatible,
    [property: JsonPropertyName("messages")] IReadOnlyList<string>? Messages);

internal sealed record MetadataIdResponse(MetadataScope Scope);

internal sealed record MetadataScope(IReadOnlyList<string> Path, IReadOnlyDictionary<string, string> Clusters);
