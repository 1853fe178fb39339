package dev.closeloop.ticket.writeback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The token that identifies one write inside a helpdesk: {@code closeloop-} and 20 hex digits of
 * the SHA-256 of the outbox key. Letters, digits and one dash: valid as a Jira label, a Zendesk
 * external id, a ServiceNow correlation id, a Freshservice or Zammad tag, and searchable in text.
 */
public final class Marker {
  public static final String PREFIX = "closeloop-";

  private Marker() {}

  public static String of(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code text} with the marker on a line of its own at the end. */
  static String append(String text, String marker) {
    return (text == null ? "" : text.strip()) + "\n\n(" + marker + ")";
  }

  /** True when {@code text} (plain, HTML or JSON) holds {@code marker}. */
  static boolean in(String text, String marker) {
    return text != null && text.contains(marker);
  }
}
