-- Owner reminders look for open incidents owned before a moment. On incidents_open
-- (followed_up_at, created_at) that read every open incident, owned or not, every few seconds.
CREATE INDEX incidents_owned ON incidents (followed_up_at, owned_at);
