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

  /**
   * Whether {@code cp} is a control character as every check of text from outside reads it: C0 but
   * tab, DEL, C1 (U+0080–U+009F, NEL included), the line and paragraph separators U+2028/U+2029,
   * and the bidirectional controls of {@link #isBidiControl}. The log writes them all as escapes
   * and the chat renderers drop the bidirectional ones, so a value that passes this check is shown
   * as it was sent. One definition: webhooks, connectors, the sandbox and the admin API all refuse
   * (or, for helpdesk free text, drop) exactly these.
   */
  public static boolean isControl(int cp) {
    return isLineOrTerminalControl(cp) || isBidiControl(cp);
  }

  /**
   * C0 but tab, DEL, C1 and U+2028/U+2029: what breaks a line or acts on a terminal, written as an
   * escape wherever such text is logged.
   */
  public static boolean isLineOrTerminalControl(int cp) {
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029;
  }

  /**
   * Whether {@code cp}, as {@link String#codePoints} yields it, is half a surrogate pair with no
   * other half: what a JSON {@code \uD800} escape alone makes. It is no Unicode character at all;
   * UTF-8 cannot carry it (PostgreSQL would store {@code ?}, a chat API refuses the message), so
   * text from outside holding one is refused or cleaned with the control characters.
   */
  public static boolean isLoneSurrogate(int cp) {
    return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
  }

  /**
   * Whether {@code text} holds a character {@link #isControl} refuses, or half a surrogate pair
   * ({@link #isLoneSurrogate}); false for null.
   */
  public static boolean hasControl(String text) {
    return text != null && any(text, Texts::refused);
  }

  /**
   * Whether a code point of {@code text}, as {@link String#codePoints} yields them (half a pair
   * alone as itself), is one {@code test} takes: a plain loop, as every field of every request is
   * looked at (a stream here cost more than the look).
   */
  private static boolean any(String text, java.util.function.IntPredicate test) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (test.test(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /**
   * What an error says, after the field's name, about text from outside that {@link #hasControl}
   * refuses: "contains control characters", or "contains half a surrogate pair" (a {@code \uD800}
   * escape with no pair: not Unicode text); null when the text is fine.
   */
  public static String whyRefused(String text) {
    if (text == null) {
      return null;
    }
    if (any(text, Texts::isControl)) {
      return "contains control characters";
    }
    return hasLoneSurrogate(text) ? HALF_PAIR : null;
  }

  /** What {@link #whyRefused} says of half a surrogate pair. */
  public static final String HALF_PAIR = "contains half a surrogate pair, which is not text";

  /** Whether {@code text} holds half a surrogate pair ({@link #isLoneSurrogate}). */
  public static boolean hasLoneSurrogate(String text) {
    return text != null && any(text, Texts::isLoneSurrogate);
  }

  private static boolean refused(int cp) {
    return isControl(cp) || isLoneSurrogate(cp);
  }

  /**
   * {@code text} without the characters {@link #isControl} refuses and without half surrogate pairs
   * ({@link #isLoneSurrogate}) (null stays null): a line break (CR, LF, NEL, U+2028/9, vertical
   * tab, form feed) becomes a space, so words stay apart; the others are dropped.
   */
  public static String withoutControls(String text) {
    if (!hasControl(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (!refused(cp)) {
                out.appendCodePoint(cp);
              } else if (Character.isWhitespace(cp) || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                out.append(' ');
              }
            });
    return out.toString();
  }

  /**
   * Text from outside as an error message quotes it: each character {@link #hasControl} refuses
   * shown as '?', and at most {@code max} characters (then "…").
   */
  public static String quoted(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
    text.codePoints().forEach(cp -> out.appendCodePoint(refused(cp) ? '?' : cp));
    return out.length() > max ? head(out.toString(), max) + "…" : out.toString();
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

  /**
   * The 1-based line of the first bytes that are not UTF-8, or 0 when all are: what a request body
   * or a file that must be UTF-8 is refused naming.
   */
  public static int firstLineNotUtf8(byte[] bytes) {
    int ascii = 0;
    while (ascii < bytes.length && bytes[ascii] >= 0) {
      ascii++;
    }
    if (ascii == bytes.length) {
      return 0; // ASCII alone is UTF-8: no decoder, no buffer (most bodies)
    }
    java.nio.charset.CharsetDecoder decoder =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.min(bytes.length, 8192));
    while (true) {
      java.nio.charset.CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
          line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
      }
      if (result.isOverflow()) {
        out.clear();
        continue;
      }
      return 0;
    }
  }
}
