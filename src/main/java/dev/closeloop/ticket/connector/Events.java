package dev.closeloop.ticket.connector;

import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.TicketEvent.Requester;
import dev.closeloop.ticket.TicketEvent.Ticket;
import dev.closeloop.ticket.WebhookResult;
import java.time.Instant;

/** Builds the results connectors answer with, enforcing what a close needs. */
final class Events {
  private Events() {}

  /**
   * A close; it must name a reachable requester, else a 400 naming {@code requesterField}.
   *
   * @param closedAt null: time of receipt
   */
  static TicketEvent closed(
      String source, Ticket ticket, Requester requester, Instant closedAt, String requesterField) {
    if (requester == null || !requester.reachable()) {
      throw PayloadException.missing(requesterField);
    }
    return new TicketEvent(source, Kind.CLOSED, ticket, requester, closedAt);
  }

  /** A reopen known as such, or (SEEN_OPEN) a non-closed state seen without the prior one. */
  static TicketEvent opened(String source, Kind kind, Ticket ticket, Requester requester) {
    if (kind == Kind.CLOSED) {
      throw new IllegalArgumentException("not an opening kind: " + kind);
    }
    return new TicketEvent(source, kind, ticket, requester, null);
  }

  static WebhookResult event(TicketEvent event) {
    return new WebhookResult.Event(event);
  }

  static WebhookResult ignored(String why) {
    return new WebhookResult.Ignored(why);
  }
}
