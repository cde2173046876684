-- One statement: applied whole or not at all.
ALTER TABLE subscriptions
    ADD COLUMN replay_name VARCHAR(200) NULL,
    ADD COLUMN replay_until BIGINT NULL;
