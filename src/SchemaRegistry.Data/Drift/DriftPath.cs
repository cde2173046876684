using System.Text;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// Field paths as data engineers write them: <c>customer.address.zip</c>, <c>lines[].sku</c> (any element of an
/// array). Built from a stack of segments only when a finding needs one.
/// </summary>
public static class DriftPath
{
    public const string ArrayMarker = "[]";

    public static string Join(IReadOnlyList<string> segments, string? last = null)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            Append(builder, segments[i]);
        }
        if (last is not null)
        {
            Append(builder, last);
        }
        return builder.ToString();
    }

    public static IEnumerable<string> Split(string path)
    {
        foreach (var dotted in path.Split('.'))
        {
            var name = dotted;
            var arrays = 0;
            while (name.EndsWith(ArrayMarker, StringComparison.Ordinal))
            {
                name = name[..^2];
                arrays++;
            }
            if (name.Length > 0)
            {
                yield return name;
            }
            for (var i = 0; i < arrays; i++)
            {
                yield return ArrayMarker;
            }
        }
    }

    /// <summary>
    /// The path as a JSON pointer, the style of an invalid value's instance location (RFC 6901 escapes):
    /// <c>lines[].sku</c> → <c>/lines/*/sku</c>, where <c>*</c> stands for any element of the array.
    /// </summary>
    public static string ToPointer(string path)
    {
        var pointer = new StringBuilder(path.Length + 8);
        foreach (var segment in Split(path))
        {
            pointer.Append('/').Append(segment == ArrayMarker ? "*" : segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }
        return pointer.ToString();
    }

    private static void Append(StringBuilder builder, string segment)
    {
        if (segment != ArrayMarker && builder.Length > 0)
        {
            builder.Append('.');
        }
        builder.Append(segment);
    }
}
