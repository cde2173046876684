CREATE TABLE subject_config (
    subject       TEXT    NOT NULL PRIMARY KEY,
    compatibility TEXT    NOT NULL,
    updated_at    INTEGER NOT NULL,
    updated_by    TEXT    NOT NULL
);
