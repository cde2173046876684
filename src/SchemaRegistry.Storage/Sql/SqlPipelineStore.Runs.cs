using System.Data.Common;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>Runs, their batches and the quarantine index.</summary>
internal sealed partial class SqlPipelineStore
{
    private const string RunColumns =
        "run_id, pipeline_id, fqid, content_hash, drift_policy, status, output_path, started_by, started_at, completed_at, " +
        "batches, records, valid, invalid, drifted, rescued, quarantined, validation_result, failure_reason, flags";

    private const string BatchColumns =
        "run_id, batch_number, format, records, valid, invalid, drifted, rescued, quarantined, failed, quarantine_key, released, duration_ms, created_at, stage";

    private static readonly string Running = WireNames.Of(RunStatus.Running);

    public async Task StartRunAsync(RunRecord run, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var c = run.Counts;
        await using (var insert = Db.Command(connection,
            $"INSERT INTO runs (subject, last_seen_at, {RunColumns}) VALUES (@subject, @started_at, @run_id, @pipeline_id, @fqid, @hash, @policy, @status, @output, " +
            "@started_by, @started_at, @completed_at, @batches, @records, @valid, @invalid, @drifted, @rescued, @quarantined, @result, @reason, @flags)",
            transaction,
            ("@subject", run.Fqid.Subject.ToString()), ("@run_id", run.RunId), ("@pipeline_id", run.PipelineId), ("@fqid", run.Fqid.ToString()),
            ("@hash", run.ContentHash), ("@policy", WireNames.Of(run.DriftPolicy)), ("@status", WireNames.Of(run.Status)),
            ("@output", run.OutputPath), ("@started_by", run.StartedBy), ("@started_at", Db.ToUnixMs(run.StartedAt)),
            ("@completed_at", run.CompletedAt is { } completed ? Db.ToUnixMs(completed) : null), ("@batches", c.Batches),
            ("@records", c.Records), ("@valid", c.Valid), ("@invalid", c.Invalid), ("@drifted", c.Drifted), ("@rescued", c.Rescued),
            ("@quarantined", c.Quarantined), ("@result", run.ValidationResult), ("@reason", run.FailureReason), ("@flags", Flags(run.Flags))))
        {
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException e) when (provider.IsUniqueViolation(e))
            {
                throw new StoreConflictException($"Run '{run.RunId}' already exists.", e);
            }
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {RunColumns} FROM runs WHERE run_id=@id", null, ("@id", runId));
        return (await ReadRunsAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.PipelineId is not null)
        {
            where.Add("pipeline_id=@pipeline_id");
            parameters.Add(("@pipeline_id", query.PipelineId));
        }
        if (query.Subject is not null)
        {
            where.Add("subject=@subject");
            parameters.Add(("@subject", query.Subject.ToString()));
        }
        if (query.Fqid is not null)
        {
            where.Add("fqid=@fqid");
            parameters.Add(("@fqid", query.Fqid.ToString()));
        }
        if (query.Statuses is { Count: > 0 } statuses)
        {
            where.Add("status IN (" + string.Join(", ", statuses.Select((_, i) => $"@status{i}")) + ")");
            parameters.AddRange(statuses.Select((status, i) => ($"@status{i}", (object?)WireNames.Of(status))));
        }
        if (query.After is { } after)
        {
            where.Add("(started_at < @after_at OR (started_at = @after_at AND run_id > @after_run))");
            parameters.Add(("@after_at", Db.ToUnixMs(after.StartedAt)));
            parameters.Add(("@after_run", after.RunId));
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where) + " ";
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"SELECT {RunColumns} FROM runs {filter}ORDER BY started_at DESC, run_id LIMIT {Math.Clamp(query.Limit, 1, 1000)}",
            null, [.. parameters]);
        return await ReadRunsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<RunBatch>> ListBatchesAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"SELECT {BatchColumns} FROM run_batches WHERE run_id=@id ORDER BY batch_number", null, ("@id", runId));
        return await ReadBatchesAsync(command, cancellationToken);
    }

    public async Task<bool> CompleteRunAsync(string runId, RunStatus status, DateTimeOffset completedAt, string? outputPath,
        string validationResult, string? failureReason, IReadOnlyList<string> flags, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = Db.Command(connection,
            "UPDATE runs SET status=@status, completed_at=@completed_at, output_path=COALESCE(@output, output_path), " +
            "validation_result=@result, failure_reason=@reason, flags=@flags WHERE run_id=@id AND status=@running",
            transaction, ("@flags", Flags(flags)), ("@status", WireNames.Of(status)), ("@completed_at", Db.ToUnixMs(completedAt)), ("@output", outputPath),
            ("@result", validationResult), ("@reason", failureReason), ("@id", runId), ("@running", Running)))
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

    public async Task<bool> RecomputeRunAsync(string runId, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        static string Sum(string column) => $"{column} = (SELECT COALESCE(SUM(b.{column}), 0) FROM run_batches b WHERE b.run_id = runs.run_id)";
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = Db.Command(connection,
            "UPDATE runs SET batches = (SELECT COUNT(*) FROM run_batches b WHERE b.run_id = runs.run_id), " +
            string.Join(", ", new[] { "records", "valid", "invalid", "drifted", "rescued", "quarantined" }.Select(Sum)) +
            " WHERE run_id=@id", transaction, ("@id", runId)))
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

    public Task AddReleasedAsync(string runId, int batchNumber, long released, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken) =>
        UpdateBatchAsync("released = released + @released", runId, batchNumber, ("@released", released), events, cancellationToken);

    public Task ClearQuarantineAsync(string runId, int batchNumber, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken) =>
        UpdateBatchAsync("quarantine_key = @key", runId, batchNumber, ("@key", null), events, cancellationToken);

    public async Task<IReadOnlyList<RunBatch>> ListQuarantinedBatchesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"SELECT {BatchColumns} FROM run_batches WHERE quarantine_key IS NOT NULL AND created_at < @before ORDER BY created_at, run_id, batch_number",
            null, ("@before", Db.ToUnixMs(before)));
        return await ReadBatchesAsync(command, cancellationToken);
    }

    /// <summary>Throws <see cref="StoreConflictException"/> (writing no event) when the batch does not exist.</summary>
    private async Task UpdateBatchAsync(string set, string runId, int batchNumber, (string, object?) value,
        IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = Db.Command(connection, $"UPDATE run_batches SET {set} WHERE run_id=@id AND batch_number=@n", transaction,
            value, ("@id", runId), ("@n", batchNumber)))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new StoreConflictException($"Batch {batchNumber} of run '{runId}' does not exist.");
            }
        }
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Flags are snake_case names: stored comma-separated, null when there are none.</summary>
    private static string? Flags(IReadOnlyList<string>? flags) => flags is { Count: > 0 } ? string.Join(',', flags) : null;

    private async Task<List<RunRecord>> ReadRunsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RunRecord(reader.GetString(0), reader.GetString(1), Fqid.Parse(reader.GetString(2), layers), reader.GetString(3),
                WireNames.Parse<DriftPolicy>(reader.GetString(4)), WireNames.Parse<RunStatus>(reader.GetString(5)),
                Db.NullableString(reader, 6), reader.GetString(7), Db.FromUnixMs(reader.GetInt64(8)),
                Db.NullableLong(reader, 9) is { } completed ? Db.FromUnixMs(completed) : null,
                new RunCounts(reader.GetInt32(10), reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(13), reader.GetInt64(14),
                    reader.GetInt64(15), reader.GetInt64(16)),
                Db.NullableString(reader, 17), Db.NullableString(reader, 18),
                Db.NullableString(reader, 19) is { Length: > 0 } flags ? flags.Split(',') : null));
        }
        return runs;
    }

    private static async Task<List<RunBatch>> ReadBatchesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batches = new List<RunBatch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // A batch row is one batch: its counts' Batches is always 1.
            batches.Add(new RunBatch(reader.GetString(0), reader.GetInt32(1), reader.GetString(2),
                new RunCounts(1, reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)),
                reader.GetBoolean(9), Db.NullableString(reader, 10), reader.GetInt64(11), reader.GetDouble(12), Db.FromUnixMs(reader.GetInt64(13)),
                Db.NullableString(reader, 14)));
        }
        return batches;
    }
}
