namespace SchemaRegistry.Data.Readers;

/// <summary>The JSON number grammar (RFC 8259): <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
internal static class JsonNumber
{
    public static bool IsValid(ReadOnlySpan<byte> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == (byte)'-')
        {
            i++;
        }
        if (i == text.Length)
        {
            return false;
        }
        if (text[i] == (byte)'0')
        {
            i++;
        }
        else if (!Digits(text, ref i))
        {
            return false;
        }
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            if (!Digits(text, ref i))
            {
                return false;
            }
        }
        if (i < text.Length && text[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }
            if (!Digits(text, ref i))
            {
                return false;
            }
        }
        return i == text.Length;
    }

    /// <summary>Skips one or more digits; false when there is none.</summary>
    private static bool Digits(ReadOnlySpan<byte> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
        }
        return i > start;
    }
}
