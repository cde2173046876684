using System.Data.Common;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>
/// Writes outbox events, and their ledger entries, after taking the events lock. The lock serialises every
/// event-writing transaction until its commit, so what runs between the two is kept to the inserts themselves:
/// callers prepare the events first (<see cref="PreparedEvent"/>) and append them last in their transaction.
/// </summary>
internal static class OutboxWriter
{
    /// <summary>
    /// Inserts an event numbered one past the largest sequence of the events and of the ledger (events are purged, the
    /// ledger never is), read by the insert itself under the events lock. An identity or AUTO_INCREMENT counter is not
    /// transactional: a transaction that rolls back, or whose server is killed, burns its numbers and leaves a gap for
    /// consumers paging by sequence. Here the next transaction takes the same number again, and each event's sequence
    /// is its ledger entry's (<see cref="AuditWriter"/> numbers entries the same way).
    /// </summary>
    internal static string InsertEventSql(SqlProvider provider) =>
        $"INSERT INTO events (sequence, id, type, subject, time, data) {provider.IdentityInsertClause} " +
        "SELECT n.next, @id, @type, @subject, @time, @data FROM (SELECT COALESCE(MAX(u.last), 0) + 1 AS next FROM " +
        "(SELECT MAX(sequence) AS last FROM events UNION ALL SELECT MAX(sequence) AS last FROM audit_log) AS u) AS n";

    /// <summary>In the caller's transaction; call last: the events lock is then held only until the commit that follows.</summary>
    public static async Task AppendEventsAsync(SqlProvider provider, DbConnection connection, DbTransaction transaction,
        IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        await AppendPreparedAsync(provider, connection, transaction, PreparedEvent.All(events), cancellationToken);
    }

    /// <summary>
    /// Ends a change's transaction: when it <paramref name="changed"/> something, its events are appended and it
    /// commits; otherwise it rolls back and nothing is written. Returns <paramref name="changed"/>.
    /// </summary>
    public static async Task<bool> CompleteAsync(bool changed, SqlProvider provider, DbConnection connection, DbTransaction transaction,
        IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        if (!changed)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
        await AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Events that go with no other change, in a transaction of their own: on PostgreSQL one batch, one round trip
    /// (see <see cref="SqlProvider.RunsAtomicBatches"/>).
    /// </summary>
    public static async Task AppendAloneAsync(SqlProvider provider, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        var prepared = PreparedEvent.All(events);
        await using var connection = await provider.OpenAsync(cancellationToken);
        if (provider.RunsAtomicBatches)
        {
            var statements = new SqlStatements();
            Add(provider, statements, prepared);
            await statements.ExecuteAsync(provider, connection, null, cancellationToken);
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AppendPreparedAsync(provider, connection, transaction, prepared, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task AppendPreparedAsync(SqlProvider provider, DbConnection connection, DbTransaction transaction,
        IReadOnlyList<PreparedEvent> events, CancellationToken cancellationToken)
    {
        if (provider.RunsAtomicBatches)
        {
            var statements = new SqlStatements();
            Add(provider, statements, events);
            await statements.ExecuteAsync(provider, connection, transaction, cancellationToken);
            return;
        }
        await LockAsync(provider, connection, transaction, cancellationToken);
        foreach (var e in events)
        {
            await using var command = Db.Command(connection, InsertEventSql(provider), transaction, Row(e));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await AuditWriter.AppendAsync(connection, transaction, events, cancellationToken);
    }

    /// <summary>The lock, the events and their ledger entries, hashed by the database, as statements of one batch.</summary>
    public static void Add(SqlProvider provider, SqlStatements statements, IReadOnlyList<PreparedEvent> events)
    {
        if (provider.EventLockSql is { } sql)
        {
            statements.Add(sql);
        }
        foreach (var e in events)
        {
            statements.Add(InsertEventSql(provider), Row(e));
        }
        AuditWriter.Add(provider, statements, events);
    }

    /// <summary>Takes the events lock in the caller's transaction (held until its end); no-op where writers are serialised anyway.</summary>
    public static async Task LockAsync(SqlProvider provider, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (provider.EventLockSql is { } sql)
        {
            await using var command = Db.Command(connection, sql, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static (string, object?)[] Row(PreparedEvent e) =>
        [("@id", e.Id), ("@type", e.Type), ("@subject", e.Subject), ("@time", e.TimeMs), ("@data", e.Data)];
}
