package dev.closeloop.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Paging of admin lists: {@code limit} (default 100, at most 1000: larger asks get 1000) and an
 * opaque {@code after} cursor, answered with {@code "next"} (null on the last page). A cursor is
 * the sort key of the last item, base64url-encoded; a client passes it back as it came.
 */
final class Paging {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  /** A bad {@code limit} or {@code after}: a 400 naming the parameter. */
  static final class BadPage extends IllegalArgumentException {
    BadPage(String message) {
      super(message);
    }
  }

  /** A page of items and the cursor of the next one, or null when this was the last. */
  record Page<T>(List<T> items, String next) {}

  private Paging() {}

  static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    String digits = value.strip();
    // a whole number of any size: past 1000 (even past a long) it is 1000, as the API promises
    if (digits.matches("\\+?[0-9]{1,1000}")) {
      digits = digits.replaceFirst("^\\+?0*", "");
      if (!digits.isEmpty()) {
        return digits.length() > 4 ? MAX_LIMIT : Math.min(Integer.parseInt(digits), MAX_LIMIT);
      }
    }
    throw new BadPage("limit must be a whole number from 1 to " + MAX_LIMIT);
  }

  static String cursor(String... parts) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
  }

  /** A cursor of one row id; {@code absent} when {@code after} is absent (a 400 when not one). */
  static long id(String after, long absent) {
    String[] parts = parts(after, 1);
    try {
      return parts == null ? absent : Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      throw new BadPage("after must be a \"next\" cursor from an earlier answer");
    }
  }

  /** The parts of a cursor made by {@link #cursor}; null when {@code after} is absent. */
  static String[] parts(String after, int count) {
    if (after == null || after.isBlank()) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8)
              .split("\\|", -1);
      if (parts.length == count) {
        return parts;
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw new BadPage("after must be a \"next\" cursor from an earlier answer");
  }
}
