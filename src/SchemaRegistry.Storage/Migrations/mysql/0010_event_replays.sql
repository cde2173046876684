-- Replays outlive their range so operators can list them with their progress: a replay is running, completed or
-- cancelled (NULL: a replay started before this migration, still running), and remembers the subscription it
-- re-delivers for, where its range began, and whether it re-delivers only that subscription's dead letters.
-- One statement: applied whole or not at all.
ALTER TABLE subscriptions
    ADD COLUMN replay_of VARCHAR(64) NULL,
    ADD COLUMN replay_from BIGINT NULL,
    ADD COLUMN replay_state VARCHAR(16) NULL,
    ADD COLUMN replay_ended_at BIGINT NULL,
    ADD COLUMN replay_dead_letters INTEGER NOT NULL DEFAULT 0;
