namespace SchemaRegistry.Storage.Backup;

/// <summary>
/// Every table a backup carries, in restore order (a table comes after the ones its foreign keys name). Left out:
/// <c>schema_migrations</c> and <c>event_lock</c> (made by the migrations), and webhook subscriptions with their
/// dead letters (they hold HMAC secrets and the delivery state of one deployment's receivers).
/// </summary>
public static class BackupTables
{
    private static BackupColumn T(string name) => new(name, ColumnKind.Text);
    private static BackupColumn TN(string name) => new(name, ColumnKind.Text, true);
    private static BackupColumn I(string name) => new(name, ColumnKind.Int32);
    private static BackupColumn L(string name) => new(name, ColumnKind.Int64);
    private static BackupColumn LN(string name) => new(name, ColumnKind.Int64, true);

    public static readonly IReadOnlyList<BackupTable> All =
    [
        new("schema_versions",
            [T("fqid"), T("subject"), T("domain"), T("layer"), T("entity"), I("major"), I("minor"), T("state"), T("owner"), T("description"),
             T("format"), T("compatibility"), T("tags"), T("payload"), T("refs"), T("content_hash"), L("created_at"), T("created_by"),
             L("updated_at"), T("updated_by"), TN("submitted_by"), L("revision")],
            ["fqid"]),
        new("schema_history",
            [L("id"), T("fqid"), T("action"), TN("from_state"), T("to_state"), T("principal_id"), T("principal_name"), T("role"), L("at"), TN("comment")],
            ["id"], Identity: "id"),
        new("subject_config", [T("subject"), T("compatibility"), L("updated_at"), T("updated_by")], ["subject"]),
        new("api_keys",
            [T("id"), T("name"), T("role"), T("secret_hash"), T("prefix"), L("created_at"), T("created_by"), LN("expires_at"), LN("revoked_at")],
            ["id"]),
        new("pipelines",
            [T("pipeline_id"), T("layer"), T("schema_selector"), T("validation_timing"), T("drift_policy"), T("owner"), L("created_at"), L("updated_at"),
             new("allow_major", ColumnKind.Bool)],
            ["pipeline_id"]),
        new("runs",
            [T("run_id"), T("pipeline_id"), T("subject"), T("fqid"), T("content_hash"), T("drift_policy"), T("status"), TN("output_path"),
             T("started_by"), L("started_at"), LN("completed_at"), I("batches"), L("records"), L("valid"), L("invalid"), L("drifted"),
             L("rescued"), L("quarantined"), TN("validation_result"), TN("failure_reason"), LN("last_seen_at"), TN("flags")],
            ["run_id"]),
        new("run_batches",
            [T("run_id"), I("batch_number"), T("format"), L("records"), L("valid"), L("invalid"), L("drifted"), L("rescued"), L("quarantined"),
             new("failed", ColumnKind.Bool), TN("quarantine_key"), L("released"), new("duration_ms", ColumnKind.Double), L("created_at"), TN("stage")],
            ["run_id", "batch_number"]),
        new("drift_cases",
            [L("id"), T("subject"), T("status"), L("opened_at"), L("updated_at"), TN("acknowledged_by"), LN("acknowledged_at"), TN("resolved_by"),
             LN("resolved_at"), TN("resolution")],
            ["id"], Identity: "id"),
        new("drift_case_fields",
            [L("case_id"), T("path"), T("kind"), L("occurrences"), T("first_run_id"), L("first_record"), T("samples"), TN("inferred_type")],
            ["case_id", "path", "kind"]),
        new("drift_case_runs", [L("id"), L("case_id"), T("run_id")], ["id"], Identity: "id"),
        new("events", [L("sequence"), T("id"), T("type"), T("subject"), L("time"), T("data")], ["sequence"], Identity: "sequence"),
        new("audit_log",
            [L("sequence"), L("at"), T("principal"), T("role"), T("action"), T("target"), TN("reason"), TN("before_hash"), TN("after_hash"),
             T("prev_hash"), T("hash")],
            ["sequence"]),
        new("schema_ids", [L("id"), T("fingerprint"), T("format"), T("schema_text"), T("refs"), L("created_at")], ["id"], Identity: "id"),
        new("confluent_subjects", [T("name"), T("subject"), L("created_at")], ["name"]),
        new("confluent_versions", [T("subject"), I("version"), T("fqid"), L("schema_id"), I("deleted"), TN("metadata")], ["subject", "version"]),
        new("confluent_settings", [T("scope"), T("name"), T("value"), L("updated_at"), T("updated_by")], ["scope", "name"]),
    ];
}
