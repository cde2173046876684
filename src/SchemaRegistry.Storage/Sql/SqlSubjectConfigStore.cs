using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

internal sealed class SqlSubjectConfigStore(SqlProvider provider) : ISubjectConfigStore
{
    public async Task<CompatibilityMode?> GetModeAsync(SubjectName subject, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT compatibility FROM subject_config WHERE subject=@s", null, ("@s", subject.ToString()));
        return await command.ExecuteScalarAsync(cancellationToken) is string mode ? WireNames.ParseMode(mode) : null;
    }

    public async Task SetModeAsync(SubjectName subject, CompatibilityMode mode, string principal, DateTimeOffset at, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Db.Command(connection,
            "INSERT INTO subject_config (subject, compatibility, updated_at, updated_by) VALUES (@s, @m, @t, @p) " +
            provider.OnConflictUpdate("subject", "compatibility=@m, updated_at=@t, updated_by=@p"), transaction,
            ("@s", subject.ToString()), ("@m", WireNames.Of(mode)), ("@t", Db.ToUnixMs(at)), ("@p", principal)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> ClearModeAsync(SubjectName subject, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        bool removed;
        await using (var command = Db.Command(connection, "DELETE FROM subject_config WHERE subject=@s", transaction, ("@s", subject.ToString())))
        {
            removed = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        return await OutboxWriter.CompleteAsync(removed, provider, connection, transaction, events, cancellationToken);
    }
}
