-- The sandbox page asks only for what changed since its last look: every insert or edit of a
-- sandbox message takes the next value of sandbox_rev, and the page passes back the highest it saw.
CREATE SEQUENCE sandbox_rev;
ALTER TABLE sandbox_messages ADD COLUMN rev BIGINT;
UPDATE sandbox_messages SET rev = nextval('sandbox_rev');
CREATE INDEX sandbox_messages_rev ON sandbox_messages (rev);
-- purged with retention.keep
CREATE INDEX sandbox_messages_created ON sandbox_messages (created_at);
