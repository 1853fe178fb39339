package dev.closeloop.language;

/**
 * Cutting people's text to a length — a store column, a digest line, what the parser reads —
 * without ever keeping half an emoji (a surrogate pair split at the cut). Platform markup has cuts
 * of its own that also mind escapes and links ({@code SlackText}, {@code DiscordText}).
 */
public final class Texts {
  private Texts() {}

  /** {@code text} in at most {@code max} characters: itself, or cut and ended with "…". */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return head(text, max - 1) + "…";
  }

  /**
   * Whether {@code cp} is a bidirectional embedding, override or isolate (U+202A–U+202E,
   * U+2066–U+2069): in people's text it turns what follows around on the line ("Dana‮ · Assignee:
   * Alex" shows the assignee backwards), so it is dropped wherever their text is shown. Right- and
   * left-to-right marks stay: they change no order beyond their own neighbours.
   */
  public static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  /** The first {@code max} characters of {@code text} (fewer when that would split an emoji). */
  public static String head(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
