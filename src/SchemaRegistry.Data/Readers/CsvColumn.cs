using System.Text.Json;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// A CSV column: its property name, encoded once, and the JSON kinds the schema declares for it (null for a column
/// the schema does not know, whose values are inferred).
/// </summary>
internal sealed record CsvColumn(JsonEncodedText Name, ValueKinds? Kinds);
