package dev.closeloop.ticket;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The requester's language and zone as a ticket gives them: kept when valid, else dropped. */
public final class RequesterHints {
  private static final Logger log = LoggerFactory.getLogger(RequesterHints.class);

  private RequesterHints() {}

  /** A well-formed locale tag as the ticket gave it ("de-DE"), else null (logged). */
  public static String locale(String locale) {
    if (locale == null || locale.isBlank()) {
      return null;
    }
    if (!dev.closeloop.language.Languages.wellFormed(locale.strip())) {
      log.info(
          "event=invalid_locale value_length={} will=use_platform_or_survey_locale",
          locale.length());
      return null;
    }
    return locale.strip();
  }

  /** The zone id if valid, else null (logged: an invalid zone is ignored, never an error). */
  public static String zone(String tz) {
    if (tz == null) {
      return null;
    }
    try {
      return ZoneId.of(tz).getId();
    } catch (DateTimeException e) {
      invalidZone(tz);
      return null;
    }
  }

  /** Logs a requester time zone that is not used (unknown, too long to be valid, or garbled). */
  static void invalidZone(String tz) {
    log.info(
        "event=invalid_timezone value_length={} will=use_platform_or_digest_zone", tz.length());
  }
}
