package dev.closeloop.ticket;

/**
 * A ticketing system's webhook at {@code POST /hooks/tickets/{source}}: checks the system's own
 * authentication, then maps its payload to a {@link TicketEvent}. Pure: no I/O, no clock but the
 * request's {@code receivedAt}.
 */
public interface Connector {
  /** The {@code {source}} path segment, e.g. "jira". */
  String source();

  /** Authenticates (constant-time) and maps; never throws for any input. */
  WebhookResult handle(WebhookRequest request);
}
