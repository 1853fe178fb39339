-- The requester's language: from the ticket payload (requester.locale) or the chat platform's user
-- locale (Slack users.info), kept per survey; and the language a person's chat client reported
-- (Discord interactions carry it), remembered per person for the next survey.
ALTER TABLE surveys ADD COLUMN locale VARCHAR(35);
ALTER TABLE people ADD COLUMN locale VARCHAR(35);
-- typed text while "anything else?" is still queued answers the question the person last saw:
-- the look-up of that question's outbox row is by survey and purpose
CREATE INDEX outbox_survey_purpose ON outbox (survey_id, purpose);
