-- In the sandbox a person's platform id is their email (up to 320 characters) and their
-- conversation is "dm:" + email: the columns holding a platform user, a message channel or a
-- reference to a user were 64-200 characters, so a 62-character address already overflowed them
-- (and the surveys job failed on that row at every tick). Widened; H2 and PostgreSQL alike.
ALTER TABLE surveys ALTER COLUMN platform_user SET DATA TYPE VARCHAR(320);
ALTER TABLE surveys ALTER COLUMN message_channel SET DATA TYPE VARCHAR(330);
ALTER TABLE outbox ALTER COLUMN message_channel SET DATA TYPE VARCHAR(330);
ALTER TABLE incidents ALTER COLUMN owner_ref SET DATA TYPE VARCHAR(340);
ALTER TABLE sandbox_messages ALTER COLUMN conversation SET DATA TYPE VARCHAR(330);
