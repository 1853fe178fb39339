package dev.closeloop.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed send again, and when to give up: exponential backoff from {@code backoff},
 * doubling up to {@code backoffMax}, with jitter (a uniform draw in the upper half of the step, so
 * retries of many rows spread out); a platform's Retry-After always wins. After {@code maxAttempts}
 * the row is dead-lettered.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration backoffMax;
  private final DoubleSupplier random;

  public RetryPolicy(
      int maxAttempts, Duration backoff, Duration backoffMax, DoubleSupplier random) {
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.backoffMax = backoffMax;
    this.random = random;
  }

  public boolean giveUp(int attemptsMade) {
    return attemptsMade >= maxAttempts;
  }

  /** The wait after attempt number {@code attemptsMade} (1-based) failed. */
  public Duration delay(int attemptsMade, Duration retryAfter) {
    if (retryAfter != null && !retryAfter.isNegative()) {
      return retryAfter;
    }
    long base = backoff.toMillis();
    int shift = Math.min(Math.max(attemptsMade - 1, 0), 30);
    long step = Math.min(backoffMax.toMillis(), base << shift);
    if (step <= 0) {
      return Duration.ZERO;
    }
    long jittered = step / 2 + (long) (random.getAsDouble() * (step - step / 2));
    return Duration.ofMillis(jittered);
  }

  public int maxAttempts() {
    return maxAttempts;
  }
}
