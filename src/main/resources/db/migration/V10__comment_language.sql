-- The language a comment was found to be written in when it was stored (ISO 639-1; '' when it could
-- not be told; null for other kinds of answer and for comments stored before this column): the digest
-- marks each quoted comment with it instead of detecting it again every morning.
ALTER TABLE answers ADD COLUMN lang VARCHAR(8);
