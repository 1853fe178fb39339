package dev.closeloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

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
      String reask,
      String title,
      String url,
      String assignee,
      String team) {

    static TicketRow map(ResultSet rs) throws SQLException {
      return new TicketRow(
          rs.getString("source"),
          rs.getString("ticket_id"),
          rs.getString("state"),
          Rows.instant(rs, "closed_at"),
          rs.getBoolean("sampled_in"),
          Rows.instant(rs, "source_changed_at"),
          rs.getString("reask"),
          rs.getString("title"),
          rs.getString("url"),
          rs.getString("assignee"),
          rs.getString("team"));
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
    return Jdbc.insertReturningId(
        h,
        """
        INSERT INTO ticket_events (dedupe_key, source, ticket_id, event, closed_at, received_at, outcome)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        ps -> {
          Jdbc.texts(ps, 1, dedupeKey, source, ticketId, event);
          Jdbc.instant(ps, 5, closedAt);
          Jdbc.instant(ps, 6, receivedAt);
          Jdbc.text(ps, 7, outcome);
        });
  }

  public Optional<Long> eventId(String dedupeKey) {
    return Jdbc.first(
        h,
        "SELECT id FROM ticket_events WHERE dedupe_key = ?",
        ps -> Jdbc.text(ps, 1, dedupeKey),
        rs -> rs.getLong(1));
  }

  /**
   * The ticket's row, locked for the rest of the transaction ({@code FOR UPDATE}: two instances on
   * PostgreSQL may take the same ticket at once).
   */
  public Optional<TicketRow> find(String source, String ticketId) {
    return Jdbc.first(
        h,
        """
        SELECT source, ticket_id, state, closed_at, sampled_in, source_changed_at, reask, title,
               url, assignee, team
        FROM tickets WHERE source = ? AND ticket_id = ? FOR UPDATE
        """,
        ps -> {
          Jdbc.text(ps, 1, source);
          Jdbc.text(ps, 2, ticketId);
        },
        TicketRow::map);
  }

  /** Records the helpdesk's time of the change just applied (never moving it back). */
  public void changedAt(String source, String ticketId, Instant at) {
    if (at == null) {
      return;
    }
    Jdbc.update(
        h,
        """
        UPDATE tickets SET source_changed_at = ? WHERE source = ? AND ticket_id = ?
          AND (source_changed_at IS NULL OR source_changed_at < ?)
        """,
        ps -> {
          Jdbc.instant(ps, 1, at);
          Jdbc.text(ps, 2, source);
          Jdbc.text(ps, 3, ticketId);
          Jdbc.instant(ps, 4, at);
        });
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
    return Jdbc.update(
        h,
        """
        UPDATE tickets SET title = COALESCE(?, title), url = COALESCE(?, url),
          assignee = COALESCE(?, assignee), team = COALESCE(?, team), state = ?,
          closed_at = COALESCE(?, closed_at), updated_at = ?
        WHERE source = ? AND ticket_id = ?
        """,
        ps -> {
          Jdbc.texts(ps, 1, title, url, assignee, team, state);
          Jdbc.instant(ps, 6, closedAt);
          Jdbc.instant(ps, 7, now);
          Jdbc.text(ps, 8, source);
          Jdbc.text(ps, 9, ticketId);
        });
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
    Jdbc.update(
        h,
        """
        INSERT INTO tickets (source, ticket_id, title, url, assignee, team, state, closed_at, sampled_in, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        ps -> {
          Jdbc.texts(ps, 1, source, ticketId, title, url, assignee, team, state);
          Jdbc.instant(ps, 8, closedAt);
          ps.setBoolean(9, sampledIn);
          Jdbc.instant(ps, 10, now);
        });
  }
}
