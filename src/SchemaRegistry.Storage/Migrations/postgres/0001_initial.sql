CREATE TABLE schema_versions (
    fqid          VARCHAR(220) NOT NULL PRIMARY KEY,
    subject       VARCHAR(200) NOT NULL,
    domain        VARCHAR(64)  NOT NULL,
    layer         VARCHAR(64)  NOT NULL,
    entity        VARCHAR(64)  NOT NULL,
    major         INTEGER      NOT NULL,
    minor         INTEGER      NOT NULL,
    state         VARCHAR(32)  NOT NULL,
    owner         VARCHAR(128) NOT NULL,
    description   TEXT         NOT NULL,
    format        VARCHAR(32)  NOT NULL,
    compatibility VARCHAR(32)  NOT NULL,
    tags          TEXT         NOT NULL,
    payload       TEXT         NOT NULL,
    refs          TEXT         NOT NULL,
    content_hash  VARCHAR(80)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    created_by    VARCHAR(200) NOT NULL,
    updated_at    BIGINT       NOT NULL,
    updated_by    VARCHAR(200) NOT NULL,
    submitted_by  VARCHAR(200) NULL,
    revision      BIGINT       NOT NULL
);
CREATE INDEX ix_schema_versions_subject ON schema_versions (subject, state, major, minor);
CREATE INDEX ix_schema_versions_domain_layer ON schema_versions (domain, layer);

CREATE TABLE schema_history (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fqid           VARCHAR(220) NOT NULL,
    action         VARCHAR(32)  NOT NULL,
    from_state     VARCHAR(32)  NULL,
    to_state       VARCHAR(32)  NOT NULL,
    principal_id   VARCHAR(200) NOT NULL,
    principal_name VARCHAR(200) NOT NULL,
    role           VARCHAR(32)  NOT NULL,
    at             BIGINT       NOT NULL,
    comment        TEXT         NULL
);
CREATE INDEX ix_schema_history_fqid ON schema_history (fqid, id);

CREATE TABLE api_keys (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL UNIQUE,
    prefix      VARCHAR(16)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    expires_at  BIGINT       NULL,
    revoked_at  BIGINT       NULL
);
