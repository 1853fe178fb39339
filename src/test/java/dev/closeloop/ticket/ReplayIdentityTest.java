package dev.closeloop.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.connector.GlpiConnector;
import dev.closeloop.ticket.connector.ZendeskConnector;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A request's replay identity: the same for a replay however its headers are written, and, where
 * the signature covers a time, ordered by that time so the store takes each new one at the end of
 * its index.
 */
class ReplayIdentityTest {
  private static final String SECRET = "s3cret";
  private static final byte[] BODY =
      "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"INC-1\"},\"requester\":{\"email\":\"a@x.com\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private static String hmacHex(String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  private static WebhookRequest generic(long ts, String tsHeader, String sigPrefix)
      throws Exception {
    String sig = hmacHex(ts + "." + new String(BODY, StandardCharsets.UTF_8));
    return new WebhookRequest(
        Map.of(
            "content-type",
            "application/json",
            "x-closeloop-timestamp",
            tsHeader,
            "x-closeloop-signature",
            sigPrefix + sig),
        Map.of(),
        BODY,
        Instant.ofEpochSecond(ts));
  }

  @Test
  @DisplayName(
      "Generic requests signed later have identities that sort later (was: random, the signature"
          + " first); a replay written differently is the same identity")
  void genericIdentitiesFollowTheSigningTime() throws Exception {
    GenericWebhook hook = new GenericWebhook(SECRET);
    long t = 1_765_000_000L;
    String[] ids = new String[20];
    for (int i = 0; i < ids.length; i++) {
      WebhookRequest r = generic(t + i, Long.toString(t + i), "v1=");
      assertThat(hook.handle(r)).isInstanceOf(WebhookResult.Event.class);
      ids[i] = hook.replayIdentity(r);
    }
    for (int i = 1; i < ids.length; i++) {
      assertThat(ids[i]).as("signed at +%d s", i).isGreaterThan(ids[i - 1]);
    }
    WebhookRequest replay = generic(t, " " + t + " ", "V1=");
    assertThat(hook.handle(replay)).isInstanceOf(WebhookResult.Event.class);
    assertThat(hook.replayIdentity(replay)).isEqualTo(ids[0]).startsWith("generic:sig:" + t + ":");
  }

  @Test
  @DisplayName("Zendesk and GLPI identities carry their signed time, so they sort by it too")
  void helpdeskIdentitiesCarryTheirSignedTime() {
    WebhookRequest zendesk =
        new WebhookRequest(
            Map.of("x-zendesk-webhook-signature-timestamp", "2026-12-07T17:20:00Z"),
            Map.of(),
            BODY,
            Instant.parse("2026-12-07T17:20:00Z"));
    assertThat(
            new ZendeskConnector(
                    new Helpdesks.Zendesk(SECRET, "", "", "", "", "", java.time.Duration.ofDays(1)))
                .replayIdentity(zendesk))
        .startsWith("zendesk:sig:2026-12-07T17:20:00Z:");
    WebhookRequest glpi =
        new WebhookRequest(
            Map.of("x-glpi-timestamp", "1765128000"),
            Map.of(),
            BODY,
            Instant.ofEpochSecond(1_765_128_000L));
    assertThat(
            new GlpiConnector(new Helpdesks.Glpi(SECRET, "https://glpi.example.com", "example.com"))
                .replayIdentity(glpi))
        .startsWith("glpi:sig:1765128000:");
    assertThat(Connector.replayIdentity("glpi", "x".repeat(41), new byte[] {1}, BODY))
        .as("a time too long to be one is left out, never cut")
        .isEqualTo("glpi:sig:01");
  }
}
