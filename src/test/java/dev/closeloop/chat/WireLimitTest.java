package dev.closeloop.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A platform's limit at the wire, on a clock the test moves. */
class WireLimitTest {
  private static final long PERIOD = Duration.ofMillis(1050).toNanos();

  /** A monotonic clock that only moves when the limit sleeps, or when the test says. */
  private static final class FakeTime {
    long now = 5_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    WireLimit limit(int n) {
      return new WireLimit(
          n,
          Duration.ofNanos(PERIOD),
          () -> now,
          nanos -> {
            sleeps.add(nanos);
            now += nanos;
          });
    }
  }

  @Test
  void noWindowOfOnePeriodEverHoldsMoreThanTheLimit() throws Exception {
    FakeTime time = new FakeTime();
    WireLimit limit = time.limit(50);
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      limit.take();
      sent.add(time.now);
      time.now += (i % 7 == 0) ? 3_000_000 : 0; // some arrive together, some a little apart
    }
    for (int i = 0; i + 50 < sent.size(); i++) {
      assertThat(sent.get(i + 50) - sent.get(i)).isGreaterThanOrEqualTo(PERIOD);
    }
    assertThat(limit.counted()).isEqualTo(500);
  }

  @Test
  void theFirstRequestsOfAQuietPeriodGoAtOnce() throws Exception {
    FakeTime time = new FakeTime();
    WireLimit limit = time.limit(50);
    for (int i = 0; i < 50; i++) {
      limit.take();
    }
    assertThat(time.sleeps).isEmpty();
    limit.take();
    assertThat(time.sleeps).containsExactly(PERIOD);
  }

  @Test
  void requestsHeldBackAndReleasedTogetherCountWhenTheyGoNotBefore() throws Exception {
    // what broke delivery: JDA held requests through a 429 pause and sent them together; counted
    // when they were planned, they had aged out of the window while Discord still counted them
    FakeTime time = new FakeTime();
    WireLimit limit = time.limit(50);
    for (int i = 0; i < 40; i++) {
      limit.take();
    }
    time.now += 1_000_000_000L; // a one-second pause: nothing went
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 60; i++) { // the held ones and new ones, released at once
      limit.take();
      sent.add(time.now);
    }
    long pauseEnd = sent.get(0);
    long inFirstPeriod = sent.stream().filter(t -> t - pauseEnd < PERIOD).count();
    // the 40 before the pause age out 50 ms after it ends: 10 go at once, then 40 more
    assertThat(inFirstPeriod).isLessThanOrEqualTo(50);
    for (int i = 0; i + 50 < sent.size(); i++) {
      assertThat(sent.get(i + 50) - sent.get(i)).isGreaterThanOrEqualTo(PERIOD);
    }
  }

  @Test
  void aWaitThatIsInterruptedEndsTheWait() {
    WireLimit limit =
        new WireLimit(
            1,
            Duration.ofSeconds(1),
            () -> 0L,
            nanos -> {
              throw new InterruptedException();
            });
    assertThatThrownBy(
            () -> {
              limit.take();
              limit.take();
            })
        .isInstanceOf(InterruptedException.class);
  }
}
