-- Expiry looks for open surveys (finished_at IS NULL) past expires_at. On (expires_at) alone that
-- range covers every survey ever sent, and on the state index every answered survey: at a million
-- stored answers one scheduler tick took over half a minute. Open surveys are few.
CREATE INDEX surveys_open_expiry ON surveys (finished_at, expires_at);
DROP INDEX surveys_expire;
