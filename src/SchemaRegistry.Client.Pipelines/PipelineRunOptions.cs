namespace SchemaRegistry.Client.Pipelines;

/// <summary>Where a <see cref="PipelineRun"/> keeps its files.</summary>
public sealed record PipelineRunOptions
{
    /// <summary>Quarantined records go to <c>{QuarantineDirectory}/{run_id}/batch-NNNNNN.ndjson</c> (<c>.csv</c> for a CSV batch: its header and rows as they arrived) (+ <c>.manifest.ndjson</c>).</summary>
    public string QuarantineDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "schemareg-quarantine");

    /// <summary>Reports and completions the registry could not take wait in <c>{SpoolDirectory}/{run_id}/</c> until re-sent.</summary>
    public string SpoolDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "schemareg-spool");

    /// <summary>
    /// Send each batch's quarantined records to the registry (default on), which validates them again and stores those
    /// that fail in its quarantine, so operators find every bad record where the runbook looks; the local files stay.
    /// </summary>
    public bool UploadQuarantine { get; init; } = true;

    /// <summary>Drift detection on (default) or off.</summary>
    public bool DetectDrift { get; init; } = true;

    /// <summary>
    /// Most time one batch may spend validating (none by default). Past it, <see cref="PipelineRun.ValidateAsync"/>
    /// throws <c>BatchTimeBudgetExceededException</c> (PIPE-1003): nothing of the batch is reported, its quarantine
    /// files are removed and its number is not used, so the same records can be sent again in smaller parts.
    /// </summary>
    public TimeSpan? BatchTimeBudget { get; init; }
}
