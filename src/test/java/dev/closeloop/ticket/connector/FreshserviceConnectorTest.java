package dev.closeloop.ticket.connector;

import static dev.closeloop.ticket.connector.Samples.event;
import static dev.closeloop.ticket.connector.Samples.invalid;
import static dev.closeloop.ticket.connector.Samples.load;
import static dev.closeloop.ticket.connector.Samples.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshserviceConnectorTest {
  private static final String SECRET = "fresh-s3cret";
  private final FreshserviceConnector connector =
      new FreshserviceConnector(new Helpdesks.Freshservice(SECRET));

  private WebhookResult withToken(byte[] body) {
    return connector.handle(request(body, Map.of("X-Closeloop-Token", SECRET), Map.of()));
  }

  @Test
  void resolvedTicketIsACloseDatedAtReceipt() {
    TicketEvent e = event(withToken(load("freshservice/ticket-resolved.json")));

    assertThat(e.kind()).isEqualTo(Kind.CLOSED);
    assertThat(e.source()).isEqualTo("freshservice");
    assertThat(e.ticket())
        .isEqualTo(
            new TicketEvent.Ticket(
                "SR-207",
                "Need access to the finance share",
                "https://acme.freshservice.com/helpdesk/tickets/207",
                "Alex Kim",
                "Access Management"));
    assertThat(e.requester().email()).isEqualTo("dana@example.com");
    assertThat(e.closedAt()).isNull();
  }

  @Test
  void numericClosedStatusIsAClose() {
    assertThat(event(withToken(load("freshservice/ticket-closed-numeric.json"))).kind())
        .isEqualTo(Kind.CLOSED);
  }

  @Test
  void aNumericStatusWrittenWithAFractionIsTheSameStatus() {
    for (String status : new String[] {"4.0", "5.00", "4e0"}) {
      String body =
          "{\"ticket\":{\"id\":207.0,\"status\":"
              + status
              + ",\"requester\":{\"email\":\"dana@example.com\"}}}";
      TicketEvent e = event(withToken(body.getBytes(StandardCharsets.UTF_8)));
      assertThat(e.kind()).as(status).isEqualTo(Kind.CLOSED);
      assertThat(e.ticket().id()).isEqualTo("207");
    }
    String huge =
        "{\"ticket\":{\"id\":\"SR-1\",\"status\":1e999999999,"
            + "\"requester\":{\"email\":\"dana@example.com\"}}}";
    // a number too large to be a status is read as written (never expanded, never a double's
    // Infinity): no closed status, as any other status Freshservice does not close with
    assertThat(event(withToken(huge.getBytes(StandardCharsets.UTF_8))).kind())
        .isEqualTo(Kind.SEEN_OPEN);
  }

  @Test
  void noteOnAnOpenTicketIsOnlySeenOpen() {
    assertThat(event(withToken(load("freshservice/ticket-note-added.json"))).kind())
        .isEqualTo(Kind.SEEN_OPEN);
  }

  @Test
  void reopenedTicketIsSeenOpen() {
    TicketEvent e = event(withToken(load("freshservice/ticket-reopened.json")));
    assertThat(e.kind()).isEqualTo(Kind.SEEN_OPEN);
    assertThat(e.ticket().id()).isEqualTo("SR-207");
  }

  @Test
  void missingOrWrongTokenIsUnauthorized() {
    byte[] body = load("freshservice/ticket-resolved.json");
    assertThat(connector.handle(request(body, Map.of(), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(connector.handle(request(body, Map.of(), Map.of("token", "fresh-s3cre"))))
        .isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(connector.handle(request(body, Map.of(), Map.of("token", SECRET))))
        .isInstanceOf(WebhookResult.Event.class);
  }

  @Test
  void missingTicketIdIsInvalid() {
    String body = "{\"ticket\":{\"id\":\"#\",\"status\":\"Closed\"}}";
    assertThat(invalid(withToken(body.getBytes(StandardCharsets.UTF_8)))).contains("ticket.id");
  }
}
