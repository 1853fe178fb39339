package dev.closeloop.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed send again, and when to give up: exponential backoff from {@code backoff},
 * doubling up to {@code backoffMax}, with jitter (a uniform draw in the upper half of the step, so
 * retries of many rows spread out); a platform's Retry-After always wins, up to {@link
 * #MOST_HONOURED}. After {@code maxAttempts} the row is dead-lettered.
 */
public final class RetryPolicy {
  /**
   * The longest wait a peer's {@code Retry-After} can impose (Slack, Discord, a helpdesk). Real
   * ones ask seconds or minutes; a broken or hostile peer asking 10^9 seconds or a date in 2099
   * would otherwise stop a whole lane (every message to that platform, every write to that
   * helpdesk) for decades, and a value past {@link java.time.Instant#MAX} would throw from the
   * sender. A longer wait counts as this long: the row is tried again, then counts towards {@code
   * maxAttempts}.
   */
  public static final Duration MOST_HONOURED = Duration.ofHours(1);

  /** A peer's Retry-After as waited: null when absent or negative, else at most an hour. */
  public static Duration honoured(Duration retryAfter) {
    if (retryAfter == null || retryAfter.isNegative()) {
      return null;
    }
    return retryAfter.compareTo(MOST_HONOURED) > 0 ? MOST_HONOURED : retryAfter;
  }

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
    Duration asked = honoured(retryAfter);
    if (asked != null) {
      return asked;
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
