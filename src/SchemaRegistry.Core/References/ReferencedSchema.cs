namespace SchemaRegistry.Core.References;

/// <summary>A registered version as the reference loader needs it: its payload and the FQIDs its payload references.</summary>
/// <param name="Payload">The payload's JSON text.</param>
/// <param name="References">FQIDs referenced by its <c>schemareg:</c> (or canonical-URL) <c>$ref</c>s.</param>
public sealed record ReferencedSchema(string Payload, IReadOnlyList<string> References);
