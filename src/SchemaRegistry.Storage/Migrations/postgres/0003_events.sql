CREATE TABLE events (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id       VARCHAR(64)  NOT NULL UNIQUE,
    type     VARCHAR(64)  NOT NULL,
    subject  VARCHAR(220) NOT NULL,
    time     BIGINT       NOT NULL,
    data     TEXT         NOT NULL
);
CREATE INDEX ix_events_type ON events (type, sequence);
