package dev.closeloop.chat.slack;

import dev.closeloop.chat.WireLimit;
import dev.closeloop.chat.http.WireLimitInterceptor;
import java.time.Duration;

/**
 * Slack's workspace-wide limit on posting (about 10 {@code chat.postMessage} a second) at the wire:
 * each post waits if the last 1.02 s already saw 10 (see {@link WireLimit}). The outbox's pacer
 * plans posts at 10 per 1.03 s; this catches what a busy machine does to that plan, when a sender
 * stalls between being paced and writing its request and the next post then follows it closer than
 * planned. Other methods pass untouched.
 */
final class PostLimit {
  private PostLimit() {}

  static WireLimit standard() {
    return new WireLimit(10, Duration.ofMillis(1020));
  }

  static WireLimitInterceptor interceptor(WireLimit limit) {
    return new WireLimitInterceptor(limit, PostLimit::counts, "Slack's posting limit");
  }

  static boolean counts(String path) {
    return path.endsWith("/chat.postMessage");
  }
}
