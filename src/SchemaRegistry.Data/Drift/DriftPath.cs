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

    private static void Append(StringBuilder builder, string segment)
    {
        if (segment != ArrayMarker && builder.Length > 0)
        {
            builder.Append('.');
        }
        builder.Append(segment);
    }
}
