namespace SchemaRegistry.JsonSchema.Formats;

/// <summary><c>json-pointer</c> (RFC 6901) and <c>relative-json-pointer</c> (draft-handrews-relative-json-pointer-01).</summary>
internal static class JsonPointerFormat
{
    public static bool IsJsonPointer(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return true;
        }
        if (value[0] != '/')
        {
            return false;
        }
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == '~' && (i + 1 >= value.Length || value[++i] is not ('0' or '1')))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsRelativeJsonPointer(ReadOnlySpan<char> value)
    {
        var i = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }
        if (i == 0 || (i > 1 && value[0] == '0'))
        {
            return false;
        }
        var rest = value[i..];
        return rest is "#" || IsJsonPointer(rest);
    }
}
