using System.Text;

namespace SchemaRegistry.Formats.Protobuf.Descriptors;

/// <summary>The names protoc derives: a field's default JSON name and a map field's entry message.</summary>
internal static class DescriptorNames
{
    /// <summary>protoc's ToJsonName: underscores dropped, the letter after one upper-cased.</summary>
    public static string Json(string fieldName) => Camel(fieldName, upperFirst: false);

    /// <summary>The nested message protoc declares for a map field: <c>my_map</c> gives <c>MyMapEntry</c>.</summary>
    public static string MapEntry(string fieldName) => Camel(fieldName, upperFirst: true) + "Entry";

    private static string Camel(string name, bool upperFirst)
    {
        var builder = new StringBuilder(name.Length);
        var upper = upperFirst;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }
}
