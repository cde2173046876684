namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>URI resolution as JSON Schema needs it, including URNs and fragment-only references.</summary>
internal static class UriUtil
{
    public static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(reference[0]))
        {
            return false;
        }
        for (var i = 1; i < colon; i++)
        {
            var c = reference[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    public static Uri Resolve(Uri baseUri, string reference)
    {
        if (HasScheme(reference))
        {
            return new Uri(reference, UriKind.Absolute);
        }
        if (reference.StartsWith('#'))
        {
            return new Uri(WithoutFragment(baseUri) + reference, UriKind.Absolute);
        }
        if (!IsHierarchical(baseUri))
        {
            throw new SchemaCompileException($"Cannot resolve the relative reference '{reference}' against the non-hierarchical base URI {baseUri}.", reference, unresolvedReference: true);
        }
        return new Uri(baseUri, reference);
    }

    public static string WithoutFragment(Uri uri)
    {
        var text = uri.OriginalString.Length > 0 && uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.ToString();
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }

    public static string Fragment(Uri uri)
    {
        var text = uri.AbsoluteUri;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? "" : Uri.UnescapeDataString(text[(hash + 1)..]);
    }

    private static bool IsHierarchical(Uri uri) => uri.AbsoluteUri.Contains("://", StringComparison.Ordinal) || uri.Scheme == "file";
}
