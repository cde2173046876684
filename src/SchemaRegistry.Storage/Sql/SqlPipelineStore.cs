using System.Data.Common;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>
/// Pipelines here; runs and batches in <c>.Runs.cs</c>, recording a batch and its drift in <c>.Drift.cs</c>, reading and
/// moving drift cases in <c>.DriftCases.cs</c>.
/// </summary>
internal sealed partial class SqlPipelineStore(SqlProvider provider, Layers layers) : IPipelineStore
{
    private const string PipelineColumns = "pipeline_id, layer, schema_selector, validation_timing, drift_policy, owner, created_at, updated_at, allow_major";

    public async Task AddPipelineAsync(Pipeline pipeline, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"INSERT INTO pipelines ({PipelineColumns}) VALUES (@id, @layer, @schema, @timing, @policy, @owner, @created_at, @updated_at, @allow_major)",
            null, PipelineParameters(pipeline));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (provider.IsUniqueViolation(e))
        {
            throw new StoreConflictException($"Pipeline '{pipeline.PipelineId}' already exists.", e);
        }
    }

    public async Task<bool> UpdatePipelineAsync(Pipeline pipeline, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "UPDATE pipelines SET layer=@layer, schema_selector=@schema, validation_timing=@timing, drift_policy=@policy, owner=@owner, " +
            "updated_at=@updated_at, allow_major=@allow_major WHERE pipeline_id=@id",
            null, PipelineParameters(pipeline));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<Pipeline?> GetPipelineAsync(string pipelineId, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {PipelineColumns} FROM pipelines WHERE pipeline_id=@id", null, ("@id", pipelineId));
        return (await ReadPipelinesAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Pipeline>> ListPipelinesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {PipelineColumns} FROM pipelines ORDER BY pipeline_id");
        return await ReadPipelinesAsync(command, cancellationToken);
    }

    private static (string, object?)[] PipelineParameters(Pipeline p) =>
    [
        ("@id", p.PipelineId), ("@layer", p.Layer), ("@schema", p.Schema.ToString()), ("@timing", WireNames.Of(p.ValidationTiming)),
        ("@policy", WireNames.Of(p.DriftPolicy)), ("@owner", p.Owner), ("@created_at", Db.ToUnixMs(p.CreatedAt)),
        ("@updated_at", Db.ToUnixMs(p.UpdatedAt)), ("@allow_major", p.AllowMajor),
    ];

    private async Task<List<Pipeline>> ReadPipelinesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pipelines = new List<Pipeline>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var schema = SchemaSelector.TryParse(reader.GetString(2), layers, out var selector, out var error)
                ? selector
                : throw new FormatException(error);
            pipelines.Add(new Pipeline(reader.GetString(0), reader.GetString(1), schema,
                WireNames.Parse<ValidationTiming>(reader.GetString(3)),
                WireNames.Parse<DriftPolicy>(reader.GetString(4)),
                reader.GetString(5), Db.FromUnixMs(reader.GetInt64(6)), Db.FromUnixMs(reader.GetInt64(7)), reader.GetBoolean(8)));
        }
        return pipelines;
    }

    /// <summary>A subject column (<c>domain.layer.entity</c>) written by this store.</summary>
    private static SubjectName ParseSubject(string text)
    {
        var parts = text.Split('.');
        return new SubjectName(parts[0], parts[1], parts[2]);
    }
}
