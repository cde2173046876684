-- MySQL 8 / MariaDB. Every table is InnoDB in utf8mb4 with the binary collation, so text compares exactly and
-- case-sensitively as in SQLite and PostgreSQL (utf8mb4_bin pads with spaces when comparing: no key written by the
-- registry ends in a space). Columns that are keys or indexed are VARCHAR of the PostgreSQL lengths.
-- DDL commits implicitly here, statement by statement: tables are created IF NOT EXISTS with their indexes inline, so a
-- script interrupted half-way runs again cleanly.
CREATE TABLE IF NOT EXISTS schema_versions (
    fqid          VARCHAR(220) NOT NULL PRIMARY KEY,
    subject       VARCHAR(200) NOT NULL,
    domain        VARCHAR(64)  NOT NULL,
    layer         VARCHAR(64)  NOT NULL,
    entity        VARCHAR(64)  NOT NULL,
    major         INTEGER      NOT NULL,
    minor         INTEGER      NOT NULL,
    state         VARCHAR(32)  NOT NULL,
    owner         VARCHAR(128) NOT NULL,
    description   LONGTEXT     NOT NULL,
    format        VARCHAR(32)  NOT NULL,
    compatibility VARCHAR(32)  NOT NULL,
    tags          LONGTEXT     NOT NULL,
    payload       LONGTEXT     NOT NULL,
    refs          LONGTEXT     NOT NULL,
    content_hash  VARCHAR(80)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    created_by    VARCHAR(200) NOT NULL,
    updated_at    BIGINT       NOT NULL,
    updated_by    VARCHAR(200) NOT NULL,
    submitted_by  VARCHAR(200) NULL,
    revision      BIGINT       NOT NULL,
    INDEX ix_schema_versions_subject (subject, state, major, minor),
    INDEX ix_schema_versions_domain_layer (domain, layer)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS schema_history (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    fqid           VARCHAR(220) NOT NULL,
    action         VARCHAR(32)  NOT NULL,
    from_state     VARCHAR(32)  NULL,
    to_state       VARCHAR(32)  NOT NULL,
    principal_id   VARCHAR(200) NOT NULL,
    principal_name VARCHAR(200) NOT NULL,
    role           VARCHAR(32)  NOT NULL,
    at             BIGINT       NOT NULL,
    comment        LONGTEXT     NULL,
    INDEX ix_schema_history_fqid (fqid, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS api_keys (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL UNIQUE,
    prefix      VARCHAR(16)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    expires_at  BIGINT       NULL,
    revoked_at  BIGINT       NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
