package dev.closeloop.ticket.connector;

import static dev.closeloop.ticket.connector.Samples.NOW;
import static dev.closeloop.ticket.connector.Samples.event;
import static dev.closeloop.ticket.connector.Samples.invalid;
import static dev.closeloop.ticket.connector.Samples.load;
import static dev.closeloop.ticket.connector.Samples.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.WebhookResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlpiConnectorTest {
  private static final String SECRET = "glpi-s3cret";
  private final GlpiConnector connector =
      new GlpiConnector(new Helpdesks.Glpi(SECRET, "https://glpi.example.org/", "@example.org"));

  /** As GLPI 11 signs: hex HMAC-SHA256 over the body followed by the unix timestamp. */
  private static WebhookResult signedAt(GlpiConnector c, byte[] body, long unixSeconds) {
    String ts = Long.toString(unixSeconds);
    String sig = Signatures.hmacSha256Hex(SECRET, body, Signatures.utf8(ts));
    return c.handle(
        request(body, Map.of("X-GLPI-signature", sig, "X-GLPI-timestamp", ts), Map.of()));
  }

  private WebhookResult signed(byte[] body) {
    return signedAt(connector, body, NOW.getEpochSecond() - 2);
  }

  @Test
  void solvedTicketIsAClose() {
    TicketEvent e = event(signed(load("glpi/ticket-solved.json")));

    assertThat(e.kind()).isEqualTo(Kind.CLOSED);
    assertThat(e.source()).isEqualTo("glpi");
    assertThat(e.ticket())
        .isEqualTo(
            new TicketEvent.Ticket(
                "42",
                "Printer offline in room B12",
                "https://glpi.example.org/front/ticket.form.php?id=42",
                "alex",
                "Workplace Support"));
    assertThat(e.requester().email()).isEqualTo("dana@example.org");
    assertThat(e.requester().name()).isEqualTo("dana");
    assertThat(e.closedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
  }

  @Test
  void updateToClosedStatusIsACloseWithSqlStyleDate() {
    TicketEvent e = event(signed(load("glpi/ticket-update-closed.json")));
    assertThat(e.kind()).isEqualTo(Kind.CLOSED);
    assertThat(e.closedAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
  }

  @Test
  void followupOnAnOpenTicketIsOnlySeenOpen() {
    assertThat(event(signed(load("glpi/ticket-followup.json"))).kind()).isEqualTo(Kind.SEEN_OPEN);
  }

  @Test
  void rejectedSolutionIsAReopen() {
    TicketEvent e = event(signed(load("glpi/ticket-rejectsolution.json")));
    assertThat(e.kind()).isEqualTo(Kind.REOPENED);
    assertThat(e.ticket().id()).isEqualTo("42");
  }

  @Test
  void newTicketIsIgnored() {
    assertThat(signed(load("glpi/ticket-new.json"))).isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  void badSignatureOrStaleTimestampIsUnauthorized() {
    byte[] body = load("glpi/ticket-solved.json");
    String ts = Long.toString(NOW.getEpochSecond());
    String wrong = Signatures.hmacSha256Hex("other", body, Signatures.utf8(ts));
    assertThat(
            connector.handle(
                request(body, Map.of("X-GLPI-signature", wrong, "X-GLPI-timestamp", ts), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(signedAt(connector, body, NOW.getEpochSecond() - 301))
        .isInstanceOf(WebhookResult.Unauthorized.class);
  }

  @Test
  void requesterLoginWithoutEmailDomainCannotBeSurveyed() {
    GlpiConnector noDomain =
        new GlpiConnector(new Helpdesks.Glpi(SECRET, "https://glpi.example.org", ""));
    // the requester is there: the message says what the operator must set, not "is required"
    assertThat(invalid(signedAt(noDomain, load("glpi/ticket-solved.json"), NOW.getEpochSecond())))
        .isEqualTo(
            "item.team[role=requester] 'dana' is not an email address: set"
                + " connectors.glpi.emailDomain");
  }
}
