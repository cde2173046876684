using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Data.Records;

/// <summary>
/// A field a source declares (a Parquet column or group): its dotted path (<c>lines[].sku</c> for a field inside
/// a list of structs) and the JSON kinds its values become.
/// </summary>
public sealed record SourceField(string Path, ValueKinds Kinds, bool Nullable);
