using System.IO.Compression;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// A batch body as the validator reads it: decompressed by its <c>Content-Encoding</c> (gzip, deflate, br; identity
/// or none as it is), and never more than the batch limit once decompressed, so a small zip bomb is refused
/// (413 REQ-1002) as soon as it expands past the limit. Any other encoding is 415 REQ-1003: validating compressed
/// bytes as data would answer nonsense.
/// </summary>
internal static class BatchBody
{
    public static Stream Open(Stream body, string? contentEncoding, long maxBytes)
    {
        var encoding = contentEncoding?.Trim().ToLowerInvariant() ?? "";
        Stream decoded = encoding switch
        {
            "" or "identity" => body,
            "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true),
            "deflate" => new ZLibStream(body, CompressionMode.Decompress, leaveOpen: true),
            "br" => new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true),
            _ => throw new RegistryException(new RegistryError(ErrorCode.UnsupportedMediaType, ErrorKind.UnsupportedMediaType, "Unsupported content encoding",
                $"A batch may be sent as it is or with Content-Encoding gzip, deflate or br, not '{Shorten(contentEncoding!)}'.")),
        };
        return ReferenceEquals(decoded, body) ? body : new SizeLimitedStream(decoded, maxBytes);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
