package dev.closeloop.survey;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed replies: "4", "4/5", "four", "3 - still can't print", 👍 / 👎, yes / no, "stop".
 * Anything else is free text. Pure and total: never throws, whatever the input.
 */
public final class AnswerParser {
  /** Longest reply kept; longer text is cut (chat platforms cap messages anyway). */
  public static final int MAX_TEXT = 4000;

  private static final Pattern RATING =
      Pattern.compile(
          "^([1-5])(?:\\s*(?:/|out of|of|sur|von|de)\\s*5)?(?:\\s*(?:stars?|sterne?|étoiles?|estrellas?))?"
              + "\\s*(?:[-—–:,.;!)]+(?!\\d)\\s*(.*))?$",
          Pattern.DOTALL);

  /**
   * The score and separator in front of a comment, as {@link #RATING} reads them, on the original
   * text.
   */
  private static final Pattern SCORE_PREFIX =
      Pattern.compile(
          "^[1-5](?:\\s*(?:/|out of|of|sur|von|de)\\s*5)?(?:\\s*(?:stars?|sterne?|étoiles?|estrellas?))?"
              + "\\s*[-—–:,.;!)]*\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("eins", 1),
          Map.entry("zwei", 2),
          Map.entry("drei", 3),
          Map.entry("vier", 4),
          Map.entry("fünf", 5),
          Map.entry("un", 1),
          Map.entry("une", 1),
          Map.entry("deux", 2),
          Map.entry("trois", 3),
          Map.entry("quatre", 4),
          Map.entry("cinq", 5),
          Map.entry("uno", 1),
          Map.entry("dos", 2),
          Map.entry("tres", 3),
          Map.entry("cuatro", 4),
          Map.entry("cinco", 5));
  private static final Set<String> THUMBS_UP =
      Set.of(
          "👍",
          ":+1:",
          ":thumbsup:",
          "(y)",
          "fixed",
          "it's fixed",
          "its fixed",
          "resolved",
          "works now");
  private static final Set<String> THUMBS_DOWN =
      Set.of("👎", ":-1:", ":thumbsdown:", "(n)", "not fixed", "still broken", "not resolved");
  private static final Set<String> YES =
      Set.of("yes", "y", "yep", "yeah", "yes please", "sure", "ja", "oui", "sí", "si");
  private static final Set<String> NO =
      Set.of(
          "no",
          "n",
          "nope",
          "no thanks",
          "no thank you",
          "no, that's all",
          "no that's all",
          "that's all",
          "thats all",
          "nothing",
          "nothing else",
          "all good",
          "nein",
          "non");
  private static final Set<String> STOP =
      Set.of(
          "stop",
          "stop asking",
          "stop asking me",
          "unsubscribe",
          "opt out",
          "optout",
          "opt-out",
          "/closeloop optout");
  private static final Set<String> OPT_IN =
      Set.of("optin", "opt in", "opt-in", "/closeloop optin", "start");

  private AnswerParser() {}

  public static ParsedAnswer parse(String raw) {
    if (raw == null) {
      return new ParsedAnswer.Empty();
    }
    String text = clean(raw);
    if (text.isEmpty()) {
      return new ParsedAnswer.Empty();
    }
    String key = text.toLowerCase(Locale.ROOT).replaceAll("[\\s.!]+$", "").replaceAll("\\s+", " ");
    String bare = stripSkinTones(key);
    if (STOP.contains(key)) {
      return new ParsedAnswer.Stop();
    }
    if (OPT_IN.contains(key)) {
      return new ParsedAnswer.OptIn();
    }
    if (THUMBS_UP.contains(bare)) {
      return new ParsedAnswer.Fixed(true);
    }
    if (THUMBS_DOWN.contains(bare)) {
      return new ParsedAnswer.Fixed(false);
    }
    Integer word = WORDS.get(key);
    if (word != null) {
      return new ParsedAnswer.Rating(word, null);
    }
    Matcher m = RATING.matcher(key);
    if (m.matches()) {
      String comment = m.group(2) == null || m.group(2).isBlank() ? null : commentPart(text);
      return new ParsedAnswer.Rating(Integer.parseInt(m.group(1)), comment);
    }
    if (YES.contains(key)) {
      return new ParsedAnswer.Yes();
    }
    if (NO.contains(key)) {
      return new ParsedAnswer.No();
    }
    return new ParsedAnswer.FreeText(text);
  }

  /**
   * The original-case text after the leading score and its separator (the comment keeps its own
   * punctuation).
   */
  private static String commentPart(String text) {
    Matcher m = SCORE_PREFIX.matcher(text);
    String rest = m.find() ? text.substring(m.end()) : text;
    rest = rest.strip();
    return rest.isEmpty() ? null : rest;
  }

  /** NFC, control characters removed (newlines and tabs kept as spaces), trimmed, length-capped. */
  public static String clean(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_TEXT));
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n' || cp == '\t' || cp == '\r') {
                out.append(cp == '\n' ? '\n' : ' ');
              } else if (!Character.isISOControl(cp)
                  && Character.getType(cp) != Character.FORMAT
                  && Character.getType(cp) != Character.UNASSIGNED
                  && Character.getType(cp) != Character.SURROGATE) {
                out.appendCodePoint(cp);
              }
            });
    String result = out.toString().strip();
    if (result.length() > MAX_TEXT) {
      int end = MAX_TEXT;
      if (Character.isHighSurrogate(result.charAt(end - 1))) {
        end--;
      }
      result = result.substring(0, end);
    }
    return result;
  }

  private static String stripSkinTones(String s) {
    return s.replaceAll("[\\x{1F3FB}-\\x{1F3FF}\\x{FE0F}]", "");
  }
}
