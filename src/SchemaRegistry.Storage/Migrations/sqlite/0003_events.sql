CREATE TABLE events (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    id       TEXT    NOT NULL UNIQUE,
    type     TEXT    NOT NULL,
    subject  TEXT    NOT NULL,
    time     INTEGER NOT NULL,
    data     TEXT    NOT NULL
);
CREATE INDEX ix_events_type ON events (type, sequence);
