using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Pipelines;

/// <summary>
/// A registered pipeline stage: the contract binding it to a schema. <see cref="Schema"/> is an FQID or an alias
/// (<c>finance.gdp.invoice:latest</c>, <c>:v1</c>), resolved once when a run starts. A run on <c>:latest</c> that would
/// move to a newer major than the pipeline's last successful run is refused (PIPE-1103) unless <see cref="AllowMajor"/>.
/// </summary>
public sealed record Pipeline(
    string PipelineId,
    string Layer,
    SchemaSelector Schema,
    ValidationTiming ValidationTiming,
    DriftPolicy DriftPolicy,
    string Owner,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool AllowMajor = false);
