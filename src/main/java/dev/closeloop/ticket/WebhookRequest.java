package dev.closeloop.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook as received: raw body bytes (signatures are over the exact bytes), headers with
 * lower-case names, query parameters, and when it arrived.
 */
public record WebhookRequest(
    Map<String, String> headers, Map<String, String> query, byte[] body, Instant receivedAt) {

  public WebhookRequest {
    headers = Map.copyOf(headers);
    query = Map.copyOf(query);
  }

  /** The header's value, or null; {@code name} in any case. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String queryParam(String name) {
    return query.get(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
