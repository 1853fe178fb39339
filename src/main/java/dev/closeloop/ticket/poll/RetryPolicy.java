package dev.closeloop.ticket.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How a poller treats 429 and 503: wait what {@code Retry-After} asks (seconds or an HTTP date),
 * else {@code defaultWait}, never more than {@code maxWait}, and give up after {@code maxAttempts}
 * requests; the next scheduled run starts over from the committed cursor.
 */
public record RetryPolicy(int maxAttempts, Duration defaultWait, Duration maxWait) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofMinutes(15));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public static boolean retryable(int status) {
    return status == 429 || status == 503;
  }

  /** The wait before the next attempt, from a {@code Retry-After} value (null: none sent). */
  public Duration waitFor(String retryAfter, Clock clock) {
    Duration wait = parse(retryAfter, clock);
    if (wait == null || wait.isNegative()) {
      wait = defaultWait;
    }
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  /**
   * A {@code Retry-After} value (seconds or an HTTP date) as a wait from now; null when absent or
   * unreadable.
   */
  public static Duration retryAfter(String retryAfter, Clock clock) {
    return parse(retryAfter, clock);
  }

  private static Duration parse(String retryAfter, Clock clock) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return null;
    }
    String v = retryAfter.trim();
    try {
      return Duration.ofSeconds(Long.parseLong(v));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Duration.between(clock.instant(), at.toInstant());
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
