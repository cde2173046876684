-- Global schema ids: one per distinct (format, normalised text, references), the key Kafka serializers put in every
-- message. The fingerprint's unique index is what makes two concurrent registrations of one schema get one id.
CREATE TABLE IF NOT EXISTS schema_ids (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    fingerprint VARCHAR(80)  NOT NULL UNIQUE,
    format      VARCHAR(32)  NOT NULL,
    schema_text LONGTEXT   NOT NULL,
    refs        LONGTEXT   NOT NULL,
    created_at  BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A Confluent subject name that is not one of ours (orders-value) and the subject it was given; a name that is one of
-- ours (finance.gdp.invoice) has no row. policy: direct (register publishes) or reviewed (register submits).
CREATE TABLE IF NOT EXISTS confluent_subjects (
    name       VARCHAR(255) NOT NULL PRIMARY KEY,
    subject    VARCHAR(200) NOT NULL UNIQUE,
    created_at BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The Confluent view of a subject's published versions: integer versions in publication order, each with its global
-- id. deleted: 0 live, 1 soft-deleted, 2 permanently deleted (kept so the version is never numbered again).
CREATE TABLE IF NOT EXISTS confluent_versions (
    subject   VARCHAR(200) NOT NULL,
    version   INTEGER NOT NULL,
    fqid      VARCHAR(220) NOT NULL UNIQUE,
    schema_id BIGINT       NOT NULL,
    deleted   INTEGER NOT NULL,
    metadata  LONGTEXT   NULL,
    PRIMARY KEY (subject, version),
    INDEX ix_confluent_versions_schema_id (schema_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Door settings by scope ('' global, else our subject name): mode (READWRITE, READONLY, IMPORT), registration policy,
-- and the global compatibility a PUT /config set.
CREATE TABLE IF NOT EXISTS confluent_settings (
    scope      VARCHAR(200) NOT NULL,
    name       VARCHAR(64)  NOT NULL,
    value      VARCHAR(64)  NOT NULL,
    updated_at BIGINT       NOT NULL,
    updated_by VARCHAR(200) NOT NULL,
    PRIMARY KEY (scope, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
