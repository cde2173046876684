namespace SchemaRegistry.Storage.Backup;

/// <summary>One part of an archive (a table, or the blobs): its data rows, its bytes (part header included) and their SHA-256.</summary>
public sealed record ArchivePart(string Name, long Rows, long Bytes, string Sha256);

/// <summary>
/// The archive's last line: every part's count and hash, the SHA-256 of all the content lines, and the last event and
/// ledger sequences. It holds nothing that depends on when or from which database the archive was written.
/// </summary>
public sealed record ArchiveManifest(int FormatVersion, long LastEventSequence, long LastAuditSequence, IReadOnlyList<ArchivePart> Parts, string Sha256)
{
    public long RowsOf(string part) => Parts.Single(p => p.Name == part).Rows;
}
