package dev.closeloop.ticket.usecase;

import dev.closeloop.language.Texts;
import dev.closeloop.ticket.writeback.HelpdeskWriter;
import dev.closeloop.ticket.writeback.LookUp;
import dev.closeloop.ticket.writeback.ProbeReport;
import dev.closeloop.ticket.writeback.Write;
import dev.closeloop.ticket.writeback.WriteOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The sandbox's demo helpdesk: the tickets closed from {@code /sandbox} (source {@code sandbox})
 * with their status and the notes Closeloop writes on them, kept in {@code demo_tickets} and {@code
 * demo_ticket_notes} so the page survives restarts. Written to through the same port, outbox and
 * dispatcher as a real helpdesk, so "close → survey → not fixed → reopen → note" can be watched end
 * to end without any account. Notes carry the write's marker, as in a real helpdesk, and {@link
 * #lookUp} finds them by it.
 */
public final class DemoHelpdesk implements HelpdeskWriter {
  /** The helpdesk name of its outbox rows and metrics (the tickets' source is {@code sandbox}). */
  public static final String SYSTEM = "demo";

  public static final String OPEN = "open";
  public static final String CLOSED = "closed";

  private final Jdbi jdbi;
  private final Clock clock;

  public DemoHelpdesk(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The page's ticket form closed a ticket: the demo helpdesk has it, closed. */
  public void closed(String ticketId, String title, String requester, String team) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          int n =
              h.createUpdate(
                      """
              UPDATE demo_tickets SET status = :closed, title = :title, requester = :requester,
                team = :team, rev = nextval('demo_helpdesk_rev'), updated_at = :now
              WHERE ticket_id = :id
              """)
                  .bind("closed", CLOSED)
                  .bind("title", title)
                  .bind("requester", requester)
                  .bind("team", team)
                  .bind("now", now)
                  .bind("id", ticketId)
                  .execute();
          if (n == 0) {
            insert(h, ticketId, title, requester, team, CLOSED, null, null, now);
          }
        });
  }

  /** Someone reopened the ticket in the helpdesk itself (the page's reopen). */
  public void reopened(String ticketId) {
    Instant now = clock.instant();
    jdbi.useTransaction(h -> setStatus(h, ticketId, OPEN, now));
  }

  /** Removes demo tickets not changed since {@code cutoff}, with their notes (retention). */
  public static int purge(Handle h, Instant cutoff) {
    h.createUpdate(
            """
            DELETE FROM demo_ticket_notes WHERE ticket_id IN
              (SELECT ticket_id FROM demo_tickets WHERE updated_at < :c)
            """)
        .bind("c", cutoff)
        .execute();
    return h.createUpdate("DELETE FROM demo_tickets WHERE updated_at < :c")
        .bind("c", cutoff)
        .execute();
  }

  /** Removes the demo tickets of one requester, with their notes (erase-user). */
  public static void erase(Handle h, String email) {
    h.createUpdate(
            """
            DELETE FROM demo_ticket_notes WHERE ticket_id IN
              (SELECT ticket_id FROM demo_tickets WHERE requester = :e)
            """)
        .bind("e", email)
        .execute();
    h.createUpdate("DELETE FROM demo_tickets WHERE requester = :e").bind("e", email).execute();
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public WriteOutcome write(Write write) {
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> {
          if (write instanceof Write.Request r) {
            String id = "DEMO-" + (2000 + next(h));
            insert(
                h,
                id,
                title(r),
                r.requesterEmail(),
                team(h, r.ticket().id()),
                OPEN,
                r.ticket().id(),
                write.marker(),
                now);
            addNote(h, id, "request", text(r), write.marker(), now);
            return WriteOutcome.Done.of(id, null);
          }
          Optional<String> status = status(h, write.ticket().id());
          if (status.isEmpty()) {
            return new WriteOutcome.Gone("no demo ticket " + write.ticket().id());
          }
          boolean reopened = false;
          if (write instanceof Write.Reopen && CLOSED.equals(status.get())) {
            setStatus(h, write.ticket().id(), OPEN, now);
            reopened = true;
          }
          long note =
              addNote(h, write.ticket().id(), write.kind(), write.text(), write.marker(), now);
          boolean noChange = write instanceof Write.Reopen && !reopened;
          return new WriteOutcome.Done(Long.toString(note), null, noChange);
        });
  }

  @Override
  public LookUp lookUp(Write write) {
    return jdbi.withHandle(
        h -> {
          if (write instanceof Write.Request) {
            return h.createQuery("SELECT ticket_id FROM demo_tickets WHERE marker = :m")
                .bind("m", write.marker())
                .mapTo(String.class)
                .findOne()
                .<LookUp>map(id -> new LookUp.Written(WriteOutcome.Done.of(id, null)))
                .orElse(new LookUp.NotWritten());
          }
          return h.createQuery("SELECT id FROM demo_ticket_notes WHERE marker = :m")
              .bind("m", write.marker())
              .mapTo(Long.class)
              .findOne()
              .<LookUp>map(
                  id -> new LookUp.Written(new WriteOutcome.Done(Long.toString(id), null, false)))
              .orElse(new LookUp.NotWritten());
        });
  }

  @Override
  public ProbeReport probe() {
    return new ProbeReport(
        SYSTEM, List.of(ProbeReport.Finding.ok("the sandbox's demo helpdesk (in process)")));
  }

  private static void insert(
      Handle h,
      String id,
      String title,
      String requester,
      String team,
      String status,
      String linkedTo,
      String marker,
      Instant now) {
    h.createUpdate(
            """
            INSERT INTO demo_tickets (ticket_id, title, requester, team, status, linked_to, marker,
                rev, created_at, updated_at)
            VALUES (:id, :title, :requester, :team, :status, :linkedTo, :marker,
                nextval('demo_helpdesk_rev'), :now, :now)
            """)
        .bind("id", id)
        .bind("title", title)
        .bind("requester", requester)
        .bind("team", team)
        .bind("status", status)
        .bind("linkedTo", linkedTo)
        .bind("marker", marker)
        .bind("now", now)
        .execute();
  }

  private static long addNote(
      Handle h, String ticketId, String kind, String text, String marker, Instant now) {
    return h.createUpdate(
            """
            INSERT INTO demo_ticket_notes (ticket_id, kind, body, marker, rev, created_at)
            VALUES (:t, :kind, :body, :marker, nextval('demo_helpdesk_rev'), :now)
            """)
        .bind("t", ticketId)
        .bind("kind", kind)
        .bind("body", Texts.cut(text == null ? "" : text, 8000))
        .bind("marker", marker)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static Optional<String> status(Handle h, String ticketId) {
    return h.createQuery("SELECT status FROM demo_tickets WHERE ticket_id = :id")
        .bind("id", ticketId)
        .mapTo(String.class)
        .findOne();
  }

  private static void setStatus(Handle h, String ticketId, String status, Instant now) {
    h.createUpdate(
            """
            UPDATE demo_tickets SET status = :s, rev = nextval('demo_helpdesk_rev'),
              updated_at = :now WHERE ticket_id = :id
            """)
        .bind("s", status)
        .bind("now", now)
        .bind("id", ticketId)
        .execute();
  }

  private static String team(Handle h, String ticketId) {
    return h.createQuery("SELECT team FROM demo_tickets WHERE ticket_id = :id")
        .bind("id", ticketId)
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  private static long next(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM demo_tickets WHERE linked_to IS NOT NULL")
            .mapTo(Long.class)
            .one()
        + 1;
  }

  private static String title(Write.Request r) {
    String t = r.title() != null && !r.title().isBlank() ? r.title() : r.text();
    t = t == null ? r.ticket().id() : t.strip().lines().findFirst().orElse(r.ticket().id());
    return Texts.cut(t, 200);
  }

  /** The request's text, pointing at the original ticket, as a helpdesk's description would. */
  private static String text(Write.Request r) {
    return (r.text() == null ? "" : r.text().strip()) + "\n\n→ " + r.ticket().id();
  }
}
