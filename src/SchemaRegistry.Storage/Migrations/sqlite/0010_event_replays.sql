-- Replays outlive their range so operators can list them with their progress: a replay is running, completed or
-- cancelled (NULL: a replay started before this migration, still running), and remembers the subscription it
-- re-delivers for, where its range began, and whether it re-delivers only that subscription's dead letters.
ALTER TABLE subscriptions ADD COLUMN replay_of TEXT NULL;
ALTER TABLE subscriptions ADD COLUMN replay_from INTEGER NULL;
ALTER TABLE subscriptions ADD COLUMN replay_state TEXT NULL;
ALTER TABLE subscriptions ADD COLUMN replay_ended_at INTEGER NULL;
ALTER TABLE subscriptions ADD COLUMN replay_dead_letters INTEGER NOT NULL DEFAULT 0;
