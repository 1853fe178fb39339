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
