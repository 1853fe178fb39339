package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.survey.FatiguePolicy.Decision;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FatiguePolicyTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final FatiguePolicy policy =
      new FatiguePolicy(
          Duration.ofMinutes(15),
          Duration.ofDays(7),
          Duration.ofHours(24),
          Duration.ofHours(72),
          new SendWindow("20:00-08:00", false));

  private static Instant at(String local, ZoneId zone) {
    return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  @Test
  @DisplayName("Due 15 minutes after close, inside working hours")
  void dueAfterDelay() {
    Instant closed = at("2026-11-24T10:00", BERLIN); // a Tuesday
    Decision d = policy.atIntake(closed, closed.plusSeconds(5), false, true, BERLIN);
    assertThat(d).isEqualTo(new Decision.Schedule(closed.plus(Duration.ofMinutes(15))));
  }

  @Test
  @DisplayName("A close at 19:50 in Berlin waits for 08:00 next morning, in Berlin time")
  void quietHoursInRequesterZone() {
    Instant closed = at("2026-11-24T19:50", BERLIN);
    Decision d = policy.atIntake(closed, closed, false, true, BERLIN);
    assertThat(d).isEqualTo(new Decision.Schedule(at("2026-11-25T08:00", BERLIN)));
  }

  @Test
  @DisplayName("Friday evening waits for Monday 08:00 when weekends are off")
  void weekendsHeldToMonday() {
    Instant closed = at("2026-11-27T18:00", BERLIN); // Friday
    Decision d = policy.atIntake(closed, closed.plus(Duration.ofHours(3)), false, true, BERLIN);
    assertThat(d).isEqualTo(new Decision.Schedule(at("2026-11-30T08:00", BERLIN)));
  }

  @Test
  @DisplayName("Across the spring DST change the morning is still 08:00 local")
  void dstSpringForward() {
    Instant closed = at("2026-03-27T21:00", BERLIN); // Friday; DST starts Sunday 29 March
    Decision d = policy.atIntake(closed, closed, false, true, BERLIN);
    assertThat(d).isEqualTo(new Decision.Schedule(at("2026-03-30T08:00", BERLIN)));
    assertThat(at("2026-03-30T08:00", BERLIN).atZone(BERLIN).getOffset().getTotalSeconds())
        .isEqualTo(7200);
  }

  @Test
  void quietHoursEndingInADstGapMoveForward() {
    ZoneId ny = ZoneId.of("America/New_York"); // 2026-03-08 02:00 does not exist
    SendWindow w = new SendWindow("23:00-02:30", true);
    Instant t = at("2026-03-08T01:00", ny);
    assertThat(w.nextAllowed(t, ny))
        .isEqualTo(
            ZonedDateTime.of(java.time.LocalDate.of(2026, 3, 8), java.time.LocalTime.of(3, 30), ny)
                .toInstant());
  }

  @Test
  @DisplayName("Skip reasons come in the contract's order: opted_out, stale, sampled_out")
  void skipOrder() {
    Instant closed = at("2026-11-24T10:00", UTC);
    Instant late = closed.plus(Duration.ofHours(73));
    assertThat(policy.atIntake(closed, late, true, false, UTC))
        .isEqualTo(new Decision.Skip(SkipReason.OPTED_OUT));
    assertThat(policy.atIntake(closed, late, false, false, UTC))
        .isEqualTo(new Decision.Skip(SkipReason.STALE));
    assertThat(policy.atIntake(closed, closed, false, false, UTC))
        .isEqualTo(new Decision.Skip(SkipReason.SAMPLED_OUT));
  }

  @Test
  void receiptLaterThanDelayIsTheDueTime() {
    Instant closed = at("2026-11-24T09:00", UTC);
    Instant received = at("2026-11-24T11:00", UTC);
    assertThat(policy.atIntake(closed, received, false, true, UTC))
        .isEqualTo(new Decision.Schedule(received));
  }

  @Test
  @DisplayName("Cooldown: one survey DM per person per 7 days, judged when due")
  void cooldownAtDue() {
    Instant now = at("2026-11-24T10:00", UTC);
    assertThat(policy.atDue(now, false, now.minus(Duration.ofDays(6)), UTC))
        .isEqualTo(new Decision.Skip(SkipReason.COOLDOWN));
    assertThat(policy.atDue(now, false, now.minus(Duration.ofDays(8)), UTC))
        .isEqualTo(new Decision.Send());
    assertThat(policy.atDue(now, false, null, UTC)).isEqualTo(new Decision.Send());
    assertThat(policy.atDue(now, true, null, UTC))
        .isEqualTo(new Decision.Skip(SkipReason.OPTED_OUT));
  }

  @Test
  void dueInQuietHoursIsDeferred() {
    Instant now = at("2026-11-24T22:00", BERLIN);
    assertThat(policy.atDue(now, false, null, BERLIN))
        .isEqualTo(new Decision.Defer(at("2026-11-25T08:00", BERLIN)));
  }

  @Test
  @DisplayName(
      "One reminder after 24 h, moved out of quiet hours, none when it would not fit before expiry")
  void reminder() {
    Instant sent = at("2026-11-24T10:00", UTC);
    assertThat(policy.reminderAt(sent, UTC)).isEqualTo(at("2026-11-25T10:00", UTC));
    FatiguePolicy none =
        new FatiguePolicy(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofHours(72),
            new SendWindow("", true));
    assertThat(none.reminderAt(sent, UTC)).isNull();
    FatiguePolicy tooLate =
        new FatiguePolicy(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofHours(80),
            Duration.ofHours(72),
            new SendWindow("", true));
    assertThat(tooLate.reminderAt(sent, UTC)).isNull();
    assertThat(policy.expiresAt(sent)).isEqualTo(sent.plus(Duration.ofHours(72)));
  }

  @Test
  void quietWindowWithoutMidnightCrossing() {
    SendWindow lunch = new SendWindow("12:00-13:00", true);
    assertThat(lunch.allowed(at("2026-11-24T11:59", UTC), UTC)).isTrue();
    assertThat(lunch.nextAllowed(at("2026-11-24T12:00", UTC), UTC))
        .isEqualTo(at("2026-11-24T13:00", UTC));
    assertThat(lunch.allowed(at("2026-11-24T13:00", UTC), UTC)).isTrue();
  }

  @Test
  void samplingIsADrawBelowTheRate() {
    assertThat(FatiguePolicy.sampledIn(0.25, 0.2)).isTrue();
    assertThat(FatiguePolicy.sampledIn(0.25, 0.3)).isFalse();
    assertThat(FatiguePolicy.sampledIn(1.0, 0.999)).isTrue();
    assertThat(FatiguePolicy.sampledIn(0.0, 0.0)).isFalse();
  }

  @Test
  @DisplayName(
      "A re-ask after a reopen from the chat is sent within the cooldown; opt-out still holds")
  void reaskIgnoresCooldownOnly() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    Instant yesterday = now.minus(Duration.ofDays(1));
    assertThat(policy.atDue(now, false, yesterday, UTC, false))
        .isEqualTo(new Decision.Skip(SkipReason.COOLDOWN));
    assertThat(policy.atDue(now, false, yesterday, UTC, true)).isEqualTo(new Decision.Send());
    assertThat(policy.atDue(now, true, yesterday, UTC, true))
        .isEqualTo(new Decision.Skip(SkipReason.OPTED_OUT));
  }

  @Test
  @DisplayName("Only the first close after a reopen from the chat is a re-ask")
  void reaskOnlyOnce() {
    assertThat(FatiguePolicy.reask(true, false)).isTrue();
    assertThat(FatiguePolicy.reask(true, true)).isFalse();
    assertThat(FatiguePolicy.reask(false, false)).isFalse();
  }
}
