CREATE TABLE pipelines (
    pipeline_id       TEXT    NOT NULL PRIMARY KEY,
    layer             TEXT    NOT NULL,
    schema_selector   TEXT    NOT NULL,
    validation_timing TEXT    NOT NULL,
    drift_policy      TEXT    NOT NULL,
    owner             TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

CREATE TABLE runs (
    run_id            TEXT    NOT NULL PRIMARY KEY,
    pipeline_id       TEXT    NOT NULL,
    subject           TEXT    NOT NULL,
    fqid              TEXT    NOT NULL,
    content_hash      TEXT    NOT NULL,
    drift_policy      TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    output_path       TEXT    NULL,
    started_by        TEXT    NOT NULL,
    started_at        INTEGER NOT NULL,
    completed_at      INTEGER NULL,
    batches           INTEGER NOT NULL,
    records           INTEGER NOT NULL,
    valid             INTEGER NOT NULL,
    invalid           INTEGER NOT NULL,
    drifted           INTEGER NOT NULL,
    rescued           INTEGER NOT NULL,
    quarantined       INTEGER NOT NULL,
    validation_result TEXT    NULL,
    failure_reason    TEXT    NULL
);
CREATE INDEX ix_runs_pipeline ON runs (pipeline_id, started_at);
CREATE INDEX ix_runs_subject ON runs (subject, started_at);
CREATE INDEX ix_runs_fqid ON runs (fqid, started_at);
CREATE INDEX ix_runs_started_at ON runs (started_at);

CREATE TABLE run_batches (
    run_id         TEXT    NOT NULL REFERENCES runs (run_id),
    batch_number   INTEGER NOT NULL,
    format         TEXT    NOT NULL,
    records        INTEGER NOT NULL,
    valid          INTEGER NOT NULL,
    invalid        INTEGER NOT NULL,
    drifted        INTEGER NOT NULL,
    rescued        INTEGER NOT NULL,
    quarantined    INTEGER NOT NULL,
    failed         INTEGER NOT NULL,
    quarantine_key TEXT    NULL,
    released       INTEGER NOT NULL,
    duration_ms    REAL    NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (run_id, batch_number)
);
CREATE INDEX ix_run_batches_quarantine ON run_batches (created_at) WHERE quarantine_key IS NOT NULL;

CREATE TABLE drift_cases (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    subject         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    opened_at       INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    acknowledged_by TEXT    NULL,
    acknowledged_at INTEGER NULL,
    resolved_by     TEXT    NULL,
    resolved_at     INTEGER NULL,
    resolution      TEXT    NULL
);
-- At most one unresolved case per subject: concurrent batches merge into it instead of opening two.
CREATE UNIQUE INDEX ux_drift_cases_unresolved ON drift_cases (subject) WHERE status <> 'resolved';
CREATE INDEX ix_drift_cases_subject ON drift_cases (subject, opened_at);
CREATE INDEX ix_drift_cases_opened_at ON drift_cases (opened_at);

CREATE TABLE drift_case_fields (
    case_id       INTEGER NOT NULL REFERENCES drift_cases (id),
    path          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    occurrences   INTEGER NOT NULL,
    first_run_id  TEXT    NOT NULL,
    first_record  INTEGER NOT NULL,
    samples       TEXT    NOT NULL,
    inferred_type TEXT    NULL,
    PRIMARY KEY (case_id, path, kind)
);

CREATE TABLE drift_case_runs (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES drift_cases (id),
    run_id  TEXT    NOT NULL,
    UNIQUE (case_id, run_id)
);
