ALTER TABLE subscriptions ADD COLUMN replay_name VARCHAR(200) NULL;
ALTER TABLE subscriptions ADD COLUMN replay_until BIGINT NULL;
