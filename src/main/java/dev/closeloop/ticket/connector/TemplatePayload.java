package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.TicketEvent.Requester;
import dev.closeloop.ticket.TicketEvent.Ticket;
import dev.closeloop.ticket.WebhookResult;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The body Closeloop's docs ask Zendesk and Freshservice to send (their webhooks post whatever
 * template the admin writes):
 *
 * <pre>{"ticket":{"id","title","url","status","updated_at","requester":{"email","name"},
 *  "assignee","group"}}</pre>
 *
 * Closed is a status of solved, resolved or closed, or Freshservice's numeric 4 or 5, in any case.
 * Any other status is {@code SEEN_OPEN}: these senders do not say what the status was before.
 */
final class TemplatePayload {
  private static final Set<String> CLOSED = Set.of("solved", "resolved", "closed", "4", "5");

  private TemplatePayload() {}

  static boolean isClosed(String status) {
    return status != null && CLOSED.contains(status.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * @param readUpdatedAt whether {@code ticket.updated_at} is the close time (Zendesk); otherwise
   *     the close time is the time of receipt (Freshservice has no such placeholder)
   */
  static WebhookResult map(String source, JsonNode root, boolean readUpdatedAt) {
    JsonNode t = root.path("ticket");
    if (!t.isObject()) {
      throw PayloadException.missing("ticket");
    }
    String id = Fields.ticketId(Fields.required(t, "/id", "ticket.id"));
    if (id == null) {
      throw PayloadException.missing("ticket.id");
    }
    String status = Fields.required(t, "/status", "ticket.status");
    Ticket ticket =
        new Ticket(
            id,
            Fields.text(t, "/title"),
            Fields.text(t, "/url"),
            Fields.text(t, "/assignee"),
            Fields.text(t, "/group"));
    Requester requester =
        Requester.ofEmail(Fields.text(t, "/requester/email"), Fields.text(t, "/requester/name"));
    if (!isClosed(status)) {
      return Events.event(Events.opened(source, Kind.SEEN_OPEN, ticket, requester));
    }
    Instant closedAt =
        readUpdatedAt ? Times.parse(Fields.text(t, "/updated_at"), "ticket.updated_at") : null;
    return Events.event(
        Events.closed(source, ticket, requester, closedAt, "ticket.requester.email"));
  }
}
