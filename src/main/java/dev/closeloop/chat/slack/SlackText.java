package dev.closeloop.chat.slack;

import dev.closeloop.language.Texts;
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
        default -> {
          if (!Texts.isBidiControl(c)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Plain text for a mrkdwn field: escaped, and every {@code *}, {@code _}, {@code ~} that Slack
   * could read as the start or end of emphasis (and every backtick) swapped for a look-alike that
   * is not a marker: ∗ ˍ ∼ ˋ. Slack has no escape character for these, so this is what keeps a
   * person's "~5 EUR" or "great*" from striking or bolding what follows. Markers inside a word
   * ({@code snake_case}) are left as they are: Slack does not read them.
   */
  static String mrkdwn(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '`') {
        out.append('\u02CB');
        continue;
      }
      if (c == '*' || c == '_' || c == '~') {
        char prev = i == 0 ? ' ' : raw.charAt(i - 1);
        char next = i + 1 == raw.length() ? ' ' : raw.charAt(i + 1);
        boolean canOpen = !Character.isLetterOrDigit(prev) && !Character.isWhitespace(next);
        boolean canClose = !Character.isWhitespace(prev) && !Character.isLetterOrDigit(next);
        if (canOpen || canClose) {
          out.append(c == '*' ? '\u2217' : c == '_' ? '\u02CD' : '\u223C');
          continue;
        }
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> {
          if (!Texts.isBidiControl(c)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** {@link #mrkdwn} cut (with an ellipsis) so that it fits {@code limit}. */
  static String mrkdwnAndFit(String raw, int limit) {
    return fit(mrkdwn(raw), limit);
  }

  /**
   * Emphasis around text of ours: {@code *text*} with the spaces around the text kept outside the
   * markers (Slack does not close {@code *} after a space), or the bare spaces when there is no
   * text.
   */
  static String bold(String raw) {
    return dev.closeloop.chat.Emphasis.wrap(raw, "*", SlackText::mrkdwn);
  }

  /** Emphasis ends at a line break in Slack: text inside markers is kept on one line. */
  static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ");
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
    String text = mrkdwn(oneLine(label == null || label.isBlank() ? url : label.strip()));
    return safeUrl(url).map(u -> "<" + u + "|" + text + ">").orElse(text);
  }
}
