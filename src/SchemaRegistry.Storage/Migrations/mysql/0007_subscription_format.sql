-- How the deliveries of a subscription are shaped: CloudEvents (default) or OpenLineage RunEvents.
ALTER TABLE subscriptions ADD COLUMN format VARCHAR(32) NOT NULL DEFAULT 'cloudevents';
