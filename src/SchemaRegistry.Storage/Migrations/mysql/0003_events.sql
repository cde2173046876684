CREATE TABLE IF NOT EXISTS events (
    sequence BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id       VARCHAR(64)  NOT NULL UNIQUE,
    type     VARCHAR(64)  NOT NULL,
    subject  VARCHAR(220) NOT NULL,
    time     BIGINT       NOT NULL,
    data     LONGTEXT     NOT NULL,
    INDEX ix_events_type (type, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Event writers lock this one row (SELECT ... FOR UPDATE) before inserting, so they commit in sequence order: there is
-- no transaction-scoped advisory lock as in PostgreSQL, and a named lock would outlive the transaction.
CREATE TABLE IF NOT EXISTS event_lock (
    id INTEGER NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT IGNORE INTO event_lock (id) VALUES (1);
