package dev.closeloop.ticket;

import dev.closeloop.language.Texts;
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

  /** The store's column sizes: the longest text each field is kept with. */
  public static final int MAX_ID = 200;

  public static final int MAX_TITLE = 1000;
  public static final int MAX_URL = 2000;
  public static final int MAX_NAME = 300; // requester name, assignee, team
  public static final int MAX_EMAIL = 320;
  public static final int MAX_PLATFORM_ID = 64; // Slack or Discord id, and the time zone
  public static final int MAX_LOCALE = 35;

  /**
   * Why this event cannot be kept as it is, naming the field, or null when it can: an identifier
   * (ticket id, email, Slack or Discord id) longer than the store keeps cannot be cut without
   * becoming another ticket or person.
   */
  public String unstorable() {
    if (ticket.id() != null && ticket.id().length() > MAX_ID) {
      return "ticket id is longer than " + MAX_ID + " characters";
    }
    // an identifier with a control character in it cannot be cleaned without becoming another one
    if (Texts.hasControl(ticket.id())) {
      return "ticket id " + Texts.whyRefused(ticket.id());
    }
    if (requester != null) {
      for (String id :
          new String[] {requester.email(), requester.slackId(), requester.discordId()}) {
        if (Texts.hasControl(id)) {
          return "requester email or Slack or Discord id " + Texts.whyRefused(id);
        }
      }
      if (longer(requester.email(), MAX_EMAIL)) {
        return "requester email is longer than " + MAX_EMAIL + " characters";
      }
      if (longer(requester.slackId(), MAX_PLATFORM_ID)
          || longer(requester.discordId(), MAX_PLATFORM_ID)) {
        return "requester Slack or Discord id is longer than " + MAX_PLATFORM_ID + " characters";
      }
    }
    return null;
  }

  /**
   * This event as the store keeps it: free text (title, names, assignee, team) without control
   * characters and cut with "…" to its column's size; a link, time zone or locale too long to be
   * valid, or holding a control character, dropped.
   */
  public TicketEvent fitted() {
    Ticket t =
        new Ticket(
            ticket.id(),
            cut(ticket.title(), MAX_TITLE),
            longer(ticket.url(), MAX_URL) || Texts.hasControl(ticket.url()) ? null : ticket.url(),
            cut(ticket.assignee(), MAX_NAME),
            cut(ticket.team(), MAX_NAME));
    boolean zoneDropped =
        requester != null
            && (longer(requester.timezone(), MAX_PLATFORM_ID)
                || Texts.hasControl(requester.timezone()));
    if (zoneDropped) {
      RequesterHints.invalidZone(requester.timezone()); // as an unknown zone is
    }
    Requester r =
        requester == null
            ? null
            : new Requester(
                requester.email(),
                cut(requester.name(), MAX_NAME),
                requester.slackId(),
                requester.discordId(),
                zoneDropped ? null : requester.timezone(),
                longer(requester.locale(), MAX_LOCALE) || Texts.hasControl(requester.locale())
                    ? null
                    : requester.locale());
    return t.equals(ticket) && java.util.Objects.equals(r, requester)
        ? this
        : new TicketEvent(source, kind, t, r, closedAt, changedAt);
  }

  private static boolean longer(String s, int max) {
    return s != null && s.length() > max;
  }

  /**
   * Free text as the store keeps it: without control characters ({@link Texts#isControl}; a
   * helpdesk's title or name is shown, never refused, for them) and cut to {@code max}.
   */
  private static String cut(String s, int max) {
    String clean = Texts.withoutControls(s);
    return Texts.cut(clean == s ? s : clean.strip(), max);
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
