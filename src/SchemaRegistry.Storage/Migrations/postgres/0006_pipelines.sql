CREATE TABLE pipelines (
    pipeline_id       VARCHAR(200) NOT NULL PRIMARY KEY,
    layer             VARCHAR(64)  NOT NULL,
    schema_selector   VARCHAR(220) NOT NULL,
    validation_timing VARCHAR(32)  NOT NULL,
    drift_policy      VARCHAR(32)  NOT NULL,
    owner             VARCHAR(200) NOT NULL,
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL
);

CREATE TABLE runs (
    run_id            VARCHAR(200) NOT NULL PRIMARY KEY,
    pipeline_id       VARCHAR(200) NOT NULL,
    subject           VARCHAR(200) NOT NULL,
    fqid              VARCHAR(220) NOT NULL,
    content_hash      VARCHAR(80)  NOT NULL,
    drift_policy      VARCHAR(32)  NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    output_path       TEXT         NULL,
    started_by        VARCHAR(200) NOT NULL,
    started_at        BIGINT       NOT NULL,
    completed_at      BIGINT       NULL,
    batches           INTEGER      NOT NULL,
    records           BIGINT       NOT NULL,
    valid             BIGINT       NOT NULL,
    invalid           BIGINT       NOT NULL,
    drifted           BIGINT       NOT NULL,
    rescued           BIGINT       NOT NULL,
    quarantined       BIGINT       NOT NULL,
    validation_result TEXT         NULL,
    failure_reason    TEXT         NULL
);
CREATE INDEX ix_runs_pipeline ON runs (pipeline_id, started_at);
CREATE INDEX ix_runs_subject ON runs (subject, started_at);
CREATE INDEX ix_runs_fqid ON runs (fqid, started_at);
CREATE INDEX ix_runs_started_at ON runs (started_at);

CREATE TABLE run_batches (
    run_id         VARCHAR(200)     NOT NULL REFERENCES runs (run_id),
    batch_number   INTEGER          NOT NULL,
    format         VARCHAR(64)      NOT NULL,
    records        BIGINT           NOT NULL,
    valid          BIGINT           NOT NULL,
    invalid        BIGINT           NOT NULL,
    drifted        BIGINT           NOT NULL,
    rescued        BIGINT           NOT NULL,
    quarantined    BIGINT           NOT NULL,
    failed         BOOLEAN          NOT NULL,
    quarantine_key TEXT             NULL,
    released       BIGINT           NOT NULL,
    duration_ms    DOUBLE PRECISION NOT NULL,
    created_at     BIGINT           NOT NULL,
    PRIMARY KEY (run_id, batch_number)
);
CREATE INDEX ix_run_batches_quarantine ON run_batches (created_at) WHERE quarantine_key IS NOT NULL;

CREATE TABLE drift_cases (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject         VARCHAR(200) NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    opened_at       BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    acknowledged_by VARCHAR(200) NULL,
    acknowledged_at BIGINT       NULL,
    resolved_by     VARCHAR(200) NULL,
    resolved_at     BIGINT       NULL,
    resolution      TEXT         NULL
);
-- At most one unresolved case per subject: concurrent batches merge into it instead of opening two.
CREATE UNIQUE INDEX ux_drift_cases_unresolved ON drift_cases (subject) WHERE status <> 'resolved';
CREATE INDEX ix_drift_cases_subject ON drift_cases (subject, opened_at);
CREATE INDEX ix_drift_cases_opened_at ON drift_cases (opened_at);

CREATE TABLE drift_case_fields (
    case_id       BIGINT       NOT NULL REFERENCES drift_cases (id),
    path          TEXT         NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    occurrences   BIGINT       NOT NULL,
    first_run_id  VARCHAR(200) NOT NULL,
    first_record  BIGINT       NOT NULL,
    samples       TEXT         NOT NULL,
    inferred_type VARCHAR(200) NULL,
    PRIMARY KEY (case_id, path, kind)
);

CREATE TABLE drift_case_runs (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT       NOT NULL REFERENCES drift_cases (id),
    run_id  VARCHAR(200) NOT NULL,
    UNIQUE (case_id, run_id)
);
