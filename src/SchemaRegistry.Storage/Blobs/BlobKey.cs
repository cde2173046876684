namespace SchemaRegistry.Storage.Blobs;

/// <summary>
/// Blob keys are relative, '/'-separated, and made of safe segments only, so that no key can name a file
/// outside the store's root however it was built.
/// </summary>
internal static class BlobKey
{
    public static string[] Segments(string key, bool allowEmpty = false)
    {
        if (key.Length == 0 && allowEmpty)
        {
            return [];
        }
        var segments = key.TrimEnd('/').Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length is 0 or > 200 || segment is "." or ".." ||
                segment.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
            {
                throw new ArgumentException($"Blob key '{key}' has an unsafe segment.", nameof(key));
            }
        }
        return segments;
    }
}
