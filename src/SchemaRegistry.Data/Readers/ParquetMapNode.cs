using System.Text.Json;

namespace SchemaRegistry.Data.Readers;

/// <summary>A map, written as an object whose property names are the keys; levels as for <see cref="ParquetListNode"/>.</summary>
internal sealed class ParquetMapNode(
    string name,
    ParquetColumn key,
    ParquetNode value,
    int definitionLevel,
    int entryLevel,
    int repetitionLevel)
    : ParquetNode(name)
{
    public override ParquetColumn FirstColumn => key;

    public override bool IsNull => key.Definition < definitionLevel;

    public override void Write(Utf8JsonWriter json)
    {
        var definition = key.Definition;
        if (definition < definitionLevel)
        {
            json.WriteNullValue();
            Skip();
            return;
        }
        json.WriteStartObject();
        if (definition < entryLevel)
        {
            Skip();
        }
        else
        {
            do
            {
                key.WriteName(json);
                value.Write(json);
            }
            while (!key.AtEnd && key.Repetition == repetitionLevel);
        }
        json.WriteEndObject();
    }

    public override void Skip()
    {
        key.Skip();
        value.Skip();
    }
}
