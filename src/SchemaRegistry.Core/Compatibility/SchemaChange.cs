namespace SchemaRegistry.Core.Compatibility;

/// <summary>
/// One difference between an old and a new schema.
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="Path">
/// Logical JSON pointer of the schema location, following <c>properties</c>, <c>items</c>, <c>prefixItems</c>,
/// <c>additionalProperties</c> and composition branches through resolved local <c>$ref</c>s
/// (e.g. <c>/properties/customer/properties/email</c>), ending with the changed keyword when there is one
/// (<c>.../email/maxLength</c>, <c>.../type</c>). The root is the empty string.
/// </param>
/// <param name="Old">The old keyword value as compact JSON, or null when absent.</param>
/// <param name="New">The new keyword value as compact JSON, or null when absent.</param>
/// <param name="Backward">Data valid under OLD stays valid under NEW; null when it cannot be proven.</param>
/// <param name="Forward">Data valid under NEW is valid under OLD; null when it cannot be proven.</param>
/// <param name="Reason">Plain-English explanation.</param>
/// <param name="Example">
/// A JSON instance that breaks compatibility: valid under old and invalid under new when <paramref name="Backward"/>
/// is false, otherwise valid under new and invalid under old. It is an instance of the schema node at
/// <paramref name="Path"/> (without its trailing keyword), except for property membership kinds (PropertyAdded/Removed, RequiredAdded/Removed) and
/// AdditionalPropertiesClosed/Opened, whose example is the containing object.
/// </param>
public sealed record SchemaChange(
    ChangeKind Kind,
    string Path,
    string? Old,
    string? New,
    bool? Backward,
    bool? Forward,
    string Reason,
    string? Example);
