package dev.closeloop.ticket.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Sample payloads under src/test/resources/connectors and requests built around them. */
final class Samples {
  static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");

  private Samples() {}

  static byte[] load(String path) {
    try (InputStream in = Samples.class.getResourceAsStream("/connectors/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(load(path), StandardCharsets.UTF_8);
  }

  /** A request as the server hands it over: header names lower-cased. */
  static WebhookRequest request(
      byte[] body, Map<String, String> headers, Map<String, String> query) {
    Map<String, String> lower = new HashMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new WebhookRequest(lower, query, body, NOW);
  }

  static TicketEvent event(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Event.class);
    return ((WebhookResult.Event) result).event();
  }

  static String invalid(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Invalid.class);
    return ((WebhookResult.Invalid) result).message();
  }
}
