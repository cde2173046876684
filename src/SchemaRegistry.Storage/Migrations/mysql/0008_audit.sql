-- The governance ledger: one entry per change, chained by hashes (see Core/Audit/AuditChain). Sequences are assigned
-- under the events lock, so the chain is written in order.
CREATE TABLE IF NOT EXISTS audit_log (
    sequence    BIGINT       NOT NULL PRIMARY KEY,
    at          BIGINT       NOT NULL,
    principal   VARCHAR(200) NOT NULL,
    role        VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR(220) NOT NULL,
    reason      LONGTEXT     NULL,
    before_hash VARCHAR(64)  NULL,
    after_hash  VARCHAR(64)  NULL,
    prev_hash   VARCHAR(64)  NOT NULL,
    hash        VARCHAR(64)  NOT NULL,
    INDEX ix_audit_target (target, sequence),
    INDEX ix_audit_principal (principal, sequence),
    INDEX ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
