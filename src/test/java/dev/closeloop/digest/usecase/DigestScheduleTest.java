package dev.closeloop.digest.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When digests post: once per day at digest.time in digest.zone, catch-up once, DST-safe. */
class DigestScheduleTest {
  @TempDir Path dir;

  private static int digests(TestApp app) {
    return app.app
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM digests WHERE kind = 'scheduled'")
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  @DisplayName("A fresh install waits for the next digest.time, then posts once that day")
  void freshInstallThenDaily() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    try (TestApp app = TestApp.start(dir, "digest: { time: \"09:00\", zone: UTC }", clock)) {
      app.tick();
      assertThat(digests(app)).isZero();
      clock.set(Instant.parse("2026-11-25T08:59:59Z"));
      app.tick();
      assertThat(digests(app)).isZero();
      clock.set(Instant.parse("2026-11-25T09:00:00Z"));
      app.tick();
      app.tick();
      assertThat(digests(app)).isEqualTo(1);
      clock.set(Instant.parse("2026-11-25T18:00:00Z"));
      app.tick();
      assertThat(digests(app)).isEqualTo(1);
      clock.set(Instant.parse("2026-11-26T09:00:01Z"));
      app.tick();
      assertThat(digests(app)).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("Three days down: one catch-up digest at start, not three")
  void catchUpOnce() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    String config = "digest: { time: \"09:00\", zone: UTC }";
    try (TestApp app = TestApp.start(dir, config, clock)) {
      app.tick();
    }
    clock.set(Instant.parse("2026-11-27T12:00:00Z"));
    try (TestApp app = TestApp.start(dir, config, clock)) {
      app.tick();
      app.tick();
      assertThat(digests(app)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("On DST change days the digest still posts at 09:00 local time")
  void dst() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    assertThat(
            DigestService.lastSlot(
                    Instant.parse("2026-03-29T07:00:00Z"), berlin, LocalTime.of(9, 0))
                .toInstant())
        .isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    assertThat(
            DigestService.lastSlot(
                    Instant.parse("2026-03-28T08:00:00Z"), berlin, LocalTime.of(9, 0))
                .toInstant())
        .isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
    assertThat(
            DigestService.lastSlot(
                    Instant.parse("2026-10-25T07:59:00Z"), berlin, LocalTime.of(9, 0))
                .toInstant())
        .as("before 09:00 CET on the autumn change day: yesterday's 09:00 CEST")
        .isEqualTo(Instant.parse("2026-10-24T07:00:00Z"));
    ZoneId ny = ZoneId.of("America/New_York");
    assertThat(
            DigestService.lastSlot(Instant.parse("2026-03-08T08:00:00Z"), ny, LocalTime.of(2, 30))
                .toInstant())
        .as("a digest.time inside the spring gap posts at 03:30")
        .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
  }

  @Test
  @DisplayName("An on-demand digest starts the next window: nothing is shown twice as new")
  void windows() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    try (TestApp app = TestApp.start(dir, "digest: { time: \"09:00\", zone: UTC }", clock)) {
      String first = app.admin("POST", "/admin/digest", null).body();
      clock.advance(Duration.ofHours(1));
      String second = app.admin("POST", "/admin/digest", null).body();
      assertThat(first).contains("\"windowEnd\":\"2026-11-24T10:00:00Z\"");
      assertThat(second).contains("\"windowStart\":\"2026-11-24T10:00:00Z\"");
    }
  }
}
