-- Quarantine replays under way: written before a replay stores any blob, so a crash's leftovers can be found and
-- removed at start-up (see QuarantineReplay). A row lives from the replay's start to the removal of its old files.
CREATE TABLE IF NOT EXISTS quarantine_replays (
    replay_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    run_id       VARCHAR(200) NOT NULL,
    state        VARCHAR(32)  NOT NULL,
    released_key LONGTEXT     NOT NULL,
    batches      LONGTEXT     NOT NULL,
    started_at   BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
