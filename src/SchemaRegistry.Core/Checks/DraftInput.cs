using System.Text.Json;

namespace SchemaRegistry.Core.Checks;

/// <summary>A schema document as it arrives, before any field is trusted.</summary>
public sealed record DraftInput(
    string? Fqid,
    string? Owner,
    string? Description,
    string? Format,
    string? Compatibility,
    IReadOnlyDictionary<string, string>? Tags,
    JsonElement? Payload);
