using System.Data.Common;
using System.Globalization;
using SchemaRegistry.Core.Audit;
using SchemaRegistry.Storage.Backup;

namespace SchemaRegistry.Storage.Sql;

/// <summary>Import: check the archive, then restore it into an empty store in one transaction that commits last.</summary>
internal sealed partial class SqlBackup
{
    private const int LedgerPage = 5000;

    public async Task<ArchiveManifest> ImportAsync(string archivePath, CancellationToken cancellationToken)
    {
        await using (var check = OpenArchive(archivePath))
        {
            await ArchiveReader.VerifyAsync(check, cancellationToken);
        }
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await EnsureEmptyAsync(connection, transaction, cancellationToken);

        await using var input = OpenArchive(archivePath);
        await using var reader = await ArchiveReader.OpenAsync(input, cancellationToken);
        await using var blobWriter = new BlobRestorer(blobs);
        BackupTable? table = null;
        DbCommand? insert = null;
        ArchiveManifest? manifest = null;
        try
        {
            while (await reader.NextAsync(cancellationToken) is { } line)
            {
                switch (line.Kind)
                {
                    case ArchiveLineKind.PartHeader:
                        if (insert is not null)
                        {
                            await insert.DisposeAsync();
                            insert = null;
                        }
                        table = BackupTables.All.SingleOrDefault(t => t.Name == line.Part);
                        insert = table is null ? null : InsertCommand(provider, connection, transaction, table);
                        break;
                    case ArchiveLineKind.Row when table is not null:
                        var values = RowCodec.Read(line.Json, table);
                        for (var i = 0; i < values.Length; i++)
                        {
                            insert!.Parameters[i].Value = values[i];
                        }
                        await insert!.ExecuteNonQueryAsync(cancellationToken);
                        break;
                    case ArchiveLineKind.Row:
                        await blobWriter.AddAsync(line.Json, cancellationToken);
                        break;
                    case ArchiveLineKind.Manifest:
                        manifest = line.Manifest;
                        break;
                }
            }
        }
        finally
        {
            if (insert is not null)
            {
                await insert.DisposeAsync();
            }
        }
        await RestartIdentitiesAsync(connection, transaction, cancellationToken);
        await RespellAsync(connection, transaction, cancellationToken);
        await VerifyLedgerAsync(connection, transaction, cancellationToken);
        await blobWriter.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return manifest ?? throw ArchiveErrors.Invalid("The archive ends before its manifest.");
    }

    private async Task RespellAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var script in new Migrator(provider).Scripts().Where(s => Migrator.Respellings.Contains(s.Version)))
        {
            await using var respell = Db.Command(connection, script.Sql, transaction);
            await respell.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static FileStream OpenArchive(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            throw ArchiveErrors.Invalid($"The archive '{path}' does not exist.");
        }
    }

    private static async Task EnsureEmptyAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var holding = new List<string>();
        foreach (var table in BackupTables.All)
        {
            await using var count = Db.Command(connection, $"SELECT COUNT(*) FROM {table.Name}", transaction);
            var rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (rows > 0)
            {
                holding.Add($"{table.Name}: {rows}");
            }
        }
        if (holding.Count > 0)
        {
            throw ArchiveErrors.NotEmpty(
                $"The target database already holds data ({string.Join(", ", holding)} rows). Restore into a new, empty database: " +
                "migrations may be applied, but no server may have started on it (it would have created its admin key).");
        }
    }

    private async Task RestartIdentitiesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var table in BackupTables.All.Where(t => t.Identity is not null))
        {
            if (provider.RestartIdentitySql(table.Name, table.Identity!) is { } sql)
            {
                await using var command = Db.Command(connection, sql, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>Recomputes the restored ledger's chain from the rows as the database now holds them.</summary>
    private static async Task VerifyLedgerAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        long after = 0;
        var previous = AuditChain.Genesis;
        while (true)
        {
            var page = new List<AuditEntry>();
            await using (var command = Db.Command(connection,
                "SELECT sequence, at, principal, role, action, target, reason, before_hash, after_hash, prev_hash, hash FROM audit_log " +
                $"WHERE sequence > @after ORDER BY sequence LIMIT {LedgerPage}", transaction, ("@after", after)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(new AuditEntry(reader.GetInt64(0), Db.FromUnixMs(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3),
                        reader.GetString(4), reader.GetString(5), Db.NullableString(reader, 6), Db.NullableString(reader, 7),
                        Db.NullableString(reader, 8), reader.GetString(9), reader.GetString(10)));
                }
            }
            if (AuditChain.Verify(page, previous, after) is { } broken)
            {
                throw ArchiveErrors.LedgerBroken($"The restored ledger is broken at entry {broken.Sequence}: {broken.Reason}");
            }
            if (page.Count < LedgerPage)
            {
                return;
            }
            (after, previous) = (page[^1].Sequence, page[^1].Hash);
        }
    }
}
