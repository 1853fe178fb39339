package dev.closeloop.chat.slack;

import dev.closeloop.chat.WireLimit;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Slack's workspace-wide limit on posting (about 10 {@code chat.postMessage} a second) at the wire:
 * each post waits here if the last 1.02 s already saw 10 (see {@link WireLimit}). The outbox's
 * pacer plans posts at 10 per 1.03 s; this catches what a busy machine does to that plan, when a
 * sender stalls between being paced and writing its request and the next post then follows it
 * closer than planned. Other methods pass untouched.
 */
final class PostLimit implements Interceptor {
  static WireLimit standard() {
    return new WireLimit(10, Duration.ofMillis(1020));
  }

  private final WireLimit limit;

  PostLimit(WireLimit limit) {
    this.limit = limit;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (counts(chain.request().url().encodedPath())) {
      try {
        limit.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("waiting for Slack's limit");
        io.initCause(e);
        throw io;
      }
    }
    return chain.proceed(chain.request());
  }

  static boolean counts(String path) {
    return path.endsWith("/chat.postMessage");
  }
}
