using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>Quarantine replays: the row that makes a crash's leftovers findable, and the commit that releases.</summary>
internal sealed partial class SqlPipelineStore
{
    private static readonly string Pending = WireNames.Of(ReplayState.Pending);
    private static readonly string Aborted = WireNames.Of(ReplayState.Aborted);
    private static readonly string Committed = WireNames.Of(ReplayState.Committed);

    public async Task BeginReplayAsync(QuarantineReplay replay, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var insert = Db.Command(connection,
            "INSERT INTO quarantine_replays (replay_id, run_id, state, released_key, batches, started_at) " +
            "VALUES (@id, @run_id, @state, @released_key, @batches, @started_at)", null,
            ("@id", replay.ReplayId), ("@run_id", replay.RunId), ("@state", Name(replay.State)),
            ("@released_key", replay.ReleasedKey), ("@batches", JsonSerializer.Serialize(replay.Batches.Select(b => new[] { $"{b.BatchNumber}", b.OldKey, b.NewKey }))),
            ("@started_at", Db.ToUnixMs(replay.StartedAt)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CommitReplayAsync(string replayId, string runId, IReadOnlyList<BatchRelease> releases, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var state = Db.Command(connection, "UPDATE quarantine_replays SET state=@committed WHERE replay_id=@id AND state=@pending", transaction,
            ("@committed", Committed), ("@id", replayId), ("@pending", Pending)))
        {
            if (await state.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }
        foreach (var release in releases)
        {
            await using var update = Db.Command(connection,
                "UPDATE run_batches SET quarantine_key=@new, released=released+@released WHERE run_id=@run_id AND batch_number=@n AND quarantine_key=@old",
                transaction, ("@new", release.NewKey), ("@released", release.Released), ("@run_id", runId), ("@n", release.BatchNumber),
                ("@old", release.OldKey));
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<QuarantineReplay>> ListReplaysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT replay_id, run_id, state, released_key, batches, started_at FROM quarantine_replays ORDER BY started_at, replay_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var replays = new List<QuarantineReplay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var batches = JsonSerializer.Deserialize<string[][]>(reader.GetString(4)) ?? [];
            replays.Add(new QuarantineReplay(reader.GetString(0), reader.GetString(1), Parse(reader.GetString(2)), reader.GetString(3),
                batches.Select(b => new ReplayedBatch(int.Parse(b[0], System.Globalization.CultureInfo.InvariantCulture), b[1], b[2])).ToList(),
                Db.FromUnixMs(reader.GetInt64(5))));
        }
        return replays;
    }

    public async Task<bool> AbortReplayAsync(string replayId, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var abort = Db.Command(connection,
            "UPDATE quarantine_replays SET state=@aborted WHERE replay_id=@id AND (state=@pending OR state=@aborted)", null,
            ("@aborted", Aborted), ("@id", replayId), ("@pending", Pending));
        return await abort.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ForgetReplayAsync(string replayId, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var delete = Db.Command(connection, "DELETE FROM quarantine_replays WHERE replay_id=@id", null, ("@id", replayId));
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Name(ReplayState state) => WireNames.Of(state);

    private static ReplayState Parse(string state) => WireNames.Parse<ReplayState>(state);
}
