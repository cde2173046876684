using System.Text.Json;

namespace SchemaRegistry.Core.Json;

/// <summary>
/// JSON Pointer (RFC 6901), read one way everywhere the domain reads a schema document, and the way the validator
/// (<c>SchemaRegistry.JsonSchema</c>) reads <c>$ref</c> fragments, so that diffs, drift detection and validation see the
/// same target. A pointer that does not name a value resolves to null, never throws: a token that is not a property
/// of an object; on an array, anything but decimal digits naming an item inside it (<c>-</c>, the position past the
/// end, names nothing; a sign, a space or a value beyond <see cref="int"/> neither); text not starting with
/// <c>/</c>. Two lenient readings, the validator's, are kept: leading zeros (<c>01</c> is item 1) and a <c>~</c> not
/// followed by <c>0</c> or <c>1</c>, which stands for itself. The empty pointer is the whole document. In a URI
/// fragment (<c>#/a%20b</c>) the pointer is percent-encoded: see <see cref="FromFragment"/>.
/// </summary>
public static class JsonPointer
{
    /// <summary>The reference token for a property name: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string name) =>
        name.AsSpan().IndexOfAny('~', '/') < 0 ? name : name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The property name a reference token stands for: <c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>, in one pass.</summary>
    public static string Unescape(string token)
    {
        var tilde = token.IndexOf('~', StringComparison.Ordinal);
        if (tilde < 0)
        {
            return token;
        }
        var builder = new System.Text.StringBuilder(token.Length);
        builder.Append(token, 0, tilde);
        for (var i = tilde; i < token.Length; i++)
        {
            if (token[i] == '~' && i + 1 < token.Length && token[i + 1] is '0' or '1')
            {
                builder.Append(token[++i] == '0' ? '~' : '/');
            }
            else
            {
                builder.Append(token[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary>The pointer a URI fragment carries (the text after <c>#</c>), percent-decoded.</summary>
    public static string FromFragment(string fragment) => Uri.UnescapeDataString(fragment);

    /// <summary>The array index a token names in an array of <paramref name="length"/> items, if it names one.</summary>
    public static bool TryIndex(string token, int length, out int index)
    {
        index = -1;
        if (token.Length == 0)
        {
            return false;
        }
        long value = 0;
        foreach (var c in token)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = (value * 10) + (c - '0');
            if (value > int.MaxValue)
            {
                return false;
            }
        }
        if (value >= length)
        {
            return false;
        }
        index = (int)value;
        return true;
    }

    /// <summary>The value <paramref name="pointer"/> names inside <paramref name="root"/>, or null (see the class summary).</summary>
    public static JsonElement? Resolve(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }
        if (pointer[0] != '/')
        {
            return null;
        }
        var current = root;
        foreach (var token in pointer[1..].Split('/'))
        {
            var name = Unescape(token);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && TryIndex(name, current.GetArrayLength(), out var index))
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current;
    }
}
