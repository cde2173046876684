using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Avro;

/// <summary>Three versions of a subject: V3 registered after V1 and V2 under MODE is (in)compatible.</summary>
public sealed record AvroHistory(string V1, string V2, string V3, CompatibilityMode Mode, bool Compatible);
