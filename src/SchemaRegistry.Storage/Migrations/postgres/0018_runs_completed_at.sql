-- The tallies behind the failure-rate figures and the console's last-hour tiles read runs by completion time.
CREATE INDEX runs_completed_at ON runs (completed_at);
