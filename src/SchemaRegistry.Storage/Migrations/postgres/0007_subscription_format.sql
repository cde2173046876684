-- How a subscription's deliveries are shaped: CloudEvents (default) or OpenLineage RunEvents.
ALTER TABLE subscriptions ADD COLUMN format TEXT NOT NULL DEFAULT 'cloudevents';
