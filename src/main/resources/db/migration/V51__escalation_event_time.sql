-- The insights page counts escalations per account and period by the event's time.
create index ix_escalation_event_at on escalation_event (at);
