CREATE TABLE schema_versions (
    fqid          TEXT    NOT NULL PRIMARY KEY,
    subject       TEXT    NOT NULL,
    domain        TEXT    NOT NULL,
    layer         TEXT    NOT NULL,
    entity        TEXT    NOT NULL,
    major         INTEGER NOT NULL,
    minor         INTEGER NOT NULL,
    state         TEXT    NOT NULL,
    owner         TEXT    NOT NULL,
    description   TEXT    NOT NULL,
    format        TEXT    NOT NULL,
    compatibility TEXT    NOT NULL,
    tags          TEXT    NOT NULL,
    payload       TEXT    NOT NULL,
    refs          TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    created_by    TEXT    NOT NULL,
    updated_at    INTEGER NOT NULL,
    updated_by    TEXT    NOT NULL,
    submitted_by  TEXT    NULL,
    revision      INTEGER NOT NULL
);
CREATE INDEX ix_schema_versions_subject ON schema_versions (subject, state, major, minor);
CREATE INDEX ix_schema_versions_domain_layer ON schema_versions (domain, layer);

CREATE TABLE schema_history (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    fqid           TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    from_state     TEXT    NULL,
    to_state       TEXT    NOT NULL,
    principal_id   TEXT    NOT NULL,
    principal_name TEXT    NOT NULL,
    role           TEXT    NOT NULL,
    at             INTEGER NOT NULL,
    comment        TEXT    NULL
);
CREATE INDEX ix_schema_history_fqid ON schema_history (fqid, id);

CREATE TABLE api_keys (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    secret_hash TEXT    NOT NULL UNIQUE,
    prefix      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    created_by  TEXT    NOT NULL,
    expires_at  INTEGER NULL,
    revoked_at  INTEGER NULL
);
