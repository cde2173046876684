using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>Recording a batch: the run's totals and the merge of its drift into the subject's unresolved case.</summary>
internal sealed partial class SqlPipelineStore
{
    /// <summary>A case keeps the first samples it saw, no more than this many per field.</summary>
    private const int MaxSamples = 5;

    // The arbiter of the upsert is the partial unique index ux_drift_cases_unresolved; PostgreSQL only picks a partial
    // index when the ON CONFLICT predicate repeats its WHERE clause, which must be a literal (the resolved wire name).
    private const string OpenCaseSql =
        "INSERT INTO drift_cases (subject, status, opened_at, updated_at) VALUES (@subject, @open, @at, @at) " +
        "ON CONFLICT (subject) WHERE status <> 'resolved' DO UPDATE SET updated_at = " +
        "CASE WHEN excluded.updated_at > drift_cases.updated_at THEN excluded.updated_at ELSE drift_cases.updated_at END " +
        "RETURNING id";

    // MySQL and MariaDB have neither ON CONFLICT nor RETURNING: the arbiter is the UNIQUE index on the generated column
    // unresolved_subject (NULL once resolved), and LAST_INSERT_ID(id) hands back the id of the row updated instead.
    private const string OpenCaseMySql =
        "INSERT INTO drift_cases (subject, status, opened_at, updated_at) VALUES (@subject, @open, @at, @at) " +
        "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), updated_at = GREATEST(updated_at, @at); " +
        "SELECT LAST_INSERT_ID()";

    public async Task<long?> RecordBatchAsync(RunBatch batch, DriftObservation? drift, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var c = batch.Counts;
        // Guarded on the expected batch count: the row lock this takes orders concurrent batches of one run.
        await using (var totals = Db.Command(connection,
            "UPDATE runs SET batches = batches + 1, records = records + @records, valid = valid + @valid, invalid = invalid + @invalid, " +
            "drifted = drifted + @drifted, rescued = rescued + @rescued, quarantined = quarantined + @quarantined, last_seen_at = @created_at " +
            "WHERE run_id=@id AND status=@running AND batches=@previous",
            transaction, ("@records", c.Records), ("@valid", c.Valid), ("@invalid", c.Invalid), ("@drifted", c.Drifted),
            ("@rescued", c.Rescued), ("@quarantined", c.Quarantined), ("@id", batch.RunId), ("@running", Running),
            ("@previous", batch.BatchNumber - 1), ("@created_at", Db.ToUnixMs(batch.CreatedAt))))
        {
            if (await totals.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw await BatchConflictAsync(connection, transaction, batch, cancellationToken);
            }
        }
        await using (var insert = Db.Command(connection,
            $"INSERT INTO run_batches ({BatchColumns}) VALUES (@id, @n, @format, @records, @valid, @invalid, @drifted, @rescued, @quarantined, " +
            "@failed, @key, @released, @duration, @created_at, @stage)",
            transaction, ("@id", batch.RunId), ("@n", batch.BatchNumber), ("@format", batch.Format), ("@records", c.Records), ("@valid", c.Valid),
            ("@invalid", c.Invalid), ("@drifted", c.Drifted), ("@rescued", c.Rescued), ("@quarantined", c.Quarantined), ("@failed", batch.Failed),
            ("@key", batch.QuarantineKey), ("@released", batch.Released), ("@duration", batch.DurationMs), ("@created_at", Db.ToUnixMs(batch.CreatedAt)), ("@stage", batch.Stage)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var caseId = drift is null ? (long?)null : await MergeDriftAsync(connection, transaction, drift, batch.CreatedAt, cancellationToken);
        await OutboxWriter.AppendEventsAsync(provider, connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return caseId;
    }

    private static async Task<StoreConflictException> BatchConflictAsync(DbConnection connection, DbTransaction transaction, RunBatch batch,
        CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, "SELECT status, batches FROM runs WHERE run_id=@id", transaction, ("@id", batch.RunId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new StoreConflictException($"Run '{batch.RunId}' does not exist.");
        }
        if (reader.GetString(0) != Running)
        {
            return new StoreConflictException($"Run '{batch.RunId}' is {reader.GetString(0)}, not running: it takes no more batches.");
        }
        return new StoreConflictException(
            $"Batch {batch.BatchNumber} of run '{batch.RunId}' is out of order: the next batch is {reader.GetInt32(1) + 1}.");
    }

    /// <summary>
    /// Finds or opens the subject's unresolved case and merges the fields into it. The upsert locks the case row
    /// (PostgreSQL, MySQL; SQLite's write transaction is exclusive), so the read-modify-write of the samples below is safe.
    /// </summary>
    private async Task<long> MergeDriftAsync(DbConnection connection, DbTransaction transaction, DriftObservation drift, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        long caseId;
        await using (var open = Db.Command(connection, provider.Dialect == "mysql" ? OpenCaseMySql : OpenCaseSql, transaction,
            ("@subject", drift.Subject.ToString()), ("@open", WireNames.Of(DriftCaseStatus.Open)), ("@at", Db.ToUnixMs(at))))
        {
            caseId = Convert.ToInt64(await open.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        foreach (var field in drift.Fields)
        {
            await MergeFieldAsync(connection, transaction, caseId, field, cancellationToken);
        }
        await using (var run = Db.Command(connection,
            "INSERT INTO drift_case_runs (case_id, run_id) VALUES (@case_id, @run_id) " + provider.OnConflictDoNothing("case_id, run_id"),
            transaction, ("@case_id", caseId), ("@run_id", drift.RunId)))
        {
            await run.ExecuteNonQueryAsync(cancellationToken);
        }
        return caseId;
    }

    private static async Task MergeFieldAsync(DbConnection connection, DbTransaction transaction, long caseId, DriftCaseField field,
        CancellationToken cancellationToken)
    {
        (string, object?)[] key = [("@case_id", caseId), ("@path", field.Path), ("@kind", WireNames.Of(field.Kind))];
        string? existing;
        await using (var read = Db.Command(connection,
            "SELECT samples FROM drift_case_fields WHERE case_id=@case_id AND path=@path AND kind=@kind", transaction, key))
        {
            existing = (string?)await read.ExecuteScalarAsync(cancellationToken);
        }
        if (existing is null)
        {
            await using var insert = Db.Command(connection,
                "INSERT INTO drift_case_fields (case_id, path, kind, occurrences, first_run_id, first_record, samples, inferred_type) " +
                "VALUES (@case_id, @path, @kind, @occurrences, @first_run_id, @first_record, @samples, @inferred)",
                transaction,
                [.. key, ("@occurrences", field.Occurrences), ("@first_run_id", field.FirstRunId), ("@first_record", field.FirstRecord),
                 ("@samples", JsonSerializer.Serialize(field.Samples.Take(MaxSamples).ToList())), ("@inferred", field.InferredType)]);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        // The first run and record stay those of the batch that found the field first.
        var samples = JsonSerializer.Deserialize<List<string>>(existing)!.Concat(field.Samples).Take(MaxSamples).ToList();
        await using var update = Db.Command(connection,
            "UPDATE drift_case_fields SET occurrences = occurrences + @occurrences, samples=@samples, inferred_type=COALESCE(@inferred, inferred_type) " +
            "WHERE case_id=@case_id AND path=@path AND kind=@kind",
            transaction,
            [.. key, ("@occurrences", field.Occurrences), ("@samples", JsonSerializer.Serialize(samples)), ("@inferred", field.InferredType)]);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
