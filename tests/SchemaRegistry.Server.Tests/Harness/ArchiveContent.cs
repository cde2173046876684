using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>An archive file opened up: its header line, and the content (every line after it) as bytes.</summary>
public sealed record ArchiveContent(JsonElement Header, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);

    public static ArchiveContent Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var all = new MemoryStream();
        gzip.CopyTo(all);
        var bytes = all.ToArray();
        var newline = Array.IndexOf(bytes, (byte)'\n');
        return new ArchiveContent(JsonDocument.Parse(bytes.AsMemory(0, newline)).RootElement.Clone(), bytes[(newline + 1)..]);
    }

    /// <summary>Writes <paramref name="header"/> and <paramref name="content"/> as a new archive (to forge one whose gzip stream is sound).</summary>
    public static void Write(string path, byte[] header, byte[] content)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(header);
        gzip.Write("\n"u8);
        gzip.Write(content);
    }
}
