using System.Text.Json;

namespace SchemaRegistry.Data.Readers;

/// <summary>A primitive field: one column.</summary>
internal sealed class ParquetLeafNode(string name, ParquetColumn column) : ParquetNode(name)
{
    public override ParquetColumn FirstColumn => column;

    public override bool IsNull => column.Definition < column.MaxDefinition;

    public override void Write(Utf8JsonWriter json) => column.Write(json);

    public override void Skip() => column.Skip();
}
