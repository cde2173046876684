using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

internal sealed class SqlEventStore(SqlProvider provider) : IEventStore
{
    public async Task AppendAsync(OutboxEvent @event, CancellationToken cancellationToken)
    {
        await OutboxWriter.AppendAloneAsync(provider, [@event], cancellationToken);
    }

    public Task AppendAllAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken) =>
        OutboxWriter.AppendAloneAsync(provider, events, cancellationToken);

    public async Task<(long First, long Last)?> SequenceRangeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT MIN(sequence), MAX(sequence) FROM events WHERE time >= @from AND time <= @to",
            null, ("@from", Db.ToUnixMs(from)), ("@to", Db.ToUnixMs(to)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
        {
            return null;
        }
        return (Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "DELETE FROM events WHERE time < @before", null, ("@before", Db.ToUnixMs(before)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT COALESCE(MAX(sequence), 0) FROM events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(long after, int limit, string? type, string? subject, CancellationToken cancellationToken)
    {
        var sql = "SELECT sequence, id, type, subject, time, data FROM events WHERE sequence > @after" +
                  (type is null ? "" : " AND type = @type") + (subject is null ? "" : subject.Contains(':', StringComparison.Ordinal) ? " AND subject = @subject"
                      : " AND (subject = @subject OR substr(subject, 1, @prefix_length) = @prefix)") +
                  $" ORDER BY sequence LIMIT {Math.Clamp(limit, 1, 1000)}";
        await using var connection = await provider.OpenAsync(cancellationToken);
        var parameters = new List<(string, object?)> { ("@after", after) };
        if (type is not null)
        {
            parameters.Add(("@type", type));
        }
        if (subject is not null)
        {
            parameters.Add(("@subject", subject));
            if (!subject.Contains(':', StringComparison.Ordinal))
            {
                // substr, not LIKE: a subject's '_' would be a LIKE wildcard.
                parameters.Add(("@prefix", subject + ":"));
                parameters.Add(("@prefix_length", subject.Length + 1));
            }
        }
        await using var command = Db.Command(connection, sql, null, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Db.FromUnixMs(reader.GetInt64(4)), reader.GetString(5)));
        }
        return events;
    }
}
