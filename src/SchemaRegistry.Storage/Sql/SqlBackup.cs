using System.Data.Common;
using System.Globalization;
using SchemaRegistry.Storage.Backup;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>Export: one snapshot read of every table in primary-key order, then the blobs, written as an archive.</summary>
internal sealed partial class SqlBackup(SqlProvider provider, IBlobStore blobs) : IRegistryBackup
{
    public async Task<ArchiveManifest> ExportAsync(Stream destination, CancellationToken cancellationToken)
    {
        await using var writer = await ArchiveWriter.StartAsync(destination, provider.Dialect, DateTimeOffset.UtcNow, cancellationToken);
        long lastEvent = 0;
        long lastAudit = 0;
        var definitions = new HashSet<string>(StringComparer.Ordinal);
        await using (var connection = await provider.OpenAsync(cancellationToken))
        await using (var snapshot = await provider.BeginSnapshotAsync(connection, cancellationToken))
        {
            foreach (var table in BackupTables.All)
            {
                await writer.BeginPartAsync(table.Name, table.Columns.Select(c => c.Name).ToList(), cancellationToken);
                await using var command = Db.Command(connection, SelectSql(table), snapshot);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    RowCodec.Write(writer.StartLine(), reader, table);
                    await writer.EndRowAsync(cancellationToken);
                    if (table.Name == "schema_versions" && PublishedDefinition(reader, table) is { } definition)
                    {
                        definitions.Add(definition);
                    }
                    if (table.Name is "events" or "audit_log")
                    {
                        var sequence = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                        (lastEvent, lastAudit) = table.Name == "events" ? (sequence, lastAudit) : (lastEvent, sequence);
                    }
                }
            }
            await snapshot.CommitAsync(cancellationToken);
        }
        // After the snapshot: a definition is written before its version is committed as published, so every
        // definition the snapshot names is already here. One whose version the snapshot does not show published (a
        // publish that crashed or failed after writing it, or one that commits after the snapshot) is left out.
        await WriteBlobsAsync(writer, definitions, cancellationToken);
        return await writer.FinishAsync(lastEvent, lastAudit, cancellationToken);
    }

    private string SelectSql(BackupTable table)
    {
        var columns = string.Join(", ", table.Columns.Select(c => provider.Quote(c.Name)));
        var order = string.Join(", ", table.OrderBy.Select(name =>
            table.Column(name).Kind == ColumnKind.Text ? provider.OrderText(provider.Quote(name)) : provider.Quote(name)));
        return $"SELECT {columns} FROM {table.Name} ORDER BY {order}";
    }

    /// <summary>The definition blob's key of a version row the snapshot shows published (or deprecated since), else null.</summary>
    private static string? PublishedDefinition(DbDataReader reader, BackupTable table)
    {
        string Text(string column) => reader.GetString(Ordinal(table, column));
        var state = Text("state");
        if (state != Core.Documents.WireNames.Of(Core.Documents.SchemaState.Published) && state != Core.Documents.WireNames.Of(Core.Documents.SchemaState.Deprecated))
        {
            return null;
        }
        var version = new Core.Naming.SchemaVersion(Convert.ToInt32(reader.GetValue(Ordinal(table, "major")), CultureInfo.InvariantCulture),
            Convert.ToInt32(reader.GetValue(Ordinal(table, "minor")), CultureInfo.InvariantCulture));
        return $"{ArchiveLayout.DefinitionsPrefix}{Text("domain")}/{Text("layer")}/{Text("entity")}/{version}.json";
    }

    private static int Ordinal(BackupTable table, string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Name == column)
            {
                return i;
            }
        }
        throw new ArgumentException($"Table {table.Name} has no column {column}.", nameof(column));
    }

    private async Task WriteBlobsAsync(ArchiveWriter writer, IReadOnlySet<string> definitions, CancellationToken cancellationToken)
    {
        await writer.BeginPartAsync(ArchiveLayout.BlobsPart, ArchiveLayout.BlobColumns, cancellationToken);
        var keys = new List<string>();
        foreach (var prefix in ArchiveLayout.BlobPrefixes)
        {
            keys.AddRange((await blobs.ListAsync(prefix, cancellationToken))
                .Where(key => prefix != ArchiveLayout.DefinitionsPrefix || definitions.Contains(key)));
        }
        keys.Sort(StringComparer.Ordinal);
        var chunk = new byte[ArchiveLayout.BlobChunkBytes];
        foreach (var key in keys)
        {
            await using var stream = await blobs.OpenReadAsync(key, cancellationToken);
            if (stream is null)
            {
                continue; // purged since it was listed
            }
            long offset = 0;
            while (true)
            {
                var read = await stream.ReadAtLeastAsync(chunk, chunk.Length, throwOnEndOfStream: false, cancellationToken);
                if (read == 0 && offset > 0)
                {
                    break;
                }
                var json = writer.StartLine();
                json.WriteStartArray();
                json.WriteStringValue(key);
                json.WriteNumberValue(offset);
                json.WriteBase64StringValue(chunk.AsSpan(0, read));
                json.WriteEndArray();
                await writer.EndRowAsync(cancellationToken);
                offset += read;
                if (read < chunk.Length)
                {
                    break;
                }
            }
        }
    }

    private static DbCommand InsertCommand(SqlProvider provider, DbConnection connection, DbTransaction transaction, BackupTable table)
    {
        var columns = string.Join(", ", table.Columns.Select(c => provider.Quote(c.Name)));
        var values = string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"));
        var identity = table.Identity is null ? "" : " " + provider.IdentityInsertClause;
        var command = Db.Command(connection, $"INSERT INTO {table.Name} ({columns}){identity} VALUES ({values})", transaction);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
