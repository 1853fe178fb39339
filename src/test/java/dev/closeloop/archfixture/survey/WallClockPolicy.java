package dev.closeloop.archfixture.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Planted: a core policy that reads the wall clock in every way the rule bans. */
public final class WallClockPolicy {
  public static Instant instant() {
    return Instant.now();
  }

  public static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  public static Clock clock() {
    return Clock.systemUTC();
  }

  public static long millis() {
    return System.currentTimeMillis();
  }

  public static long nanos() {
    return System.nanoTime();
  }

  /** Allowed: the injected clock. */
  public static Instant from(Clock clock) {
    return Instant.now(clock);
  }
}
