package dev.closeloop.chat.discord;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Discord's global limit (50 requests per second per bot), kept where requests leave: every request
 * JDA sends passes here first and waits, if need be, until fewer than {@code n} requests went out
 * in the last {@code period}.
 *
 * <p>The outbox's pacer plans sends at 50 per 1.1 s, counting a DM's two requests when the DM
 * starts. That count is not what reaches Discord: JDA sends the DM's message a round trip later,
 * and after a 429 it holds every request until its pause ends (a whole second: Discord's {@code
 * Retry-After} header is whole seconds), then sends them all at once with its own retry of the
 * refused one — requests the pacer counted up to a second before, so that it let as many new ones
 * through beside them. Measured (bench/README, "Delivery, stop 31"): one 429 put the run into a
 * rhythm of a burst, a 429 and a one-second pause about every 1.8 s until the end. Counting here,
 * at the wire, the held requests and the retries count when they go, and they go no faster than the
 * limit: one 429 stays one.
 *
 * <p>Interaction answers ({@code interactions/…/callback}) and their follow-ups ({@code
 * webhooks/…}) are not under the global limit and must answer within 3 s: they pass without waiting
 * and are not counted. A wait happens on JDA's requester thread for that route, never on one of
 * ours.
 */
final class WireLimit implements Interceptor {
  /** What Discord allows, with a margin for the time from here to its counter. */
  static final int DEFAULT_N = 50;

  static final Duration DEFAULT_PERIOD = Duration.ofMillis(1050);

  /** Waits; a seam for tests. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final int n;
  private final long period;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final ArrayDeque<Long> sent = new ArrayDeque<>();
  private long counted;

  WireLimit() {
    this(DEFAULT_N, DEFAULT_PERIOD, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  WireLimit(int n, Duration period, LongSupplier nanoTime, Sleeper sleeper) {
    if (n < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("n >= 1 per a positive period");
    }
    this.n = n;
    this.period = period.toNanos();
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (counts(chain.request().url().encodedPath())) {
      take();
    }
    return chain.proceed(chain.request());
  }

  /** Whether a request to {@code path} counts against the global limit. */
  static boolean counts(String path) {
    return !path.contains("/interactions/") && !path.contains("/webhooks/");
  }

  /** Returns once one more request may go, counting it as gone. */
  void take() throws InterruptedIOException {
    while (true) {
      long wait;
      synchronized (this) {
        long now = nanoTime.getAsLong();
        while (!sent.isEmpty() && now - sent.peekFirst() >= period) {
          sent.pollFirst();
        }
        if (sent.size() < n) {
          sent.addLast(now);
          counted++;
          return;
        }
        // monotonic time: the wait is at most one period, whatever the wall clock does
        wait = sent.peekFirst() + period - now;
      }
      try {
        // at least a millisecond: the sleeper's resolution, and no spinning on a rounding error
        sleeper.sleep(Math.max(wait, 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("waiting for Discord's limit");
        io.initCause(e);
        throw io;
      }
    }
  }

  /** Requests counted since the start. */
  synchronized long counted() {
    return counted;
  }
}
