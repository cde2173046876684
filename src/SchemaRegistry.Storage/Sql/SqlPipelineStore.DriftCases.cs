using System.Data.Common;
using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>Reading drift cases and moving them through open → acknowledged → resolved.</summary>
internal sealed partial class SqlPipelineStore
{
    private const string CaseColumns =
        "c.id, c.subject, c.status, c.opened_at, c.updated_at, c.acknowledged_by, c.acknowledged_at, c.resolved_by, c.resolved_at, c.resolution";

    private static readonly string Open = WireNames.Of(DriftCaseStatus.Open);
    private static readonly string Acknowledged = WireNames.Of(DriftCaseStatus.Acknowledged);

    public async Task<DriftCase?> GetDriftCaseAsync(long id, CancellationToken cancellationToken) =>
        (await ReadCasesAsync("WHERE c.id=@id", [("@id", id)], cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<DriftCase>> ListDriftCasesAsync(SubjectName? subject, DriftCaseStatus? status, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (subject is not null)
        {
            where.Add("c.subject=@subject");
            parameters.Add(("@subject", subject.ToString()));
        }
        if (status is { } s)
        {
            where.Add("c.status=@status");
            parameters.Add(("@status", WireNames.Of(s)));
        }
        return ReadCasesAsync(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where), [.. parameters], cancellationToken);
    }

    public Task<bool> AcknowledgeDriftCaseAsync(long id, string principal, DateTimeOffset at, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken) =>
        TransitionCaseAsync(
            "status=@to, acknowledged_by=@principal, acknowledged_at=@at, updated_at=@at WHERE id=@id AND status=@open",
            [("@to", Acknowledged), ("@principal", principal), ("@at", Db.ToUnixMs(at)), ("@id", id), ("@open", Open)],
            events, cancellationToken);

    public Task<bool> ResolveDriftCaseAsync(long id, string principal, DateTimeOffset at, string resolution, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken) =>
        TransitionCaseAsync(
            "status=@to, resolved_by=@principal, resolved_at=@at, resolution=@resolution, updated_at=@at WHERE id=@id AND status IN (@open, @acknowledged)",
            [("@to", WireNames.Of(DriftCaseStatus.Resolved)), ("@principal", principal), ("@at", Db.ToUnixMs(at)),
             ("@resolution", resolution), ("@id", id), ("@open", Open), ("@acknowledged", Acknowledged)],
            events, cancellationToken);

    /// <summary>One guarded UPDATE of a case and its events; false (and no event) when the guard does not match.</summary>
    private async Task<bool> TransitionCaseAsync(string setAndWhere, (string, object?)[] parameters, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = Db.Command(connection, "UPDATE drift_cases SET " + setAndWhere, transaction, parameters))
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

    /// <summary>The cases matching <paramref name="where"/> (over alias <c>c</c>), newest first, with their fields and runs.</summary>
    private async Task<IReadOnlyList<DriftCase>> ReadCasesAsync(string where, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        var cases = new List<DriftCase>();
        await using (var command = Db.Command(connection, $"SELECT {CaseColumns} FROM drift_cases c {where} ORDER BY c.opened_at DESC, c.id DESC",
            null, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                cases.Add(new DriftCase(reader.GetInt64(0), ParseSubject(reader.GetString(1)),
                    WireNames.Parse<DriftCaseStatus>(reader.GetString(2)), Db.FromUnixMs(reader.GetInt64(3)),
                    Db.FromUnixMs(reader.GetInt64(4)), Db.NullableString(reader, 5), NullableTime(reader, 6), Db.NullableString(reader, 7),
                    NullableTime(reader, 8), Db.NullableString(reader, 9), [], []));
            }
        }
        if (cases.Count == 0)
        {
            return cases;
        }
        var fields = cases.ToDictionary(c => c.Id, _ => new List<DriftCaseField>());
        var runs = cases.ToDictionary(c => c.Id, _ => new List<string>());
        // By id rather than by the filter again: a case whose status changed since keeps its fields and runs.
        foreach (var chunk in cases.Select(c => c.Id).Chunk(500))
        {
            var ids = chunk.Select((id, i) => ($"@c{i}", (object?)id)).ToArray();
            var list = string.Join(", ", ids.Select(p => p.Item1));
            await using (var command = Db.Command(connection,
                "SELECT case_id, path, kind, occurrences, first_run_id, first_record, samples, inferred_type " +
                $"FROM drift_case_fields WHERE case_id IN ({list}) ORDER BY case_id, path, kind", null, ids))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    fields[reader.GetInt64(0)].Add(new DriftCaseField(reader.GetString(1),
                        WireNames.Parse<DriftKind>(reader.GetString(2)), reader.GetInt64(3), reader.GetString(4),
                        reader.GetInt64(5), JsonSerializer.Deserialize<List<string>>(reader.GetString(6))!, Db.NullableString(reader, 7)));
                }
            }
            await using (var command = Db.Command(connection,
                $"SELECT case_id, run_id FROM drift_case_runs WHERE case_id IN ({list}) ORDER BY id", null, ids))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    runs[reader.GetInt64(0)].Add(reader.GetString(1));
                }
            }
        }
        return cases.Select(c => c with { Fields = fields[c.Id], RunIds = runs[c.Id] }).ToList();
    }

    private static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) =>
        Db.NullableLong(reader, ordinal) is { } ms ? Db.FromUnixMs(ms) : null;
}
