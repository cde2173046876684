using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>
/// A registered pipeline stage: the contract binding it to a schema. <see cref="Schema"/> is an FQID or an alias
/// (<c>finance.gdp.invoice:latest</c>, <c>:v1</c>), resolved once when a run starts.
/// </summary>
public sealed record Pipeline(
    string PipelineId,
    string Layer,
    SchemaSelector Schema,
    ValidationTiming ValidationTiming,
    DriftPolicy DriftPolicy,
    string Owner,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
