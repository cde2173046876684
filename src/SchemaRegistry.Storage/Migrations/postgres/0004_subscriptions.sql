CREATE TABLE subscriptions (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    types           TEXT          NOT NULL,
    subject_pattern VARCHAR(220)  NOT NULL,
    secret          VARCHAR(200)  NOT NULL,
    cursor          BIGINT        NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at BIGINT        NOT NULL,
    lease_owner     VARCHAR(64)   NULL,
    lease_until     BIGINT        NOT NULL,
    created_at      BIGINT        NOT NULL,
    created_by      VARCHAR(200)  NOT NULL
);
CREATE TABLE dead_letters (
    subscription_id VARCHAR(64) NOT NULL,
    sequence        BIGINT      NOT NULL,
    attempts        INTEGER     NOT NULL,
    last_error      TEXT        NOT NULL,
    at              BIGINT      NOT NULL,
    PRIMARY KEY (subscription_id, sequence)
);
