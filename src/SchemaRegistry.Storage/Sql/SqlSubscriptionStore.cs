using System.Data.Common;
using System.Text.Json;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

internal sealed class SqlSubscriptionStore(SqlProvider provider) : ISubscriptionStore
{
    // CURSOR is a reserved word in MySQL and MariaDB.
    private readonly string _cursor = provider.Quote("cursor");

    private string Columns => $"id, url, types, subject_pattern, secret, {_cursor}, attempts, next_attempt_at, created_at, created_by, replay_name, replay_until, format, replay_of, replay_from, replay_state, replay_ended_at, replay_dead_letters";

    // A replay that completed or was cancelled is kept for its listing but never leased again (NULL: started before the states).
    private const string Deliverable = "(replay_state IS NULL OR replay_state = 'running')";

    public async Task AddAsync(Subscription s, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Db.Command(connection,
            $"INSERT INTO subscriptions ({Columns}, lease_owner, lease_until) VALUES (@id, @url, @types, @pattern, @secret, @cursor, 0, @next, @created_at, @created_by, @replay_name, @replay_until, @format, @replay_of, @replay_from, @replay_state, NULL, @replay_dead_letters, NULL, 0)",
            transaction, ("@id", s.Id), ("@url", s.Url), ("@types", JsonSerializer.Serialize(s.Types)), ("@pattern", s.SubjectPattern), ("@secret", s.Secret),
            ("@cursor", s.Cursor), ("@next", Db.ToUnixMs(s.NextAttemptAt)), ("@created_at", Db.ToUnixMs(s.CreatedAt)), ("@created_by", s.CreatedBy),
            ("@replay_name", s.ReplayName), ("@replay_until", s.ReplayUntil), ("@format", s.Format),
            ("@replay_of", s.Replay?.Of), ("@replay_from", s.Replay?.From), ("@replay_state", s.Replay?.State), ("@replay_dead_letters", s.Replay is { DeadLettersOnly: true } ? 1 : 0)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM subscriptions WHERE replay_name IS NULL ORDER BY created_at, id");
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM subscriptions WHERE id=@id", null, ("@id", id));
        return (await ReadAllAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<bool> DeleteAsync(string id, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = Db.Command(connection, "DELETE FROM subscriptions WHERE id=@id", transaction, ("@id", id));
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        return await OutboxWriter.CompleteAsync(deleted, provider, connection, transaction, events, cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        // One UPDATE takes every free, due lease atomically, so two replicas never deliver for one subscription at once.
        await using (var claim = Db.Command(connection,
            "UPDATE subscriptions SET lease_owner=@owner, lease_until=@until WHERE next_attempt_at <= @now AND (lease_owner IS NULL OR lease_until < @now) AND " + Deliverable,
            null, ("@owner", owner), ("@until", Db.ToUnixMs(now + lease)), ("@now", Db.ToUnixMs(now))))
        {
            await claim.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM subscriptions WHERE lease_owner=@owner AND lease_until >= @now",
            null, ("@owner", owner), ("@now", Db.ToUnixMs(now)));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task SaveProgressAsync(string id, string owner, long cursor, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            // attempts is set before the cursor: MySQL evaluates SET left to right, so it must still see the old cursor.
            $"UPDATE subscriptions SET attempts=CASE WHEN {_cursor} > @cursor THEN 0 ELSE @attempts END, " +
            $"{_cursor}=CASE WHEN {_cursor} > @cursor THEN {_cursor} ELSE @cursor END, next_attempt_at=@next, lease_owner=NULL, lease_until=0 WHERE id=@id AND lease_owner=@owner",
            null, ("@cursor", cursor), ("@attempts", attempts), ("@next", Db.ToUnixMs(nextAttemptAt)), ("@id", id), ("@owner", owner));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> ListReplaysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM subscriptions WHERE replay_name IS NOT NULL ORDER BY created_at DESC, id");
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<bool> CompleteReplayAsync(string id, long cursor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"UPDATE subscriptions SET {_cursor}=@cursor, attempts=0, replay_state='completed', replay_ended_at=@at, lease_owner=NULL, lease_until=0 WHERE id=@id AND {Deliverable}",
            null, ("@cursor", cursor), ("@at", Db.ToUnixMs(at)), ("@id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> PurgeEndedReplaysAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"DELETE FROM subscriptions WHERE replay_name IS NOT NULL AND NOT {Deliverable} AND replay_ended_at < @before", null, ("@before", Db.ToUnixMs(before)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CancelReplayAsync(string id, DateTimeOffset at, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"UPDATE subscriptions SET replay_state='cancelled', replay_ended_at=@at, lease_owner=NULL, lease_until=0 WHERE id=@id AND replay_name IS NOT NULL AND {Deliverable}",
            transaction, ("@at", Db.ToUnixMs(at)), ("@id", id));
        var cancelled = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        return await OutboxWriter.CompleteAsync(cancelled, provider, connection, transaction, events, cancellationToken);
    }

    public async Task<long?> PurgeBacklogAsync(string id, long upTo, DateTimeOffset at, Func<long, IReadOnlyList<OutboxEvent>> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long? before;
        await using (var read = Db.Command(connection, $"SELECT {_cursor} FROM subscriptions WHERE id=@id AND replay_name IS NULL", transaction, ("@id", id)))
        {
            before = await read.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        if (before is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        await using (var update = Db.Command(connection,
            $"UPDATE subscriptions SET attempts=0, {_cursor}=@upTo, next_attempt_at=@at WHERE id=@id AND {_cursor} < @upTo",
            transaction, ("@upTo", upTo), ("@at", Db.ToUnixMs(at)), ("@id", id)))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await OutboxWriter.CompleteAsync(true, provider, connection, transaction, events(before.Value), cancellationToken);
        return before;
    }

    public async Task RemoveDeadLetterAsync(string subscriptionId, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "DELETE FROM dead_letters WHERE subscription_id=@id AND sequence=@sequence",
            null, ("@id", subscriptionId), ("@sequence", sequence));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddDeadLetterAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "INSERT INTO dead_letters (subscription_id, sequence, attempts, last_error, at) VALUES (@id, @sequence, @attempts, @error, @at)",
            null, ("@id", letter.SubscriptionId), ("@sequence", letter.Sequence), ("@attempts", letter.Attempts), ("@error", letter.LastError), ("@at", Db.ToUnixMs(letter.At)));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (provider.IsUniqueViolation(e))
        {
            // Already dead-lettered by an earlier pass that could not save its progress.
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT subscription_id, sequence, attempts, last_error, at FROM dead_letters WHERE subscription_id=@id ORDER BY sequence", null, ("@id", subscriptionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), Db.FromUnixMs(reader.GetInt64(4))));
        }
        return letters;
    }

    private static async Task<IReadOnlyList<Subscription>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscriptions = new List<Subscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            subscriptions.Add(new Subscription(reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<List<string>>(reader.GetString(2))!,
                reader.GetString(3), reader.GetString(4), reader.GetInt64(5), reader.GetInt32(6), Db.FromUnixMs(reader.GetInt64(7)),
                Db.FromUnixMs(reader.GetInt64(8)), reader.GetString(9), Db.NullableString(reader, 10), Db.NullableLong(reader, 11), reader.GetString(12), ReadReplay(reader)));
        }
        return subscriptions;
    }

    private static ReplayProgress? ReadReplay(DbDataReader reader) =>
        reader.IsDBNull(10) ? null : new ReplayProgress(Db.NullableString(reader, 13), Db.NullableLong(reader, 14),
            Db.NullableString(reader, 15) ?? ReplayProgress.Running, Db.NullableLong(reader, 16) is { } ended ? Db.FromUnixMs(ended) : null,
            Convert.ToInt64(reader.GetValue(17), System.Globalization.CultureInfo.InvariantCulture) != 0);
}
