package dev.closeloop.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  static final Duration BACKOFF = Duration.ofSeconds(2);
  static final Duration MAX = Duration.ofMinutes(10);

  @Test
  void delayDoublesFromBackoffUpToTheCapWithJitterInTheUpperHalf() {
    RetryPolicy low = new RetryPolicy(12, BACKOFF, MAX, () -> 0.0);
    RetryPolicy high = new RetryPolicy(12, BACKOFF, MAX, () -> 0.999999);
    assertThat(low.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(high.delay(1, null)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
    assertThat(low.delay(2, null)).isEqualTo(Duration.ofSeconds(2));
    assertThat(low.delay(3, null)).isEqualTo(Duration.ofSeconds(4));
    assertThat(low.delay(4, null)).isEqualTo(Duration.ofSeconds(8));
    assertThat(low.delay(12, null)).isEqualTo(Duration.ofMinutes(5)); // capped: half of backoffMax
    assertThat(high.delay(40, null)).isLessThanOrEqualTo(MAX);
  }

  @Test
  void retryAfterWinsOverBackoff() {
    RetryPolicy p = new RetryPolicy(12, BACKOFF, MAX, () -> 0.5);
    assertThat(p.delay(7, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    RetryPolicy p = new RetryPolicy(3, BACKOFF, MAX, () -> 0.5);
    assertThat(p.giveUp(2)).isFalse();
    assertThat(p.giveUp(3)).isTrue();
  }

  @Property(tries = 300)
  void delayStaysWithinTheStepAndNeverShrinksOnAverage(
      @ForAll @IntRange(min = 1, max = 64) int attempt,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double r) {
    RetryPolicy p = new RetryPolicy(100, BACKOFF, MAX, () -> r);
    long step = Math.min(MAX.toMillis(), BACKOFF.toMillis() << Math.min(attempt - 1, 30));
    assertThat(p.delay(attempt, null).toMillis()).isBetween(step / 2, step);
  }
}
