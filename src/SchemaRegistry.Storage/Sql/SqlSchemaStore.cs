using System.Data.Common;
using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

internal sealed class SqlSchemaStore(SqlProvider provider, Layers layers) : ISchemaStore
{
    private const string Columns =
        "fqid, owner, description, format, compatibility, tags, payload, state, refs, content_hash, " +
        "created_at, created_by, updated_at, updated_by, submitted_by, revision";

    private const string InsertSql =
        "INSERT INTO schema_versions (subject, domain, layer, entity, major, minor, " + Columns + ") VALUES " +
        "(@subject, @domain, @layer, @entity, @major, @minor, @fqid, @owner, @description, @format, @compatibility, " +
        "@tags, @payload, @state, @refs, @hash, @created_at, @created_by, @updated_at, @updated_by, @submitted_by, @revision)";

    private const string UpdateSql =
        "UPDATE schema_versions SET owner=@owner, description=@description, format=@format, compatibility=@compatibility, " +
        "tags=@tags, payload=@payload, state=@state, refs=@refs, content_hash=@hash, created_at=@created_at, " +
        "created_by=@created_by, updated_at=@updated_at, updated_by=@updated_by, submitted_by=@submitted_by, revision=@revision " +
        "WHERE fqid=@fqid AND revision=@expected";

    private const string InsertHistorySql =
        "INSERT INTO schema_history (fqid, action, from_state, to_state, principal_id, principal_name, role, at, comment) " +
        "VALUES (@fqid, @action, @from, @to, @pid, @pname, @role, @at, @comment)";

    // The version, its history entry and its event in one transaction: the outbox never disagrees with the change. The
    // events lock comes last, so a contested FQID waits on the unique index without holding it.
    public async Task InsertAsync(SchemaRecord record, HistoryEntry entry, OutboxEvent @event, CancellationToken cancellationToken)
    {
        var fqid = record.Fqid;
        var statements = new SqlStatements();
        statements.Add(InsertSql,
            [("@subject", fqid.Subject.ToString()), ("@domain", fqid.Subject.Domain), ("@layer", fqid.Subject.Layer),
             ("@entity", fqid.Subject.Entity), ("@major", fqid.Version.Major), ("@minor", fqid.Version.Minor),
             .. RecordParameters(record)]);
        statements.Add(InsertHistorySql, HistoryParameters(entry));
        var events = new[] { PreparedEvent.From(@event) };
        await using var connection = await provider.OpenAsync(cancellationToken);
        try
        {
            if (provider.RunsAtomicBatches)
            {
                // One round trip: the batch is its own transaction, and a duplicate FQID fails it before the lock.
                OutboxWriter.Add(provider, statements, events);
                await statements.ExecuteAsync(provider, connection, null, cancellationToken);
                return;
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await statements.ExecuteAsync(provider, connection, transaction, cancellationToken);
            await OutboxWriter.AppendPreparedAsync(provider, connection, transaction, events, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (provider.IsUniqueViolation(e))
        {
            throw new StoreConflictException($"{fqid} already exists.", e);
        }
    }

    public async Task UpdateAsync(SchemaRecord record, long expectedRevision, HistoryEntry entry, OutboxEvent @event, CancellationToken cancellationToken) =>
        await PublishAsync(record, expectedRevision, entry, @event, [], cancellationToken);

    public async Task<IReadOnlyDictionary<Fqid, SchemaState?>> PublishAsync(SchemaRecord record, long expectedRevision, HistoryEntry entry, OutboxEvent @event,
        IReadOnlyCollection<Fqid> references, CancellationToken cancellationToken)
    {
        var statements = new SqlStatements();
        statements.Add(UpdateSql, [.. RecordParameters(record), ("@expected", expectedRevision)]);
        statements.Add(InsertHistorySql, HistoryParameters(entry));
        var events = new[] { PreparedEvent.From(@event) };
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The history row is written even when the revision check fails; the rollback then discards it.
        if ((await statements.ExecuteAsync(provider, connection, transaction, cancellationToken))[0] != 1)
        {
            throw new StoreConflictException($"{record.Fqid} changed since it was read.");
        }
        if (references.Count > 0)
        {
            // The row is updated first and the lock taken after, as every other change does (no deadlock). The states are
            // read once the lock is held: PostgreSQL's statement snapshot, and InnoDB's read view (this is the
            // transaction's first plain read), then include every change committed before, and none commits until ours.
            await OutboxWriter.LockAsync(provider, connection, transaction, cancellationToken);
            var unpublished = (await StatesAsync(connection, transaction, references, cancellationToken))
                .Where(s => s.Value != SchemaState.Published).ToDictionary(s => s.Key, s => s.Value);
            if (unpublished.Count > 0)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return unpublished;
            }
        }
        await OutboxWriter.AppendPreparedAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Dictionary<Fqid, SchemaState?>();
    }

    public async Task<SchemaRecord?> GetAsync(Fqid fqid, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM schema_versions WHERE fqid=@fqid", null, ("@fqid", fqid.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    public async Task<Fqid?> ResolveAsync(SubjectName subject, int? major, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        var sql = "SELECT major, minor FROM schema_versions WHERE subject=@subject AND state=@state" +
                  (major is null ? "" : " AND major=@major") + " ORDER BY major DESC, minor DESC LIMIT 1";
        await using var command = Db.Command(connection, sql, null,
            ("@subject", subject.ToString()), ("@state", WireNames.Of(SchemaState.Published)), ("@major", major ?? 0));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Fqid(subject, new SchemaVersion(reader.GetInt32(0), reader.GetInt32(1)))
            : null;
    }

    public async Task<IReadOnlyList<SchemaRecord>> ListVersionsAsync(SubjectName subject, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"SELECT {Columns} FROM schema_versions WHERE subject=@subject ORDER BY major, minor", null, ("@subject", subject.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<SchemaRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(ReadRecord(reader));
        }
        return records;
    }

    public async IAsyncEnumerable<SchemaRecord> ListAllVersionsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM schema_versions ORDER BY subject, major, minor", null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadRecord(reader);
        }
    }

    public async Task<IReadOnlyList<SubjectSummary>> ListSubjectsAsync(SubjectQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)> { ("@published", WireNames.Of(SchemaState.Published)) };
        if (query.Domain is not null)
        {
            where.Add("domain=@domain");
            parameters.Add(("@domain", query.Domain));
        }
        if (query.Layer is not null)
        {
            where.Add("layer=@layer");
            parameters.Add(("@layer", query.Layer));
        }
        // The text selects subjects (any version matching); the counts and latest version still cover every version.
        var having = "";
        if (!string.IsNullOrEmpty(query.Text))
        {
            having = $"HAVING MAX(CASE WHEN LOWER(subject) LIKE @q {provider.LikeEscape} OR LOWER(owner) LIKE @q {provider.LikeEscape} " +
                     $"OR LOWER(description) LIKE @q {provider.LikeEscape} THEN 1 ELSE 0 END) = 1 ";
            parameters.Add(("@q", "%" + EscapeLike(query.Text.ToLowerInvariant()) + "%"));
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var sql =
            "SELECT subject, COUNT(*), MAX(updated_at), " +
            $"MAX(CASE WHEN state=@published THEN {provider.CastToBigInt("major")} * 1000000 + minor ELSE -1 END) " +
            $"FROM schema_versions {filter} GROUP BY subject {having}ORDER BY subject LIMIT {Math.Clamp(query.Limit, 1, 5000)}";
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, sql, null, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subjects = new List<SubjectSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0).Split('.');
            var latest = reader.GetInt64(3);
            subjects.Add(new SubjectSummary(
                new SubjectName(name[0], name[1], name[2]),
                Convert.ToInt32(reader.GetInt64(1)),
                latest < 0 ? null : new SchemaVersion((int)(latest / 1000000), (int)(latest % 1000000)),
                Db.FromUnixMs(reader.GetInt64(2))));
        }
        return subjects;
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Fqid fqid, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT action, from_state, to_state, principal_id, principal_name, role, at, comment FROM schema_history WHERE fqid=@fqid ORDER BY id",
            null, ("@fqid", fqid.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<HistoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new HistoryEntry(fqid,
                WireNames.Parse<SchemaAction>(reader.GetString(0)),
                Db.NullableString(reader, 1) is { } from ? WireNames.ParseState(from) : null,
                WireNames.ParseState(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Db.FromUnixMs(reader.GetInt64(6)), Db.NullableString(reader, 7)));
        }
        return entries;
    }

    public async Task<IReadOnlyDictionary<Fqid, SchemaState?>> GetStatesAsync(IReadOnlyCollection<Fqid> fqids, CancellationToken cancellationToken)
    {
        if (fqids.Count == 0)
        {
            return new Dictionary<Fqid, SchemaState?>();
        }
        await using var connection = await provider.OpenAsync(cancellationToken);
        return await StatesAsync(connection, null, fqids, cancellationToken);
    }

    private async Task<Dictionary<Fqid, SchemaState?>> StatesAsync(DbConnection connection, DbTransaction? transaction,
        IReadOnlyCollection<Fqid> fqids, CancellationToken cancellationToken)
    {
        var states = fqids.Distinct().ToDictionary(f => f, _ => (SchemaState?)null);
        if (states.Count == 0)
        {
            return states;
        }
        var names = states.Keys.Select((f, i) => ($"@f{i}", (object?)f.ToString())).ToArray();
        await using var command = Db.Command(connection,
            $"SELECT fqid, state FROM schema_versions WHERE fqid IN ({string.Join(", ", names.Select(n => n.Item1))})", transaction, names);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states[Fqid.Parse(reader.GetString(0), layers)] = WireNames.ParseState(reader.GetString(1));
        }
        return states;
    }

    private static (string, object?)[] RecordParameters(SchemaRecord record)
    {
        var d = record.Definition;
        return
        [
            ("@fqid", d.Fqid.ToString()), ("@owner", d.Owner), ("@description", d.Description), ("@format", d.Format),
            ("@compatibility", WireNames.Of(d.Compatibility)), ("@tags", JsonSerializer.Serialize(d.Tags)),
            ("@payload", d.Payload), ("@state", WireNames.Of(record.State)), ("@refs", JsonSerializer.Serialize(record.References)),
            ("@hash", record.ContentHash), ("@created_at", Db.ToUnixMs(record.CreatedAt)), ("@created_by", record.CreatedBy),
            ("@updated_at", Db.ToUnixMs(record.UpdatedAt)), ("@updated_by", record.UpdatedBy),
            ("@submitted_by", record.SubmittedBy), ("@revision", record.Revision),
        ];
    }

    private SchemaRecord ReadRecord(DbDataReader r)
    {
        var definition = new SchemaDefinition(
            Fqid.Parse(r.GetString(0), layers), r.GetString(1), r.GetString(2), r.GetString(3),
            WireNames.ParseMode(r.GetString(4)),
            JsonSerializer.Deserialize<SortedDictionary<string, string>>(r.GetString(5))!,
            r.GetString(6));
        return new SchemaRecord(definition, WireNames.ParseState(r.GetString(7)),
            JsonSerializer.Deserialize<List<string>>(r.GetString(8))!, r.GetString(9),
            Db.FromUnixMs(r.GetInt64(10)), r.GetString(11), Db.FromUnixMs(r.GetInt64(12)), r.GetString(13),
            Db.NullableString(r, 14), r.GetInt64(15));
    }

    private static (string, object?)[] HistoryParameters(HistoryEntry entry) =>
    [
        ("@fqid", entry.Fqid.ToString()), ("@action", WireNames.Of(entry.Action)),
        ("@from", entry.From is { } from ? WireNames.Of(from) : null), ("@to", WireNames.Of(entry.To)),
        ("@pid", entry.PrincipalId), ("@pname", entry.PrincipalName), ("@role", entry.Role),
        ("@at", Db.ToUnixMs(entry.At)), ("@comment", entry.Comment),
    ];

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
