-- Quarantine replays under way: written before a replay stores any blob, so a crash's leftovers can be found and
-- removed at start-up (see QuarantineReplay). A row lives from the replay's start to the removal of its old files.
CREATE TABLE quarantine_replays (
    replay_id    TEXT    NOT NULL PRIMARY KEY,
    run_id       TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    released_key TEXT    NOT NULL,
    batches      TEXT    NOT NULL,
    started_at   INTEGER NOT NULL
);
