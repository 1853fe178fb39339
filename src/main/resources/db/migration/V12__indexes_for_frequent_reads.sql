-- Owner reminders look for open incidents owned before a moment. On incidents_open
-- (followed_up_at, created_at) that read every open incident, owned or not, every few seconds.
CREATE INDEX incidents_owned ON incidents (followed_up_at, owned_at);

-- A click on a digest entry redraws it in the digest and alert messages that show it. On
-- outbox_due (state, next_attempt_at) that read every message ever sent: each survey DM too.
CREATE INDEX outbox_purpose ON outbox (purpose, created_at);

-- Every chat event looks a person up by their Discord id among the linked emails too.
CREATE INDEX links_discord ON links (discord_id);
