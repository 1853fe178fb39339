package dev.closeloop.chat.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Text rules for Discord: escaping plain text so it can neither ping nor format, cutting to a limit
 * without breaking an escape or a surrogate pair, and the markers that tie a message to its outbox
 * key.
 */
final class DiscordText {
  static final String ELLIPSIS = "…";

  /** Characters Discord's markdown gives meaning to; a backslash before each makes it literal. */
  private static final String MARKDOWN = "\\*_~`|>#-[]()<:";

  /** Invisible characters used as base-4 digits of the reconcile marker, after a separator. */
  private static final char MARKER_START = '\u2063';

  private static final char[] MARKER_DIGITS = {'\u200B', '\u200C', '\u200D', '\u2060'};
  private static final int MARKER_BYTES = 8;
  static final int MARKER_LENGTH = 1 + MARKER_BYTES * 4;

  private DiscordText() {}

  /**
   * Makes plain text inert: markdown characters are backslash-escaped (which also defuses {@code
   * <@id>}, {@code <#id>}, masked links and code spans), and {@code @everyone} / {@code @here} get
   * a zero-width space after the {@code @} so they do not even look like a mention. Bidirectional
   * controls and the reconcile marker's invisible separator are dropped.
   */
  static String escape(String plain) {
    if (plain == null || plain.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(plain.length() + 16);
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (dev.closeloop.language.Texts.isBidiControl(c) || c == MARKER_START) {
        // the marker's separator: text that carried it could pass for the marker of another
        // message (its key predictable), and reconcile would take that message as sent
        continue;
      }
      if (MARKDOWN.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
      if (c == '@' && (plain.startsWith("everyone", i + 1) || plain.startsWith("here", i + 1))) {
        out.append('\u200B');
      }
    }
    return out.toString();
  }

  /**
   * Cuts {@code text} to at most {@code max} characters, ending with "…" when cut. Never leaves a
   * dangling escape backslash (which would escape the ellipsis) or half a surrogate pair.
   */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - ELLIPSIS.length();
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    int backslashes = 0;
    while (end - backslashes > 0 && text.charAt(end - 1 - backslashes) == '\\') {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      end--;
    }
    return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
  }

  /**
   * The create-message nonce for an outbox key: 24 URL-safe characters of its SHA-256 (Discord
   * allows 25). The same key always gives the same nonce, so a resend within Discord's
   * enforce_nonce window returns the message already created.
   */
  static String nonce(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(key)).substring(0, 24);
  }

  /**
   * An invisible marker appended to a message's content so {@code reconcile} can recognise the
   * message in the channel history (Discord does not return the nonce there).
   */
  static String marker(String key) {
    byte[] hash = sha256(key);
    StringBuilder out = new StringBuilder(MARKER_LENGTH).append(MARKER_START);
    for (int i = 0; i < MARKER_BYTES; i++) {
      int b = hash[i] & 0xff;
      for (int shift = 6; shift >= 0; shift -= 2) {
        out.append(MARKER_DIGITS[(b >> shift) & 3]);
      }
    }
    return out.toString();
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
