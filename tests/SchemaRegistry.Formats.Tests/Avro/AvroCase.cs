using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Avro;

/// <summary>One row of the compatibility table: NEW registered after OLD under MODE is (in)compatible, with these change kinds.</summary>
public sealed record AvroCase(string Old, string New, CompatibilityMode Mode, bool Compatible, ChangeKind[] Kinds)
{
    public IReadOnlyDictionary<string, string> OldReferences { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> NewReferences { get; init; } = new Dictionary<string, string>();
}
