package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PeriodicJobsTest {
  @Test
  @DisplayName(
      "An outbox run that lasted its whole budget is followed at once by the next, until shutdown")
  void runsBackToBackWhileBusy() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger asked = new AtomicInteger();
    // a zero budget: every run lasts it, as a run that ended with rows still going out does
    int made =
        PeriodicJobs.backToBack(
            runs::incrementAndGet, Duration.ZERO, () -> asked.incrementAndGet() == 3);
    assertThat(made).isEqualTo(3);
    assertThat(runs).hasValue(3);
  }

  @Test
  @DisplayName("A run that ended before its budget (nothing left to send) is the only one")
  void oneRunWhenIdle() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger asked = new AtomicInteger();
    int made =
        PeriodicJobs.backToBack(
            runs::incrementAndGet, Duration.ofHours(1), () -> asked.incrementAndGet() > 0);
    assertThat(made).isEqualTo(1);
    assertThat(asked).as("shutdown is not even asked").hasValue(0);
  }

  @Test
  @DisplayName("Shutting down stops the runs after the one under way")
  void stopsOnShutdown() {
    AtomicInteger runs = new AtomicInteger();
    int made = PeriodicJobs.backToBack(runs::incrementAndGet, Duration.ZERO, () -> true);
    assertThat(made).isEqualTo(1);
  }
}
