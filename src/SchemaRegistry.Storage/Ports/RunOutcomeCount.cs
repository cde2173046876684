using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Storage.Ports;

/// <summary>How many completed runs ended with one status and one validation result.</summary>
public sealed record RunOutcomeCount(RunStatus Status, string? ValidationResult, long Runs);
