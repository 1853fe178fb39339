-- The helpdesk's own time (its updated time) of the last change applied to a ticket: an event that
-- is not newer changes nothing, so an old "reopened" replayed after a later close cancels nothing.
ALTER TABLE tickets ADD COLUMN source_changed_at TIMESTAMP WITH TIME ZONE;
