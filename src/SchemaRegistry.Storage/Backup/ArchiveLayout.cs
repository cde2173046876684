namespace SchemaRegistry.Storage.Backup;

/// <summary>
/// The archive format (version 2; version 1 lacked the Confluent door's tables and still restores): one gzip stream of UTF-8 NDJSON lines. First a header line
/// <c>{"format":"schemareg-archive","format_version":2,"exported_at":…,"source":…}</c>, the only line that differs
/// between two exports of the same registry; then, per part, <c>{"part":NAME,"columns":[…]}</c> followed by one JSON
/// array per row in primary-key order; last <c>{"manifest":{…}}</c> (<see cref="ArchiveManifest"/>).
/// </summary>
public static class ArchiveLayout
{
    public const string Format = "schemareg-archive";
    public const int FormatVersion = 2;

    /// <summary>The oldest version this build restores: its parts are a subset of the current ones.</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>The last part: blob contents as rows <c>[key, offset, base64]</c>, a key's chunks in order.</summary>
    public const string BlobsPart = "blobs";

    public static readonly IReadOnlyList<string> BlobColumns = ["key", "offset", "data"];

    /// <summary>Raw bytes per blob row (a multiple of 3, so each row's base64 stands alone): 1 MiB of base64 per line.</summary>
    public const int BlobChunkBytes = 768 * 1024;

    /// <summary>The folder of definition files; a backup carries those of versions its snapshot shows published (or deprecated).</summary>
    public const string DefinitionsPrefix = "schemas/";

    /// <summary>The blob folders a backup carries: published definitions and the quarantine.</summary>
    public static readonly IReadOnlyList<string> BlobPrefixes = [DefinitionsPrefix, "quarantine/"];

    /// <summary>Longest line a reader accepts (a row holds one payload or event; a blob row 1 MiB).</summary>
    public const int MaxLineBytes = 64 * 1024 * 1024;

    public static IEnumerable<string> PartNames => BackupTables.All.Select(t => t.Name).Append(BlobsPart);

    public static IReadOnlyList<string> ColumnsOf(string part) =>
        part == BlobsPart ? BlobColumns : BackupTables.All.Single(t => t.Name == part).Columns.Select(c => c.Name).ToList();
}
