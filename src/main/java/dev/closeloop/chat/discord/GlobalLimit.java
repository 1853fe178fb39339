package dev.closeloop.chat.discord;

import dev.closeloop.chat.WireLimit;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Discord's global limit (50 requests a second per bot) at the wire: every request JDA sends — a
 * DM's message a round trip after its channel, the requests JDA held through a 429 pause, its own
 * retries — waits here if the last 1.05 s already saw 50 (see {@link WireLimit}). Interaction
 * answers ({@code interactions/…/callback}) and their follow-ups ({@code webhooks/…}) are not under
 * the global limit and must answer within 3 s: they pass without waiting and are not counted.
 */
final class GlobalLimit implements Interceptor {
  /** What Discord allows, with a margin for the time from here to its counter. */
  static WireLimit standard() {
    return new WireLimit(50, Duration.ofMillis(1050));
  }

  private final WireLimit limit;

  GlobalLimit(WireLimit limit) {
    this.limit = limit;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (counts(chain.request().url().encodedPath())) {
      try {
        limit.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("waiting for Discord's limit");
        io.initCause(e);
        throw io;
      }
    }
    return chain.proceed(chain.request());
  }

  /** Whether a request to {@code path} counts against the global limit. */
  static boolean counts(String path) {
    return !path.contains("/interactions/") && !path.contains("/webhooks/");
  }
}
