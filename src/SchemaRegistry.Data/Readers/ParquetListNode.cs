using System.Text.Json;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// A list, written as an array: null below <c>definitionLevel</c>, empty below <c>elementLevel</c>, and one element
/// more for every following entry repeated at <c>repetitionLevel</c>.
/// </summary>
internal sealed class ParquetListNode(
    string name,
    ParquetNode element,
    int definitionLevel,
    int elementLevel,
    int repetitionLevel)
    : ParquetNode(name)
{
    public override ParquetColumn FirstColumn => element.FirstColumn;

    public override bool IsNull => FirstColumn.Definition < definitionLevel;

    public override void Write(Utf8JsonWriter json)
    {
        var first = FirstColumn;
        var definition = first.Definition;
        if (definition < definitionLevel)
        {
            json.WriteNullValue();
            Skip();
            return;
        }
        json.WriteStartArray();
        if (definition < elementLevel)
        {
            Skip();
        }
        else
        {
            do
            {
                element.Write(json);
            }
            while (!first.AtEnd && first.Repetition == repetitionLevel);
        }
        json.WriteEndArray();
    }

    public override void Skip() => element.Skip();
}
