-- The governance ledger: one entry per change, chained by hashes (see Core/Audit/AuditChain). Sequences are assigned
-- under the events lock, so the chain is written in order.
CREATE TABLE audit_log (
    sequence    BIGINT       NOT NULL PRIMARY KEY,
    at          BIGINT       NOT NULL,
    principal   VARCHAR(200) NOT NULL,
    role        VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR(220) NOT NULL,
    reason      TEXT         NULL,
    before_hash VARCHAR(64)  NULL,
    after_hash  VARCHAR(64)  NULL,
    prev_hash   VARCHAR(64)  NOT NULL,
    hash        VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_audit_target ON audit_log (target, sequence);
CREATE INDEX ix_audit_principal ON audit_log (principal, sequence);
CREATE INDEX ix_audit_at ON audit_log (at);
