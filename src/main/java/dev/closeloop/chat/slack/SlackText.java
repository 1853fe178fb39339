package dev.closeloop.chat.slack;

import java.util.Optional;

/**
 * Slack's text rules in one place. Slack parses {@code <…>} as links and mentions and {@code &…;}
 * as entities in every text it receives, so escaping {@code &}, {@code <} and {@code >} is what
 * makes {@code <!channel>} or {@code <@U123>} in user text inert. Limits are counted on the escaped
 * text, which is what Slack measures.
 */
final class SlackText {
  static final String ELLIPSIS = "…";

  private SlackText() {}

  static String escape(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Escapes {@code raw} and cuts it (with an ellipsis) so the escaped form fits {@code limit}. */
  static String escapeAndFit(String raw, int limit) {
    return fit(escape(raw), limit);
  }

  /**
   * Cuts already-escaped text to {@code limit} characters, ending in an ellipsis, never inside an
   * entity, a link or a surrogate pair.
   */
  static String fit(String escaped, int limit) {
    if (escaped.length() <= limit) {
      return escaped;
    }
    int end = limit - ELLIPSIS.length();
    int amp = escaped.lastIndexOf('&', end);
    if (amp >= 0 && escaped.indexOf(';', amp) >= end) {
      end = amp; // do not cut "&amp;" in half
    }
    int open = escaped.lastIndexOf('<', end);
    if (open >= 0 && escaped.lastIndexOf('>', end - 1) < open) {
      end = open; // do not cut a <url|label> link in half
    }
    if (end > 0 && Character.isHighSurrogate(escaped.charAt(end - 1))) {
      end--;
    }
    return escaped.substring(0, Math.max(end, 0)) + ELLIPSIS;
  }

  /**
   * A URL that is safe inside {@code <url|label>}: http(s) only, with the characters that would end
   * or split the link percent-encoded. Empty when the URL is not acceptable.
   */
  static Optional<String> safeUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    StringBuilder encoded = new StringBuilder(url.length());
    for (char c : url.strip().toCharArray()) {
      switch (c) {
        case '<' -> encoded.append("%3C");
        case '>' -> encoded.append("%3E");
        case '|' -> encoded.append("%7C");
        case ' ' -> encoded.append("%20");
        default -> {
          if (Character.isISOControl(c)) {
            return Optional.empty();
          }
          encoded.append(c);
        }
      }
    }
    if (!dev.closeloop.chat.Links.isHttp(encoded.toString())) {
      return Optional.empty();
    }
    return Optional.of(encoded.toString().replace("&", "&amp;"));
  }

  /** A mrkdwn link, or the escaped label alone when the URL is not acceptable. */
  static String link(String url, String label) {
    String text = escape(label == null || label.isBlank() ? url : label);
    return safeUrl(url).map(u -> "<" + u + "|" + text + ">").orElse(text);
  }
}
