using Parquet.Schema;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// The Parquet footer's schema turned into the nodes that assemble rows, the leaf columns they read, and the
/// <see cref="SourceField"/>s the file declares: one per field, with dotted paths (<c>customer.id</c>) and
/// <c>[]</c> for a list's elements (<c>lines[]</c>, <c>lines[].sku</c>). A map declares only itself (an object):
/// its keys are data, not field names.
/// </summary>
internal sealed class ParquetSchemaMap
{
    private readonly List<ParquetColumn> _columns = [];
    private readonly List<SourceField> _fields = [];

    public ParquetSchemaMap(ParquetSchema schema)
    {
        Roots = [.. schema.Fields.Select(field => Build(field, field.Name, declare: true))];
    }

    public IReadOnlyList<ParquetNode> Roots { get; }

    public IReadOnlyList<ParquetColumn> Columns => _columns;

    public IReadOnlyList<SourceField> Fields => _fields;

    private ParquetNode Build(Field field, string path, bool declare)
    {
        switch (field)
        {
            case DataField { IsArray: true } data:
            {
                // A repeated primitive outside a LIST group (the legacy two-level list).
                Declare(declare, path, ValueKinds.Array, nullable: false);
                var column = AddColumn(data, path + "[]", nullable: false, declare);
                return new ParquetListNode(
                    field.Name,
                    new ParquetLeafNode(field.Name, column),
                    data.MaxDefinitionLevel - 1,
                    data.MaxDefinitionLevel,
                    data.MaxRepetitionLevel);
            }
            case DataField data:
                return new ParquetLeafNode(field.Name, AddColumn(data, path, data.IsNullable, declare));
            case StructField group:
            {
                Declare(declare, path, ValueKinds.Object, group.IsNullable);
                if (group.Fields.Count == 0)
                {
                    throw new ParquetFormatException($"Parquet group '{path}' has no fields.");
                }
                var children = group.Fields.Select(child => Build(child, path + "." + child.Name, declare)).ToList();
                return new ParquetStructNode(field.Name, children, group.MaxDefinitionLevel);
            }
            case ListField list:
            {
                Declare(declare, path, ValueKinds.Array, list.IsNullable);
                var element = Build(list.Item, path + "[]", declare);
                return new ParquetListNode(
                    field.Name, element, list.MaxDefinitionLevel - 1, list.MaxDefinitionLevel, list.MaxRepetitionLevel);
            }
            case MapField { Key: DataField { IsArray: false } key } map:
            {
                Declare(declare, path, ValueKinds.Object, map.IsNullable);
                var keyColumn = AddColumn(key, path, nullable: false, declare: false);
                var value = Build(map.Value, path, declare: false);
                return new ParquetMapNode(
                    field.Name, keyColumn, value, map.MaxDefinitionLevel - 1, map.MaxDefinitionLevel, map.MaxRepetitionLevel);
            }
            default:
                throw new ParquetFormatException($"Parquet field '{path}' has a structure this reader does not map to JSON.");
        }
    }

    private ParquetColumn AddColumn(DataField field, string path, bool nullable, bool declare)
    {
        var (column, kinds) = ParquetColumns.Create(field);
        _columns.Add(column);
        Declare(declare, path, kinds, nullable);
        return column;
    }

    private void Declare(bool declare, string path, ValueKinds kinds, bool nullable)
    {
        if (declare)
        {
            _fields.Add(new SourceField(path, kinds, nullable));
        }
    }
}
