package dev.closeloop.ticket.connector;

import static dev.closeloop.ticket.connector.Samples.NOW;
import static dev.closeloop.ticket.connector.Samples.event;
import static dev.closeloop.ticket.connector.Samples.invalid;
import static dev.closeloop.ticket.connector.Samples.load;
import static dev.closeloop.ticket.connector.Samples.request;
import static dev.closeloop.ticket.connector.Samples.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskConnectorTest {
  private static final String SECRET = "dGhpc19pc19hX3plbmRlc2tfc2VjcmV0";
  private final ZendeskConnector connector =
      new ZendeskConnector(
          new Helpdesks.Zendesk(SECRET, "", "acme", "", "", "", Duration.ofDays(1)));

  /** As Zendesk signs: base64 HMAC-SHA256 over the ISO timestamp followed by the body. */
  private WebhookResult signedAt(byte[] body, Instant at) {
    String ts = at.toString();
    String sig = Signatures.hmacSha256Base64(SECRET, Signatures.utf8(ts), body);
    return connector.handle(
        request(
            body,
            Map.of("X-Zendesk-Webhook-Signature", sig, "X-Zendesk-Webhook-Signature-Timestamp", ts),
            Map.of()));
  }

  private WebhookResult signed(byte[] body) {
    return signedAt(body, NOW.minusSeconds(3));
  }

  @Test
  void solvedTicketIsAClose() {
    TicketEvent e = event(signed(load("zendesk/ticket-solved.json")));

    assertThat(e.source()).isEqualTo("zendesk");
    assertThat(e.kind()).isEqualTo(Kind.CLOSED);
    assertThat(e.ticket())
        .isEqualTo(
            new TicketEvent.Ticket(
                "35436",
                "Printer on 3rd floor jams",
                "https://acme.zendesk.com/agent/tickets/35436",
                "Alex Kim",
                "Facilities"));
    assertThat(e.requester().email()).isEqualTo("dana@example.com");
    assertThat(e.requester().name()).isEqualTo("Dana Reyes");
    assertThat(e.closedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
  }

  @Test
  void minutePrecisionUpdatedAtIsRead() {
    assertThat(event(signed(load("zendesk/ticket-solved-minutes.json"))).closedAt())
        .isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
  }

  @Test
  void badSignatureIsUnauthorized() {
    byte[] body = load("zendesk/ticket-solved.json");
    String ts = NOW.toString();
    String sig = Signatures.hmacSha256Base64("wrong", Signatures.utf8(ts), body);
    WebhookResult r =
        connector.handle(
            request(
                body,
                Map.of(
                    "X-Zendesk-Webhook-Signature",
                    sig,
                    "X-Zendesk-Webhook-Signature-Timestamp",
                    ts),
                Map.of()));
    assertThat(r).isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(connector.handle(request(body, Map.of(), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
  }

  @Test
  void timestampMoreThan300SecondsAwayIsUnauthorized() {
    byte[] body = load("zendesk/ticket-solved.json");
    assertThat(signedAt(body, NOW.minusSeconds(301)))
        .isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(signedAt(body, NOW.plusSeconds(301))).isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(signedAt(body, NOW.minusSeconds(300))).isInstanceOf(WebhookResult.Event.class);
  }

  @Test
  void commentOnAnOpenTicketIsOnlySeenOpen() {
    // Zendesk does not send the prior status: the core turns SEEN_OPEN into a reopen only for a
    // ticket it last saw closed, and answers 200 ignored otherwise.
    TicketEvent e = event(signed(load("zendesk/ticket-commented.json")));
    assertThat(e.kind()).isEqualTo(Kind.SEEN_OPEN);
    assertThat(e.closedAt()).isNull();
  }

  @Test
  void reopenedTicketIsSeenOpen() {
    TicketEvent e = event(signed(load("zendesk/ticket-reopened.json")));
    assertThat(e.kind()).isEqualTo(Kind.SEEN_OPEN);
    assertThat(e.ticket().id()).isEqualTo("35436");
  }

  @Test
  void missingStatusOrBadDateIsInvalidNamingTheField() {
    String noStatus = text("zendesk/ticket-solved.json").replace("\"status\": \"Solved\",", "");
    assertThat(invalid(signed(noStatus.getBytes(StandardCharsets.UTF_8))))
        .contains("ticket.status");
    String badDate =
        text("zendesk/ticket-solved.json").replace("2026-11-24T10:00:00Z", "yesterday");
    assertThat(invalid(signed(badDate.getBytes(StandardCharsets.UTF_8))))
        .contains("ticket.updated_at");
    assertThat(invalid(signed("[1,2]".getBytes(StandardCharsets.UTF_8)))).contains("object");
  }

  @Test
  void leadingHashIsDroppedFromTheId() {
    String body = text("zendesk/ticket-solved.json").replace("\"35436\"", "\"#35436\"");
    assertThat(event(signed(body.getBytes(StandardCharsets.UTF_8))).ticket().id())
        .isEqualTo("35436");
  }
}
