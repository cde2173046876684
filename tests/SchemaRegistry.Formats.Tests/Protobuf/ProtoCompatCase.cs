using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

/// <summary>One row of the compatibility table: two schemas, a mode, the verdict and the change kinds expected.</summary>
internal sealed record ProtoCompatCase(
    string Name,
    string Old,
    string New,
    CompatibilityMode Mode,
    bool Compatible,
    ChangeKind[] Kinds,
    IReadOnlyDictionary<string, string>? OldReferences = null,
    IReadOnlyDictionary<string, string>? NewReferences = null);
