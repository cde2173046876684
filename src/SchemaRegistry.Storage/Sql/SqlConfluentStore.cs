using System.Data.Common;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

internal sealed class SqlConfluentStore(SqlProvider provider) : IConfluentStore
{
    private const string VersionColumns = "subject, version, fqid, schema_id, deleted, metadata";

    // Insert-or-skip on the fingerprint's unique index, then read: whichever of two concurrent registrations inserts
    // first, both read its id.
    public async Task<long?> EnsureSchemaIdAsync(StoredSchema schema, long? requestedId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        if (await FindAsync(connection, schema.Fingerprint, cancellationToken) is { } existing)
        {
            return requestedId is null || requestedId == existing ? existing : null;
        }
        var withId = requestedId is not null;
        var sql = withId
            ? $"INSERT INTO schema_ids (id, fingerprint, format, schema_text, refs, created_at) {provider.IdentityInsertClause} VALUES (@id, @f, @format, @text, @refs, @at) "
            : "INSERT INTO schema_ids (fingerprint, format, schema_text, refs, created_at) VALUES (@f, @format, @text, @refs, @at) ";
        try
        {
            await using (var insert = Db.Command(connection, sql + provider.OnConflictDoNothing("fingerprint"), null,
                ("@id", requestedId ?? 0), ("@f", schema.Fingerprint), ("@format", schema.Format), ("@text", schema.Text), ("@refs", schema.References),
                ("@at", Db.ToUnixMs(at))))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            if (withId && provider.RestartIdentitySql("schema_ids", "id") is { } restart)
            {
                await using var command = Db.Command(connection, restart);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (DbException e) when (withId && provider.IsUniqueViolation(e))
        {
            return null; // the id names another schema
        }
        var id = await FindAsync(connection, schema.Fingerprint, cancellationToken);
        return requestedId is null || requestedId == id ? id : null;
    }

    public async Task<StoredSchema?> GetSchemaAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT id, fingerprint, format, schema_text, refs FROM schema_ids WHERE id=@id", null, ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredSchema(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))
            : null;
    }

    public async Task<long?> FindSchemaIdAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        return await FindAsync(connection, fingerprint, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredSchema>> SchemasWithReferencesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        // Schemas with references are few; the caller reads each one's list (a LIKE on JSON text would depend on each
        // database's escape rules).
        await using var command = Db.Command(connection, "SELECT id, fingerprint, format, schema_text, refs FROM schema_ids WHERE refs <> '[]'");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var schemas = new List<StoredSchema>();
        while (await reader.ReadAsync(cancellationToken))
        {
            schemas.Add(new StoredSchema(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        return schemas;
    }

    private static async Task<long?> FindAsync(DbConnection connection, string fingerprint, CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, "SELECT id FROM schema_ids WHERE fingerprint=@f", null, ("@f", fingerprint));
        return await command.ExecuteScalarAsync(cancellationToken) is { } id and not DBNull ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public async Task<string?> SubjectOfNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT subject FROM confluent_subjects WHERE name=@n", null, ("@n", name));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT name, subject FROM confluent_subjects");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }
        return names;
    }

    public async Task<string> MapNameAsync(string name, string subject, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using (var insert = Db.Command(connection,
            "INSERT INTO confluent_subjects (name, subject, created_at) VALUES (@n, @s, @at) " + provider.OnConflictDoNothing("name"), null,
            ("@n", name), ("@s", subject), ("@at", Db.ToUnixMs(at))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = Db.Command(connection, "SELECT subject FROM confluent_subjects WHERE name=@n", null, ("@n", name));
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<ConfluentVersion>> VersionsAsync(string subject, CancellationToken cancellationToken) =>
        await ReadVersionsAsync($"SELECT {VersionColumns} FROM confluent_versions WHERE subject=@p ORDER BY version", subject, cancellationToken);

    public async Task<IReadOnlyList<ConfluentVersion>> VersionsOfSchemaAsync(long schemaId, CancellationToken cancellationToken) =>
        await ReadVersionsAsync($"SELECT {VersionColumns} FROM confluent_versions WHERE schema_id=@p ORDER BY subject, version", schemaId, cancellationToken);

    private async Task<IReadOnlyList<ConfluentVersion>> ReadVersionsAsync(string sql, object parameter, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, sql, null, ("@p", parameter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<ConfluentVersion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new ConfluentVersion(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4),
                Db.NullableString(reader, 5)));
        }
        return versions;
    }

    // The next number is read and written in one statement; two replicas numbering one subject at once collide on the
    // primary key, and the loser retries with the number after the winner's. InnoDB may instead pick one of the two
    // inserts as a deadlock victim (both hold a gap lock from the MAX read): that statement was rolled back and is retried.
    public async Task<bool> AppendVersionAsync(string subject, string fqid, long schemaId, int? version, string? metadata, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var next = version is { } given ? "@v" : "(SELECT COALESCE(MAX(c.version), 0) + 1 FROM (SELECT version FROM confluent_versions WHERE subject=@s) AS c)";
            try
            {
                await using var insert = Db.Command(connection,
                    $"INSERT INTO confluent_versions ({VersionColumns}) SELECT @s, {next}, @fqid, @id, 0, @metadata",
                    null, ("@s", subject), ("@v", version ?? 0), ("@fqid", fqid), ("@id", schemaId), ("@metadata", metadata));
                await insert.ExecuteNonQueryAsync(cancellationToken);
                return true;
            }
            catch (DbException e) when (provider.IsDeadlock(e) && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5 * (attempt + 1)), cancellationToken);
            }
            catch (DbException e) when (provider.IsUniqueViolation(e))
            {
                await using var check = Db.Command(connection, "SELECT COUNT(*) FROM confluent_versions WHERE fqid=@fqid", null, ("@fqid", fqid));
                if (version is not null || Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0 || attempt >= 20)
                {
                    return false;
                }
            }
        }
    }

    public async Task SetDeletedAsync(string subject, IReadOnlyCollection<int> versions, int deleted, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var version in versions)
        {
            await using var command = Db.Command(connection, "UPDATE confluent_versions SET deleted=@d WHERE subject=@s AND version=@v", transaction,
                ("@d", deleted), ("@s", subject), ("@v", version));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> GetSettingAsync(string scope, string name, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT value FROM confluent_settings WHERE scope=@scope AND name=@name", null,
            ("@scope", scope), ("@name", name));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetSettingAsync(string scope, string name, string? value, string principal, DateTimeOffset at, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = value is null
            ? Db.Command(connection, "DELETE FROM confluent_settings WHERE scope=@scope AND name=@name", transaction, ("@scope", scope), ("@name", name))
            : Db.Command(connection,
                "INSERT INTO confluent_settings (scope, name, value, updated_at, updated_by) VALUES (@scope, @name, @value, @at, @by) " +
                provider.OnConflictUpdate("scope, name", "value=@value, updated_at=@at, updated_by=@by"), transaction,
                ("@scope", scope), ("@name", name), ("@value", value), ("@at", Db.ToUnixMs(at)), ("@by", principal)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
