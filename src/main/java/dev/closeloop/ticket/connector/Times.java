package dev.closeloop.ticket.connector;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The date-time shapes helpdesks send: ISO-8601 with an offset ("2024-05-08T15:30:00Z", Zendesk's
 * minute-precision "2013-12-12T05:35Z"), Jira's "2024-05-08T15:30:00.000+0000", and offset-less
 * forms ("2024-05-08 15:30:00", ServiceNow's and GLPI's), which are read as UTC.
 */
public final class Times {
  /** ServiceNow's Table API format for system date-times, always UTC. */
  public static final DateTimeFormatter SERVICENOW =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter COMPACT_OFFSET =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HHmm", "Z")
          .toFormatter();

  private static final List<DateTimeFormatter> LOCAL =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE_TIME,
          new DateTimeFormatterBuilder()
              .append(DateTimeFormatter.ISO_LOCAL_DATE)
              .appendLiteral(' ')
              .append(DateTimeFormatter.ISO_LOCAL_TIME)
              .toFormatter());

  private Times() {}

  /** Null for null or blank; a {@link PayloadException} naming {@code field} if unreadable. */
  static Instant parse(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant t = tryParse(value.trim());
    if (t == null) {
      throw PayloadException.invalid(field, "is not a date-time: " + PayloadException.shown(value));
    }
    return t;
  }

  /** The instant, or null when the text is in none of the known shapes. */
  public static Instant tryParse(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, COMPACT_OFFSET)) {
      try {
        return OffsetDateTime.parse(s, f).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next shape
      }
    }
    for (DateTimeFormatter f : LOCAL) {
      try {
        return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        // try the next shape
      }
    }
    return null;
  }
}
