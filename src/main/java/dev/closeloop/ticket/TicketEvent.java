package dev.closeloop.ticket;

import java.time.Instant;

/**
 * A ticket closed or reopened, from any source, after mapping. Only these fields matter: nothing in
 * a payload can force a survey past the fatigue policy.
 *
 * @param closedAt when the ticket closed (null: time of receipt)
 * @param changedAt the helpdesk's own time of this change (its updated time), or null when the
 *     payload has none: an event not newer than the last one applied to the ticket changes nothing
 */
public record TicketEvent(
    String source,
    Kind kind,
    Ticket ticket,
    Requester requester,
    Instant closedAt,
    Instant changedAt) {

  public TicketEvent(
      String source, Kind kind, Ticket ticket, Requester requester, Instant closedAt) {
    this(source, kind, ticket, requester, closedAt, null);
  }

  /**
   * The first instant every supported store keeps (PostgreSQL's range is far narrower than Java's).
   */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The last instant an admin cursor may name (years past 9999 are beyond "YYYY"). */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** Whether {@code t} lies in years 1 to 9999, which H2 and PostgreSQL both store. */
  public static boolean storable(Instant t) {
    return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
  }

  /** This event stamped with the helpdesk's time of the change. */
  public TicketEvent changedAt(Instant at) {
    return new TicketEvent(source, kind, ticket, requester, closedAt, at);
  }

  public enum Kind {
    CLOSED,
    REOPENED,
    /**
     * The helpdesk reports the ticket in a non-closed state without saying what it was before: a
     * reopen when we last saw it closed, otherwise nothing.
     */
    SEEN_OPEN;

    public String wire() {
      return switch (this) {
        case CLOSED -> "ticket.closed";
        case REOPENED, SEEN_OPEN -> "ticket.reopened";
      };
    }
  }

  /** Ticket facts; all but {@code id} may be null. */
  public record Ticket(String id, String title, String url, String assignee, String team) {}

  /** Requester facts; any may be null, but a close needs an email, Slack id or Discord id. */
  public record Requester(
      String email, String name, String slackId, String discordId, String timezone, String locale) {

    public static Requester ofEmail(String email, String name) {
      return new Requester(email, name, null, null, null, null);
    }

    public boolean reachable() {
      return notBlank(email) || notBlank(slackId) || notBlank(discordId);
    }

    private static boolean notBlank(String s) {
      return s != null && !s.isBlank();
    }
  }
}
