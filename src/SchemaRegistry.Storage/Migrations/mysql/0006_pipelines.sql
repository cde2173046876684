CREATE TABLE IF NOT EXISTS pipelines (
    pipeline_id       VARCHAR(200) NOT NULL PRIMARY KEY,
    layer             VARCHAR(64)  NOT NULL,
    schema_selector   VARCHAR(220) NOT NULL,
    validation_timing VARCHAR(32)  NOT NULL,
    drift_policy      VARCHAR(32)  NOT NULL,
    owner             VARCHAR(200) NOT NULL,
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR(200) NOT NULL PRIMARY KEY,
    pipeline_id       VARCHAR(200) NOT NULL,
    subject           VARCHAR(200) NOT NULL,
    fqid              VARCHAR(220) NOT NULL,
    content_hash      VARCHAR(80)  NOT NULL,
    drift_policy      VARCHAR(32)  NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    output_path       LONGTEXT     NULL,
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
    validation_result LONGTEXT     NULL,
    failure_reason    LONGTEXT     NULL,
    INDEX ix_runs_pipeline (pipeline_id, started_at),
    INDEX ix_runs_subject (subject, started_at),
    INDEX ix_runs_fqid (fqid, started_at),
    INDEX ix_runs_started_at (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- No partial indexes: the quarantine index covers every batch.
CREATE TABLE IF NOT EXISTS run_batches (
    run_id         VARCHAR(200) NOT NULL,
    batch_number   INTEGER      NOT NULL,
    format         VARCHAR(64)  NOT NULL,
    records        BIGINT       NOT NULL,
    valid          BIGINT       NOT NULL,
    invalid        BIGINT       NOT NULL,
    drifted        BIGINT       NOT NULL,
    rescued        BIGINT       NOT NULL,
    quarantined    BIGINT       NOT NULL,
    failed         BOOLEAN      NOT NULL,
    quarantine_key LONGTEXT     NULL,
    released       BIGINT       NOT NULL,
    duration_ms    DOUBLE       NOT NULL,
    created_at     BIGINT       NOT NULL,
    PRIMARY KEY (run_id, batch_number),
    INDEX ix_run_batches_quarantine (created_at),
    FOREIGN KEY (run_id) REFERENCES runs (run_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- At most one unresolved case per subject: concurrent batches merge into it instead of opening two. Without partial
-- indexes, a generated column holds the subject while the case is unresolved (NULL after), and NULLs never collide
-- in a UNIQUE index; the upsert (INSERT ... ON DUPLICATE KEY UPDATE) conflicts on it.
CREATE TABLE IF NOT EXISTS drift_cases (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subject            VARCHAR(200) NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    opened_at          BIGINT       NOT NULL,
    updated_at         BIGINT       NOT NULL,
    acknowledged_by    VARCHAR(200) NULL,
    acknowledged_at    BIGINT       NULL,
    resolved_by        VARCHAR(200) NULL,
    resolved_at        BIGINT       NULL,
    resolution         LONGTEXT     NULL,
    unresolved_subject VARCHAR(200) GENERATED ALWAYS AS (CASE WHEN status <> 'resolved' THEN subject END) STORED,
    UNIQUE INDEX ux_drift_cases_unresolved (unresolved_subject),
    INDEX ix_drift_cases_subject (subject, opened_at),
    INDEX ix_drift_cases_opened_at (opened_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A field path has no length limit, too long for a key: the key holds its SHA-256 (a generated column, which MariaDB
-- does not allow in a primary key, hence the surrogate id).
CREATE TABLE IF NOT EXISTS drift_case_fields (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT       NOT NULL,
    path          LONGTEXT     NOT NULL,
    path_hash     BINARY(32)   GENERATED ALWAYS AS (UNHEX(SHA2(path, 256))) STORED,
    kind          VARCHAR(32)  NOT NULL,
    occurrences   BIGINT       NOT NULL,
    first_run_id  VARCHAR(200) NOT NULL,
    first_record  BIGINT       NOT NULL,
    samples       LONGTEXT     NOT NULL,
    inferred_type VARCHAR(200) NULL,
    UNIQUE INDEX ux_drift_case_fields (case_id, path_hash, kind),
    FOREIGN KEY (case_id) REFERENCES drift_cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS drift_case_runs (
    id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT       NOT NULL,
    run_id  VARCHAR(200) NOT NULL,
    UNIQUE INDEX ux_drift_case_runs (case_id, run_id),
    FOREIGN KEY (case_id) REFERENCES drift_cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
