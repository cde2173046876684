using System.Text.Json;

namespace SchemaRegistry.Data.Readers;

/// <summary>A group of fields, written as an object; null when its definition level is not reached.</summary>
internal sealed class ParquetStructNode(string name, IReadOnlyList<ParquetNode> fields, int definitionLevel)
    : ParquetNode(name)
{
    public override ParquetColumn FirstColumn => fields[0].FirstColumn;

    public override bool IsNull => FirstColumn.Definition < definitionLevel;

    public override void Write(Utf8JsonWriter json)
    {
        if (FirstColumn.Definition < definitionLevel)
        {
            json.WriteNullValue();
            Skip();
            return;
        }
        json.WriteStartObject();
        foreach (var field in fields)
        {
            // An optional field without a value is absent, as a missing JSON member is (not null, which a schema
            // that declares the field as a string would reject).
            if (field.IsNull)
            {
                field.Skip();
                continue;
            }
            json.WritePropertyName(field.Name);
            field.Write(json);
        }
        json.WriteEndObject();
    }

    public override void Skip()
    {
        foreach (var field in fields)
        {
            field.Skip();
        }
    }
}
