package dev.closeloop.chat.discord;

import dev.closeloop.chat.WireLimit;
import dev.closeloop.chat.http.WireLimitInterceptor;
import java.time.Duration;

/**
 * Discord's global limit (50 requests a second per bot) at the wire: every request JDA sends — a
 * DM's message a round trip after its channel, the requests JDA held through a 429 pause, its own
 * retries — waits if the last 1.05 s already saw 50 (see {@link WireLimit}). Interaction answers
 * ({@code interactions/…/callback}) and their follow-ups ({@code webhooks/…}) are not under the
 * global limit and must answer within 3 s: they pass without waiting and are not counted.
 */
final class GlobalLimit {
  private GlobalLimit() {}

  /** What Discord allows, with a margin for the time from here to its counter. */
  static WireLimit standard() {
    return new WireLimit(50, Duration.ofMillis(1050));
  }

  static WireLimitInterceptor interceptor(WireLimit limit) {
    return new WireLimitInterceptor(limit, GlobalLimit::counts, "Discord's global limit");
  }

  /** Whether a request to {@code path} counts against the global limit. */
  static boolean counts(String path) {
    return !path.contains("/interactions/") && !path.contains("/webhooks/");
  }
}
