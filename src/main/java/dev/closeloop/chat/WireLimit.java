package dev.closeloop.chat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A platform's limit "n requests per period", kept where requests leave: an adapter's HTTP client
 * calls {@link #take} for each request the limit covers, just before it goes, and waits if the last
 * period already saw {@code n}.
 *
 * <p>The outbox's pacer plans sends within the limits, but what it plans is not always what reaches
 * the platform when: a platform SDK may hold requests and send them later (JDA holds every request
 * through a 429 pause and then sends them at once, with its own retry of the refused one), a DM may
 * be two requests a round trip apart, and on a busy machine a thread can stall between being paced
 * and writing its request. Counted here, each request counts when it goes, and no period on the
 * wire ever holds more than {@code n}: one 429 stays one instead of starting a rhythm of bursts
 * (bench/ README, "Delivery, stop 31"). Monotonic time, so a step of the wall clock changes
 * nothing. Thread-safe; a wait happens on the SDK's thread that sends the request.
 */
public final class WireLimit {
  /** Waits; a seam for tests. */
  public interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final int n;
  private final long period;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final ArrayDeque<Long> sent = new ArrayDeque<>();
  private long counted;

  /** {@code n} per {@code period}, on the JVM's monotonic clock. */
  public WireLimit(int n, Duration period) {
    this(n, period, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  public WireLimit(int n, Duration period, LongSupplier nanoTime, Sleeper sleeper) {
    if (n < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("n >= 1 per a positive period");
    }
    this.n = n;
    this.period = period.toNanos();
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /** Returns once one more request may go, counting it as gone. */
  public void take() throws InterruptedException {
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
        // at most one period: the oldest request in the window ages out by then
        wait = sent.peekFirst() + period - now;
      }
      // at least a millisecond: the sleeper's resolution, and no spinning on a rounding error
      sleeper.sleep(Math.max(wait, 1_000_000));
    }
  }

  /** Requests counted since the start. */
  public synchronized long counted() {
    return counted;
  }
}
