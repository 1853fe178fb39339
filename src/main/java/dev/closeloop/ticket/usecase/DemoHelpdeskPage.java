package dev.closeloop.ticket.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo helpdesk as the sandbox page shows it: each demo ticket with its status and the notes
 * Closeloop wrote on it, read by revision so that the page asks only for what changed.
 */
public final class DemoHelpdeskPage {
  private final Jdbi jdbi;

  public DemoHelpdeskPage(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A demo ticket as the page shows it. */
  public record Ticket(
      String id,
      String title,
      String requester,
      String team,
      String status,
      String linkedTo,
      long rev,
      List<Note> notes) {}

  /** A note Closeloop wrote: {@code kind} is the write's ({@code note}, {@code reopen}, …). */
  public record Note(long id, String kind, String text, Instant at) {}

  /**
   * The tickets added or changed after revision {@code afterRev} (a new note changes its ticket),
   * each with all its notes: the {@code limit} newest, oldest first.
   */
  public List<Ticket> changedSince(long afterRev, int limit) {
    return jdbi.withHandle(
        h -> {
          List<String> ids =
              h.createQuery(
                      """
              SELECT t.ticket_id, t.rev FROM demo_tickets t WHERE t.rev > :after
                OR EXISTS (SELECT 1 FROM demo_ticket_notes n WHERE n.ticket_id = t.ticket_id
                           AND n.rev > :after)
              ORDER BY t.created_at DESC, t.ticket_id DESC LIMIT :limit
              """)
                  .bind("after", afterRev)
                  .bind("limit", limit)
                  .map((rs, ctx) -> rs.getString("ticket_id"))
                  .list();
          List<Ticket> out = new ArrayList<>();
          for (String id : ids) {
            out.add(0, ticket(h, id));
          }
          return out;
        });
  }

  /** The highest revision given out so far (0 before the first). */
  public long lastRev() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            SELECT GREATEST(COALESCE((SELECT MAX(rev) FROM demo_tickets), 0),
                            COALESCE((SELECT MAX(rev) FROM demo_ticket_notes), 0))
            """)
                .mapTo(Long.class)
                .one());
  }

  private static Ticket ticket(Handle h, String id) {
    List<Note> notes =
        h.createQuery(
                """
            SELECT id, kind, body, rev, created_at FROM demo_ticket_notes WHERE ticket_id = :id
            ORDER BY id
            """)
            .bind("id", id)
            .map(
                (rs, ctx) ->
                    new Note(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
            .list();
    Map<String, Object> row =
        h.createQuery("SELECT * FROM demo_tickets WHERE ticket_id = :id")
            .bind("id", id)
            .mapToMap()
            .one();
    long rev = ((Number) row.get("rev")).longValue();
    Long noteRev =
        h.createQuery("SELECT MAX(rev) FROM demo_ticket_notes WHERE ticket_id = :id")
            .bind("id", id)
            .mapTo(Long.class)
            .findOne()
            .orElse(null);
    return new Ticket(
        id,
        (String) row.get("title"),
        (String) row.get("requester"),
        (String) row.get("team"),
        (String) row.get("status"),
        (String) row.get("linked_to"),
        noteRev == null ? rev : Math.max(rev, noteRev),
        notes);
  }
}
