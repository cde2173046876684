-- The runbook's run rules: a run's last sign of life (abandoned after a configured silence), the flags its completion
-- found (a validation stage missing), the stage each batch reported, and whether a pipeline on :latest may jump a major.
ALTER TABLE runs ADD COLUMN last_seen_at INTEGER NULL;
ALTER TABLE runs ADD COLUMN flags TEXT NULL;
ALTER TABLE run_batches ADD COLUMN stage TEXT NULL;
ALTER TABLE pipelines ADD COLUMN allow_major BOOLEAN NOT NULL DEFAULT 0;
CREATE INDEX ix_runs_status_seen ON runs (status, last_seen_at);
