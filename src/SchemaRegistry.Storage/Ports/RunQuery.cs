using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// Lineage queries: runs of one pipeline, of any version of one subject, or of one exact version, optionally only in
/// some statuses; newest first.
/// </summary>
public sealed record RunQuery(string? PipelineId = null, SubjectName? Subject = null, Fqid? Fqid = null, int Limit = 100,
    IReadOnlyList<Core.Pipelines.RunStatus>? Statuses = null);
