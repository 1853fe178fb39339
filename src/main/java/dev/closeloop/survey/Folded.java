package dev.closeloop.survey;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply folded for matching — compatibility forms made plain (full-width digits and letters),
 * lower case, Latin accents and emoji variation marks removed, curly apostrophes straightened,
 * white space collapsed — with, for every folded character, where it came from in the original, so
 * that a comment is cut from the person's own words.
 */
final class Folded {
  final String text;
  private final String original;
  private final int[] from;

  private Folded(String text, String original, int[] from) {
    this.text = text;
    this.original = original;
    this.from = from;
  }

  static Folded of(String original) {
    StringBuilder out = new StringBuilder(original.length());
    int[] from = new int[original.length() * 4 + 1];
    String[] chat = new String[original.length()];
    int[] chatEnd = new int[original.length()];
    chatForms(original, chat, chatEnd);
    for (int i = 0; i < original.length(); ) {
      int cp = original.codePointAt(i);
      int width = Character.charCount(cp);
      String piece = fold(cp);
      if (chat[i] != null) {
        piece = chat[i];
        width = chatEnd[i] - i;
      }
      for (int k = 0; k < piece.length(); k++) {
        char c = piece.charAt(k);
        if (Character.isWhitespace(c)) {
          if (out.length() == 0 || out.charAt(out.length() - 1) == ' ') {
            continue;
          }
          c = ' ';
        }
        if (out.length() == from.length) {
          from = Arrays.copyOf(from, from.length * 2);
        }
        from[out.length()] = i;
        out.append(c);
      }
      i += width;
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    if (end >= from.length) {
      from = Arrays.copyOf(from, end + 1);
    }
    from[end] = original.length();
    return new Folded(out.toString(), original, from);
  }

  /**
   * Slack and Discord emoji shortcodes, as the emoji they stand for: a reply typed ":+1: thanks" or
   * ":white_check_mark:" reads as "👍 thanks" or "✅" does. Skin tones (":skin-tone-3:") say
   * nothing.
   */
  private static final Map<String, String> SHORTCODES =
      Map.ofEntries(
          Map.entry("+1", "👍"),
          Map.entry("thumbsup", "👍"),
          Map.entry("thumbs_up", "👍"),
          Map.entry("-1", "👎"),
          Map.entry("thumbsdown", "👎"),
          Map.entry("thumbs_down", "👎"),
          Map.entry("white_check_mark", "✅"),
          Map.entry("heavy_check_mark", "✔"),
          Map.entry("ballot_box_with_check", "☑"),
          Map.entry("x", "❌"),
          Map.entry("heavy_multiplication_x", "✖"),
          Map.entry("ok", "🆗"),
          Map.entry("ok_hand", "👌"),
          Map.entry("pray", "🙏"),
          Map.entry("tada", "🎉"),
          Map.entry("raised_hands", "🙌"),
          Map.entry("clap", "👏"),
          Map.entry("muscle", "💪"),
          Map.entry("sparkles", "✨"),
          Map.entry("100", "💯"),
          Map.entry("heart", "❤"),
          Map.entry("heart_eyes", "😍"),
          Map.entry("hugs", "🤗"),
          Map.entry("hugging_face", "🤗"),
          Map.entry("smile", "😄"),
          Map.entry("smiley", "😃"),
          Map.entry("grinning", "😀"),
          Map.entry("grin", "😁"),
          Map.entry("blush", "😊"),
          Map.entry("slightly_smiling_face", "🙂"),
          Map.entry("simple_smile", "🙂"),
          Map.entry("wink", "😉"),
          Map.entry("rage", "😡"),
          Map.entry("angry", "😠"),
          Map.entry("sob", "😭"),
          Map.entry("cry", "😢"),
          Map.entry("disappointed", "😞"),
          Map.entry("slightly_frowning_face", "🙁"),
          Map.entry("frowning_face", "☹"),
          Map.entry("white_frowning_face", "☹"),
          Map.entry("weary", "😩"),
          Map.entry("no_good", "🙅"),
          Map.entry("shrug", "🤷"),
          Map.entry("person_shrugging", "🤷"),
          Map.entry("man_shrugging", "🤷"),
          Map.entry("woman_shrugging", "🤷"));

  private static final Pattern SHORTCODE =
      Pattern.compile("(?<![\\p{L}\\p{N}]):(skin-tone-[1-6]|[a-z0-9_+-]{1,40}):");

  /**
   * Emoticons typed as text, as the emoji that say the same: ":)", ":-)", "=)", ":D", "^^", "^_^",
   * "(^_^)", "(^^)v" smile; ";)" winks; ":(", ":-(", ":'(" frown; ":/" is unsure; "<3" is a heart.
   * Set off from Latin letters and digits ("ありがとう^^" is one, "a:b" and "https://" are none).
   */
  /**
   * Text faces of despair, as 😭: "orz" (a figure on its knees), "T_T", ";_;" — "まだダメです orz" says
   * the no as "まだダメです 😭" does.
   */
  private static final Pattern DESPAIR =
      Pattern.compile("(?<![\\p{L}\\p{N}])(?:orz|\\(?T_T\\)?|\\(?;_;\\)?)(?![\\p{L}\\p{N}])");

  private static final Pattern EMOTICON =
      Pattern.compile(
          "(?<![\\p{IsLatin}\\p{N}])(\\([\\^][_o.\\-]?[\\^]\\)v?|[\\^][_\\-]?[\\^]v?|[:=]-?[)\\]D]|;-?\\)"
              + "|:'-?\\(|[:=]-?\\(|[:=]-?/(?!/)|<3)(?![\\p{IsLatin}\\p{N}])");

  /**
   * Chat strike-through, Slack's "~broken~" and Discord's "~~broken~~": words the person took back
   * while writing, so not part of what they say.
   */
  private static final Pattern STRUCK =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}~])(~~?)(?=\\S)[^~\\n]{1,200}(?<=\\S)\\1(?![\\p{L}\\p{N}~])");

  /** Chat code marks around words: "`stop`", "```yes```" — the words, without the marks. */
  private static final Pattern CODE =
      Pattern.compile("(`{1,3})(?=[^`\\s])[^`\\n]{1,200}?(?<=[^`\\s])\\1");

  /**
   * Marks where chat forms start in {@code original}: {@code chat[i]} what the form at {@code i}
   * folds to (an emoji, or nothing), {@code end[i]} where it ends.
   */
  private static void chatForms(String original, String[] chat, int[] end) {
    Matcher despair = DESPAIR.matcher(original);
    while (despair.find()) {
      mark(chat, end, despair.start(), despair.end(), "😭");
    }
    if (original.indexOf(':') < 0
        && original.indexOf('^') < 0
        && original.indexOf(';') < 0
        && original.indexOf('=') < 0
        && original.indexOf('<') < 0
        && original.indexOf('~') < 0
        && original.indexOf('`') < 0) {
      return;
    }
    Matcher m = SHORTCODE.matcher(original);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String emoji = name.startsWith("skin-tone-") ? "" : SHORTCODES.get(name);
      if (emoji != null) {
        mark(chat, end, m.start(), m.end(), emoji);
      }
    }
    m = EMOTICON.matcher(original);
    while (m.find()) {
      String e = m.group(1);
      String emoji =
          e.equals("<3")
              ? "❤"
              : e.startsWith(";") ? "😉" : e.endsWith("(") ? "🙁" : e.endsWith("/") ? "😕" : "🙂";
      mark(chat, end, m.start(), m.end(), emoji);
    }
    m = STRUCK.matcher(original);
    while (m.find()) {
      mark(chat, end, m.start(), m.end(), "");
    }
    m = CODE.matcher(original);
    while (m.find()) {
      int marks = m.group(1).length();
      mark(chat, end, m.start(), m.start() + marks, "");
      mark(chat, end, m.end() - marks, m.end(), "");
    }
  }

  /** A chat form from {@code start} to {@code stop}, unless it overlaps one already marked. */
  private static void mark(String[] chat, int[] end, int start, int stop, String as) {
    for (int i = start; i < stop; i++) {
      if (chat[i] != null || end[i] < 0) {
        return;
      }
    }
    chat[start] = as;
    end[start] = stop;
    for (int i = start + 1; i < stop; i++) {
      end[i] = -1; // inside a form already marked
    }
  }

  private static String fold(int cp) {
    if (cp == 0xFE0F || cp == 0x200D || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
      return ""; // emoji presentation, joiner, keycap (4️⃣), skin tones
    }
    if (cp == 0x2640 || cp == 0x2642) {
      return ""; // the gender of a person emoji ("🤷‍♂️", "🙅‍♀️"): the gesture is what it says
    }
    if (cp > 0x7F && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
      return String.valueOf(Character.digit(cp, 10)); // "٤", "४": a digit of another script
    }
    if (cp == '\u2019' || cp == '\u2018' || cp == '\u00B4' || cp == '`') {
      return "'";
    }
    if (cp == '\u00DF' || cp == '\u1E9E') {
      return "ss"; // "weiß" and "weiss", "Grüße" and "Grüsse" read alike
    }
    String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c >= '\u0300' && c <= '\u036F') {
        continue; // Latin accents: "não" and "nao" read alike
      }
      out.append(c);
    }
    // NFKD split kana with voicing marks: put them back together
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  int length() {
    return text.length();
  }

  /** The original text from folded position {@code at} on, stripped; null when nothing is left. */
  String originalFrom(int at) {
    if (at >= text.length()) {
      return null;
    }
    String rest = original.substring(from[at]).strip();
    return rest.isEmpty() ? null : rest;
  }

  /** The original text before folded position {@code at}, stripped; null when nothing is there. */
  String originalBefore(int at) {
    String before = original.substring(0, from[Math.min(at, text.length())]).strip();
    return before.isEmpty() ? null : before;
  }

  /** The original character folded into position {@code at}. */
  char originalAt(int at) {
    return original.charAt(from[at]);
  }

  /** Skips separators (space, punctuation, dashes) from {@code at}. */
  int skipSeparators(int at) {
    int i = at;
    while (i < text.length() && isSeparator(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isSeparator(char c) {
    return c == ' ' || ",.;:!?¡¿…-—–~〜)(、。！？・\"«»“”„'*_".indexOf(c) >= 0;
  }

  /**
   * The length of the longest phrase of {@code phrases} at {@code at}, or -1. A Latin phrase must
   * end at a word boundary; a Japanese one may run straight into more text.
   */
  int phraseAt(int at, List<String> phrases) {
    for (String p : phrases) {
      if (text.startsWith(p, at) && boundaryAfter(at + p.length(), p)) {
        return p.length();
      }
    }
    return -1;
  }

  private boolean boundaryAfter(int end, String phrase) {
    if (end >= text.length()) {
      return true;
    }
    char last = phrase.charAt(phrase.length() - 1);
    if (!Character.isLetterOrDigit(last)) {
      return true;
    }
    if (isCjk(last)) {
      return true;
    }
    char next = text.charAt(end);
    // Japanese runs its particles straight on: "okです", "5です"
    return isCjk(next) || !Character.isLetterOrDigit(next) && next != '\'';
  }

  static boolean isCjk(char c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  /** The first run of Latin letters at {@code at} (for the repeated-letter retry), or "". */
  String wordAt(int at) {
    int i = at;
    while (i < text.length()
        && Character.isLetter(text.charAt(i))
        && !isCjk(text.charAt(i))
        && text.charAt(i) != '\'') {
      i++;
    }
    return text.substring(at, i);
  }
}
