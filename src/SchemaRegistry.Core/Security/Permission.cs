namespace SchemaRegistry.Core.Security;

/// <summary>What an endpoint needs; <see cref="AccessPolicy"/> says which roles hold it.</summary>
public enum Permission
{
    Read,
    WriteDraft,
    Validate,
    Submit,
    Approve,
    Reject,
    Publish,
    ForcePublish,
    Deprecate,
    ManageKeys,
    ManageConfig,

    /// <summary>Register and change pipeline contracts.</summary>
    ManagePipelines,

    /// <summary>Start runs, send batches, complete runs.</summary>
    RunPipelines,

    /// <summary>Acknowledge and resolve drift cases; replay and purge quarantine.</summary>
    ManageDrift,

    /// <summary>Re-derive a run's lineage (the runbook's metadata-sync recovery).</summary>
    SyncMetadata,

    /// <summary>Read and export the governance ledger.</summary>
    ReadAudit,

    /// <summary>Export the whole registry as a backup archive (schema-admin only: it holds key hashes and every payload).</summary>
    Backup,

    /// <summary>Tag schema versions and runs with an incident in the ledger (post-incident).</summary>
    AnnotateAudit,

    /// <summary>
    /// Ask whether a schema is registered under a subject and get its id (the Confluent door's <c>POST /subjects/{s}</c>):
    /// what serializers do when they start with auto-registration off.
    /// </summary>
    LookUpSchema,
}
