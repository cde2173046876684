using System.Globalization;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>The counts behind the operational gauges, grouped in the database so no run is read.</summary>
internal sealed partial class SqlPipelineStore
{
    public async Task<IReadOnlyList<RunOutcomeCount>> CountCompletedRunsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT status, validation_result, COUNT(*) FROM runs WHERE completed_at >= @from AND completed_at < @to " +
            "GROUP BY status, validation_result ORDER BY status, validation_result",
            null, ("@from", Db.ToUnixMs(from)), ("@to", Db.ToUnixMs(to)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<RunOutcomeCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new RunOutcomeCount(WireNames.Parse<RunStatus>(reader.GetString(0)), Db.NullableString(reader, 1),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }
        return counts;
    }

    public async Task<long> CountDriftCasesAsync(DriftCaseStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT COUNT(*) FROM drift_cases WHERE status=@status", null,
            ("@status", WireNames.Of(status)));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
