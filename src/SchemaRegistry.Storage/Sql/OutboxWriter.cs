using System.Data.Common;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>Writes outbox events, and their ledger entries, inside the caller's transaction after taking the events lock.</summary>
internal static class OutboxWriter
{
    /// <summary>Call last in the transaction: the events lock is then held only until the commit that follows.</summary>
    public static async Task AppendEventsAsync(SqlProvider provider, DbConnection connection, DbTransaction transaction,
        IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        await SqlSchemaStore.LockEventsAsync(provider, connection, transaction, cancellationToken);
        foreach (var e in events)
        {
            await using var command = Db.Command(connection, SqlSchemaStore.InsertEventSql, transaction,
                ("@id", Guid.NewGuid().ToString("N")), ("@type", e.Type), ("@subject", e.Subject), ("@time", Db.ToUnixMs(e.Time)), ("@data", e.Data));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await AuditWriter.AppendAsync(connection, transaction, events, cancellationToken);
    }
}
