namespace SchemaRegistry.Formats.Tests.Protobuf;

/// <summary>
/// The Protobuf compatibility table, written from the language guide's "updating a message type" rules and
/// Confluent's protobuf compatibility rules (rows marked "Confluent diff N" mirror its diff examples; where we differ,
/// the comment says why). Each row: old, new, mode, whether the mode accepts the change, the change kinds expected.
/// One file per theme; each theme is a property, so the order in which partial files initialise cannot matter.
/// </summary>
internal static partial class ProtoCompatCases
{
    public static readonly IReadOnlyList<ProtoCompatCase> All = [.. Fields, .. Scalars, .. Messages, .. Files, .. Labels, .. Maps, .. Oneofs, .. Enums];
}
