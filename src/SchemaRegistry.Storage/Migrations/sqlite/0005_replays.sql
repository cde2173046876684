ALTER TABLE subscriptions ADD COLUMN replay_name TEXT NULL;
ALTER TABLE subscriptions ADD COLUMN replay_until INTEGER NULL;
