using System.Text;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// Where a change is, in the path grammar of Avro changes: <c>/fields/{name}</c> into a record's field,
/// <c>/items</c> and <c>/values</c> into an array's items and a map's values, <c>/union/{label}</c> into a union
/// branch (the label is a named type's full name, otherwise the type's name: <c>null</c>, <c>string</c>,
/// <c>array</c>…), then optionally the attribute that changed (<c>/name</c>, <c>/size</c>, <c>/symbols/{symbol}</c>,
/// <c>/default</c>, <c>/aliases</c>, <c>/doc</c>, <c>/order</c>, <c>/logicalType</c>, or a custom attribute's name).
/// The root is the empty string. Kept as a chain of segments and spelled out only for a change: a walk down a long
/// chain of records would otherwise copy ever longer strings at every level.
/// </summary>
internal sealed class AvroPath
{
    public static readonly AvroPath Root = new(null, "");

    private readonly AvroPath? parent;
    private readonly string segment;

    private AvroPath(AvroPath? parent, string segment)
    {
        this.parent = parent;
        this.segment = segment;
    }

    public AvroPath Then(string segment) => new(this, segment);

    public AvroPath Field(string name) => new(this, "/fields/" + name);

    public AvroPath Branch(AvroType branch) => new(this, "/union/" + branch.Label);

    public override string ToString()
    {
        var segments = new List<string>();
        for (var at = this; at is not null; at = at.parent)
        {
            segments.Add(at.segment);
        }
        var builder = new StringBuilder();
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            builder.Append(segments[i]);
        }
        return builder.ToString();
    }
}
