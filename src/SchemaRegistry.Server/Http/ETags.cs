using System.Globalization;
using Microsoft.Extensions.Primitives;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Http;

/// <summary>Entity tags for schema answers: they change whenever the version's content, state or history does.</summary>
internal static class ETags
{
    public static string Of(SchemaResponse schema)
    {
        var hash = schema.ContentHash.Replace("sha256:", "", StringComparison.Ordinal);
        var changed = schema.UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return $"\"{hash[..Math.Min(32, hash.Length)]}-{schema.State}-{changed}-{schema.History.Count}\"";
    }

    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || candidate == etag || candidate == "W/" + etag)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
