package dev.closeloop.archfixture.survey.usecase;

import dev.closeloop.archfixture.store.FixtureStore;
import java.time.Instant;

/** Planted: a use case reading the wall clock instead of its injected Clock. */
public final class ClockReadingUseCase {
  public static Instant stamp() {
    return Instant.now();
  }

  /** Allowed: a time budget is timing, not the time of day. */
  public static long budget() {
    return System.nanoTime() + FixtureStore.count();
  }
}
