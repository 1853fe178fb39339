package dev.closeloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for {@code ticket_events} (idempotency) and {@code tickets} (last known state). */
public final class Tickets {
  private final Handle h;

  public Tickets(Handle h) {
    this.h = h;
  }

  /**
   * Last known state of a ticket; {@code reask} is its re-ask state after a reopen from the chat:
   * {@link WriteBacks#REASK_DUE}, {@link WriteBacks#REASK_USED}, or null.
   */
  public record TicketRow(
      String source,
      String ticketId,
      String state,
      Instant closedAt,
      boolean sampledIn,
      Instant sourceChangedAt,
      String reask) {

    static TicketRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TicketRow(
          rs.getString("source"),
          rs.getString("ticket_id"),
          rs.getString("state"),
          Rows.instant(rs, "closed_at"),
          rs.getBoolean("sampled_in"),
          Rows.instant(rs, "source_changed_at"),
          rs.getString("reask"));
    }

    /** True when the helpdesk says this change is not newer than the last one applied. */
    public boolean supersedes(Instant changedAt) {
      return changedAt != null && sourceChangedAt != null && !changedAt.isAfter(sourceChangedAt);
    }
  }

  /**
   * Records a received event and returns its id. The dedupe key is unique: a concurrent twin makes
   * this fail with a unique violation, and the caller's retry then answers "duplicate".
   */
  public long insertEvent(
      String dedupeKey,
      String source,
      String ticketId,
      String event,
      Instant closedAt,
      Instant receivedAt,
      String outcome) {
    return h.createUpdate(
            """
            INSERT INTO ticket_events (dedupe_key, source, ticket_id, event, closed_at, received_at, outcome)
            VALUES (:key, :source, :ticketId, :event, :closedAt, :receivedAt, :outcome)
            """)
        .bind("key", dedupeKey)
        .bind("source", source)
        .bind("ticketId", ticketId)
        .bind("event", event)
        .bind("closedAt", closedAt)
        .bind("receivedAt", receivedAt)
        .bind("outcome", outcome)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  public Optional<Long> eventId(String dedupeKey) {
    return h.createQuery("SELECT id FROM ticket_events WHERE dedupe_key = :key")
        .bind("key", dedupeKey)
        .mapTo(Long.class)
        .findOne();
  }

  public Optional<TicketRow> find(String source, String ticketId) {
    return h.createQuery(
            """
            SELECT source, ticket_id, state, closed_at, sampled_in, source_changed_at, reask
            FROM tickets WHERE source = :source AND ticket_id = :ticketId FOR UPDATE
            """)
        .bind("source", source)
        .bind("ticketId", ticketId)
        .map(TicketRow::map)
        .findOne();
  }

  /** Records the helpdesk's time of the change just applied (never moving it back). */
  public void changedAt(String source, String ticketId, Instant at) {
    if (at == null) {
      return;
    }
    h.createUpdate(
            """
            UPDATE tickets SET source_changed_at = :at WHERE source = :source AND ticket_id = :ticketId
              AND (source_changed_at IS NULL OR source_changed_at < :at)
            """)
        .bind("source", source)
        .bind("ticketId", ticketId)
        .bind("at", at)
        .execute();
  }

  public void upsert(
      String source,
      String ticketId,
      String title,
      String url,
      String assignee,
      String team,
      String state,
      Instant closedAt,
      boolean sampledIn,
      Instant now) {
    if (update(source, ticketId, title, url, assignee, team, state, closedAt, now) == 0) {
      insert(source, ticketId, title, url, assignee, team, state, closedAt, sampledIn, now);
    }
  }

  /** Updates a known ticket; returns the rows changed (0 when the ticket is new). */
  public int update(
      String source,
      String ticketId,
      String title,
      String url,
      String assignee,
      String team,
      String state,
      Instant closedAt,
      Instant now) {
    return h.createUpdate(
            """
            UPDATE tickets SET title = COALESCE(:title, title), url = COALESCE(:url, url),
              assignee = COALESCE(:assignee, assignee), team = COALESCE(:team, team), state = :state,
              closed_at = COALESCE(:closedAt, closed_at), updated_at = :now
            WHERE source = :source AND ticket_id = :ticketId
            """)
        .bind("source", source)
        .bind("ticketId", ticketId)
        .bind("title", title)
        .bind("url", url)
        .bind("assignee", assignee)
        .bind("team", team)
        .bind("state", state)
        .bind("closedAt", closedAt)
        .bind("now", now)
        .execute();
  }

  /**
   * Adds a ticket first seen now. A concurrent transaction adding the same ticket makes this fail
   * on the primary key (SQLState 23505) once it commits, so two requests for one new ticket cannot
   * both pass as new.
   */
  public void insert(
      String source,
      String ticketId,
      String title,
      String url,
      String assignee,
      String team,
      String state,
      Instant closedAt,
      boolean sampledIn,
      Instant now) {
    h.createUpdate(
            """
            INSERT INTO tickets (source, ticket_id, title, url, assignee, team, state, closed_at, sampled_in, updated_at)
            VALUES (:source, :ticketId, :title, :url, :assignee, :team, :state, :closedAt, :sampledIn, :now)
            """)
        .bind("source", source)
        .bind("ticketId", ticketId)
        .bind("title", title)
        .bind("url", url)
        .bind("assignee", assignee)
        .bind("team", team)
        .bind("state", state)
        .bind("closedAt", closedAt)
        .bind("sampledIn", sampledIn)
        .bind("now", now)
        .execute();
  }
}
