using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>What the runbook needs of runs: signs of life and abandonment, the quarantine by subject and date, uploaded quarantines.</summary>
internal sealed partial class SqlPipelineStore
{
    private static readonly string Abandoned = WireNames.Of(RunStatus.Abandoned);

    public async Task<bool> TouchRunAsync(string runId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "UPDATE runs SET last_seen_at=@at WHERE run_id=@id AND status=@running", null,
            ("@at", Db.ToUnixMs(at)), ("@id", runId), ("@running", Running));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<string>> ListSilentRunsAsync(DateTimeOffset silentSince, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"SELECT run_id FROM runs WHERE status=@running AND COALESCE(last_seen_at, started_at) < @since ORDER BY started_at, run_id LIMIT {Math.Clamp(limit, 1, 1000)}",
            null, ("@running", Running), ("@since", Db.ToUnixMs(silentSince)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public async Task<bool> AbandonRunAsync(string runId, DateTimeOffset silentSince, DateTimeOffset at, string reason, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The WHERE is evaluated again on the row's newest version once a concurrent update of it commits (PostgreSQL,
        // InnoDB), and SQLite runs one writer at a time: only one replica's update matches.
        await using (var update = Db.Command(connection,
            "UPDATE runs SET status=@abandoned, completed_at=@at, validation_result=@result, failure_reason=@reason " +
            "WHERE run_id=@id AND status=@running AND COALESCE(last_seen_at, started_at) < @since",
            transaction, ("@abandoned", Abandoned), ("@at", Db.ToUnixMs(at)), ("@result", "fail"), ("@reason", reason), ("@id", runId),
            ("@running", Running), ("@since", Db.ToUnixMs(silentSince))))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<(RunBatch Batch, RunRecord Run)>> ListQuarantineAsync(SubjectName? subject, DateTimeOffset from, DateTimeOffset to,
        int limit, CancellationToken cancellationToken)
    {
        var parameters = new List<(string, object?)> { ("@from", Db.ToUnixMs(from)), ("@to", Db.ToUnixMs(to)) };
        var bySubject = "";
        if (subject is not null)
        {
            bySubject = "AND subject=@subject ";
            parameters.Add(("@subject", subject.ToString()));
        }
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"SELECT {BatchColumns} FROM run_batches WHERE quarantine_key IS NOT NULL AND created_at >= @from AND created_at < @to " +
            $"AND run_id IN (SELECT run_id FROM runs WHERE 1=1 {bySubject}) " +
            $"ORDER BY created_at DESC, run_id, batch_number LIMIT {Math.Clamp(limit, 1, 1000)}",
            null, [.. parameters]);
        var batches = await ReadBatchesAsync(command, cancellationToken);
        var runs = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        var rows = new List<(RunBatch, RunRecord)>();
        foreach (var batch in batches)
        {
            if (!runs.TryGetValue(batch.RunId, out var run))
            {
                // Runs are never deleted, so the batch's run is there.
                run = await GetRunAsync(batch.RunId, cancellationToken) ?? throw new InvalidOperationException($"Run '{batch.RunId}' is missing.");
                runs[batch.RunId] = run;
            }
            rows.Add((batch, run));
        }
        return rows;
    }

    public async Task<bool> AttachQuarantineAsync(string runId, int batchNumber, string key, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = Db.Command(connection,
            "UPDATE run_batches SET quarantine_key=@key WHERE run_id=@id AND batch_number=@n AND quarantine_key IS NULL",
            transaction, ("@key", key), ("@id", runId), ("@n", batchNumber)))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
