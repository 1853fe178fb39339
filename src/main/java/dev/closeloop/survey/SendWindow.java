package dev.closeloop.survey;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When an unsolicited message may reach a person: outside quiet hours and, unless weekends are
 * allowed, not on Saturday or Sunday — both in the person's own time zone. Quiet hours are {@code
 * HH:MM-HH:MM}, start inclusive, end exclusive, and may cross midnight.
 */
public final class SendWindow {
  private final LocalTime quietStart;
  private final LocalTime quietEnd;
  private final boolean weekends;

  public SendWindow(String quietHours, boolean weekends) {
    if (quietHours == null || quietHours.isBlank()) {
      this.quietStart = null;
      this.quietEnd = null;
    } else {
      String[] parts = quietHours.split("-");
      this.quietStart = LocalTime.parse(parts[0].trim());
      this.quietEnd = LocalTime.parse(parts[1].trim());
    }
    this.weekends = weekends;
  }

  /** The earliest instant at or after {@code t} at which a message may be sent. */
  public Instant nextAllowed(Instant t, ZoneId zone) {
    Instant candidate = t;
    for (int i = 0; i < 8; i++) {
      ZonedDateTime local = candidate.atZone(zone);
      Instant moved = candidate;
      if (!weekends && isWeekend(local.getDayOfWeek())) {
        int days = local.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1;
        moved = local.toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
      } else if (inQuietHours(local.toLocalTime())) {
        moved = quietEndAfter(local).toInstant();
      }
      if (moved.equals(candidate)) {
        return candidate;
      }
      candidate = moved;
    }
    return candidate;
  }

  public boolean allowed(Instant t, ZoneId zone) {
    return nextAllowed(t, zone).equals(t);
  }

  private static boolean isWeekend(DayOfWeek d) {
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  private boolean inQuietHours(LocalTime time) {
    if (quietStart == null || quietStart.equals(quietEnd)) {
      return false;
    }
    if (quietStart.isBefore(quietEnd)) {
      return !time.isBefore(quietStart) && time.isBefore(quietEnd);
    }
    return !time.isBefore(quietStart) || time.isBefore(quietEnd);
  }

  private ZonedDateTime quietEndAfter(ZonedDateTime local) {
    boolean crossesMidnight = quietStart.isAfter(quietEnd);
    boolean beforeMidnightPart = crossesMidnight && !local.toLocalTime().isBefore(quietStart);
    var day = beforeMidnightPart ? local.toLocalDate().plusDays(1) : local.toLocalDate();
    // ZonedDateTime.of moves a time inside a DST gap forward, which is what we want here.
    return ZonedDateTime.of(day, quietEnd, local.getZone());
  }
}
