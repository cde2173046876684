using System.Text.Json;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// A field of the Parquet schema as the row assembly sees it: it writes its value for the current row from the
/// column cursors below it (record assembly from definition and repetition levels, as in the Dremel paper).
/// </summary>
internal abstract class ParquetNode(string name)
{
    public JsonEncodedText Name { get; } = JsonEncodedText.Encode(name, RecordJsonWriter.Options.Encoder);

    /// <summary>A column below this node; its levels tell whether the node is null, empty or repeated.</summary>
    public abstract ParquetColumn FirstColumn { get; }

    /// <summary>True when the node has no value at the current position (its parent being present).</summary>
    public abstract bool IsNull { get; }

    /// <summary>Writes the node's value for the current position and moves the columns below past it.</summary>
    public abstract void Write(Utf8JsonWriter json);

    /// <summary>Moves every column below past the one entry a null or empty node has in each.</summary>
    public abstract void Skip();
}
