namespace SchemaRegistry.JsonSchema.Formats;

/// <summary><c>uuid</c>: the RFC 4122 string form, 8-4-4-4-12 hex digits of either case; version and variant are not checked.</summary>
internal static class UuidFormat
{
    public static bool IsUuid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36)
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var valid = i is 8 or 13 or 18 or 23 ? value[i] == '-' : char.IsAsciiHexDigit(value[i]);
            if (!valid)
            {
                return false;
            }
        }
        return true;
    }
}
