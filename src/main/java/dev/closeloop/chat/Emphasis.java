package dev.closeloop.chat;

import java.util.function.UnaryOperator;

/**
 * Emphasis markers around text of ours, as both platforms need them: the spaces and line breaks
 * around the text stay outside the markers (neither Slack nor Discord renders emphasis that starts
 * or ends with a space), the text inside is kept on one line, and blank text gets no markers.
 */
public final class Emphasis {
  private Emphasis() {}

  /**
   * @param marker {@code *} (Slack) or {@code **} (Discord)
   * @param escape how the platform makes the inner text inert
   */
  public static String wrap(String raw, String marker, UnaryOperator<String> escape) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String inner = raw.strip();
    if (inner.isEmpty()) {
      return raw;
    }
    int lead = raw.indexOf(inner);
    return raw.substring(0, lead)
        + marker
        + escape.apply(inner.replaceAll("\\s*\\R\\s*", " "))
        + marker
        + raw.substring(lead + inner.length());
  }
}
