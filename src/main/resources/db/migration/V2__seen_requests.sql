-- Signed webhook requests already taken in, so a replay within the signature window is a
-- duplicate whatever it carries (a replayed reopen must not cancel a newer survey).
CREATE TABLE seen_requests (
    request_key VARCHAR(200) PRIMARY KEY,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX seen_requests_at ON seen_requests (seen_at);
