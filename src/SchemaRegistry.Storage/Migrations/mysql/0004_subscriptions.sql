-- CURSOR is a reserved word in MySQL and MariaDB: the stores quote it (SqlProvider.Quote).
CREATE TABLE IF NOT EXISTS subscriptions (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    types           LONGTEXT      NOT NULL,
    subject_pattern VARCHAR(220)  NOT NULL,
    secret          VARCHAR(200)  NOT NULL,
    `cursor`        BIGINT        NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at BIGINT        NOT NULL,
    lease_owner     VARCHAR(64)   NULL,
    lease_until     BIGINT        NOT NULL,
    created_at      BIGINT        NOT NULL,
    created_by      VARCHAR(200)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS dead_letters (
    subscription_id VARCHAR(64) NOT NULL,
    sequence        BIGINT      NOT NULL,
    attempts        INTEGER     NOT NULL,
    last_error      LONGTEXT    NOT NULL,
    at              BIGINT      NOT NULL,
    PRIMARY KEY (subscription_id, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
