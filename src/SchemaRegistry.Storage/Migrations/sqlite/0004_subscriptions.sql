CREATE TABLE subscriptions (
    id              TEXT    NOT NULL PRIMARY KEY,
    url             TEXT    NOT NULL,
    types           TEXT    NOT NULL,
    subject_pattern TEXT    NOT NULL,
    secret          TEXT    NOT NULL,
    cursor          INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT    NULL,
    lease_until     INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    created_by      TEXT    NOT NULL
);
CREATE TABLE dead_letters (
    subscription_id TEXT    NOT NULL,
    sequence        INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    last_error      TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    PRIMARY KEY (subscription_id, sequence)
);
