-- The runbook's run rules: a run's last sign of life (abandoned after a configured silence), the flags its completion
-- found (a validation stage missing), the stage each batch reported, and whether a pipeline on :latest may jump a major.
ALTER TABLE runs ADD COLUMN last_seen_at BIGINT NULL, ADD COLUMN flags LONGTEXT NULL, ADD INDEX ix_runs_status_seen (status, last_seen_at);
ALTER TABLE run_batches ADD COLUMN stage VARCHAR(32) NULL;
ALTER TABLE pipelines ADD COLUMN allow_major BOOLEAN NOT NULL DEFAULT FALSE;
