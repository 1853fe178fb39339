-- The digest's window reads, as index range scans instead of table scans (portable H2 / PostgreSQL):
-- incidents created in the window (the "still open" ones use incidents_open), and the window's
-- CSAT / response rate over the surveys sent in it (also /admin/stats and the weekly summary).
-- answers (survey_id, kind) is already indexed by its UNIQUE constraint.
CREATE INDEX incidents_created ON incidents (created_at);
CREATE INDEX surveys_sent ON surveys (sent_at);
