package dev.closeloop.ticket.connector;

import static dev.closeloop.ticket.connector.Samples.event;
import static dev.closeloop.ticket.connector.Samples.load;
import static dev.closeloop.ticket.connector.Samples.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZammadConnectorTest {
  private static final String SECRET = "zammad-s3cret";
  private final ZammadConnector connector =
      new ZammadConnector(new Helpdesks.Zammad(SECRET, "https://zammad.example.com"));

  private WebhookResult signed(byte[] body) {
    String sig = "sha1=" + Signatures.hmacSha1Hex(SECRET, body);
    return connector.handle(request(body, Map.of("X-Hub-Signature", sig), Map.of()));
  }

  @Test
  void closedTicketIsAClose() {
    TicketEvent e = event(signed(load("zammad/ticket-closed.json")));

    assertThat(e.kind()).isEqualTo(Kind.CLOSED);
    assertThat(e.source()).isEqualTo("zammad");
    assertThat(e.ticket())
        .isEqualTo(
            new TicketEvent.Ticket(
                "10081",
                "Coffee machine leaks",
                "https://zammad.example.com/#ticket/zoom/81",
                "Emma Taylor",
                "Service Desk"));
    assertThat(e.requester().email()).isEqualTo("emily@example.com");
    assertThat(e.requester().name()).isEqualTo("Emily Adams");
    assertThat(e.closedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00.104Z"));
  }

  /**
   * Control characters (the one definition, {@code Texts.isControl}) in a helpdesk's free text are
   * dropped, as every renderer would; in the ticket id they are a 400 naming it, as the generic
   * webhook answers.
   */
  @Test
  void controlCharactersAreDroppedFromTextAndRefusedInTheTicketId() {
    String sample = new String(load("zammad/ticket-closed.json"), StandardCharsets.UTF_8);
    TicketEvent e =
        event(
                signed(
                    sample
                        .replace(
                            "\"Coffee machine leaks\"",
                            "\"Coffee\\u2028machine\\u202e leaks\\u0085\"")
                        .getBytes(StandardCharsets.UTF_8)))
            .fitted();
    assertThat(e.ticket().title()).isEqualTo("Coffee machine leaks");

    WebhookResult badId =
        signed(
            sample
                .replace("\"number\": \"10081\"", "\"number\": \"100\\u009f81\"")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(badId).isEqualTo(new WebhookResult.Invalid("ticket id contains control characters"));
    // half a surrogate pair is no character either: the id is refused saying so, the title loses it
    WebhookResult halfPair =
        signed(
            sample
                .replace("\"number\": \"10081\"", "\"number\": \"100\\ud80081\"")
                .replace("\"Coffee machine leaks\"", "\"Coffee\\udc00 machine leaks\"")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(halfPair)
        .isEqualTo(
            new WebhookResult.Invalid(
                "ticket id contains half a surrogate pair, which is not text"));
    TicketEvent titled =
        event(
                signed(
                    sample
                        .replace("\"Coffee machine leaks\"", "\"Coffee\\udc00 machine leaks\"")
                        .getBytes(StandardCharsets.UTF_8)))
            .fitted();
    assertThat(titled.ticket().title()).isEqualTo("Coffee machine leaks");
  }

  @Test
  void reCloseIsDatedByLastCloseNotFirstClose() {
    assertThat(event(signed(load("zammad/ticket-reclosed.json"))).closedAt())
        .isEqualTo(Instant.parse("2026-11-28T16:30:00Z"));
  }

  @Test
  void articleOnAnOpenTicketIsOnlySeenOpen() {
    assertThat(event(signed(load("zammad/ticket-article-added.json"))).kind())
        .isEqualTo(Kind.SEEN_OPEN);
  }

  @Test
  void reopenedTicketIsSeenOpen() {
    TicketEvent e = event(signed(load("zammad/ticket-reopened.json")));
    assertThat(e.kind()).isEqualTo(Kind.SEEN_OPEN);
    assertThat(e.ticket().id()).isEqualTo("10081");
  }

  @Test
  void badOrMissingSignatureIsUnauthorized() {
    byte[] body = load("zammad/ticket-closed.json");
    String sha256 = "sha1=" + Signatures.hmacSha256Hex(SECRET, body);
    assertThat(connector.handle(request(body, Map.of("X-Hub-Signature", sha256), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(connector.handle(request(body, Map.of(), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
  }
}
