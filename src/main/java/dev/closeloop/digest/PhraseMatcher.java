package dev.closeloop.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of phrases compiled into one pattern, matched whole-word and case-insensitively against
 * {@link CommentText#plain plain} text. Words are separated by any punctuation or space, so "great,
 * now it's broken" matches the phrase "great now it s broken". Two wildcards:
 *
 * <ul>
 *   <li>{@code *} alone stands for up to three words: "still * not work*" matches "still not
 *       working" and "still does not work"; at either end it takes up to three neighbouring words
 *       with the match ("* at first but" removes "I was frustrated at first but");
 *   <li>{@code word*} matches any word starting with "word": "frustrat*".
 * </ul>
 *
 * For a language written without spaces (Japanese), {@link #ofUnspaced} matches phrases anywhere in
 * the text, and {@code *} stands for up to {@value #MAX_GAP_CHARS} characters of one clause:
 * "直っ*ない" matches "直ってない" and "直っていない".
 */
final class PhraseMatcher {
  static final int MAX_GAP_WORDS = 3;
  static final int MAX_GAP_CHARS = 6;

  private static final String WORD = "[\\p{L}\\p{N}]";
  private static final String SEPARATOR = "[^\\p{L}\\p{N}]+";
  private static final String GAP = "(?:" + SEPARATOR + WORD + "+){0," + MAX_GAP_WORDS + "}";
  private static final String LEADING_GAP =
      "(?:" + WORD + "+" + SEPARATOR + "){0," + MAX_GAP_WORDS + "}";
  private static final Pattern PHRASE_SPLIT = Pattern.compile("[^\\p{L}\\p{N}*]+");
  private static final Pattern MATCHES_NOTHING = Pattern.compile("(?!)");
  private static final String CLAUSE_CHAR = "[^\\p{P}\\s]";

  private final Pattern pattern;
  private final int size;

  private PhraseMatcher(Pattern pattern, int size) {
    this.pattern = pattern;
    this.size = size;
  }

  /**
   * @param phrases already in plain form
   * @throws IllegalArgumentException naming the first phrase that has no word in it
   */
  static PhraseMatcher of(List<String> phrases) {
    List<String> regexes = new ArrayList<>();
    for (String phrase : phrases) {
      regexes.add(toRegex(phrase));
    }
    if (regexes.isEmpty()) {
      return new PhraseMatcher(MATCHES_NOTHING, 0);
    }
    // Longest first, so that masking removes "not bad at all" rather than just "not bad".
    regexes.sort(Comparator.comparingInt(String::length).reversed());
    String alternatives = String.join("|", regexes);
    Pattern pattern =
        Pattern.compile(
            "(?<!" + WORD + ")(?:" + alternatives + ")(?!" + WORD + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return new PhraseMatcher(pattern, regexes.size());
  }

  /**
   * Phrases of a language written without spaces, matched anywhere in the text.
   *
   * @param phrases already in plain form
   * @throws IllegalArgumentException naming the first phrase that has nothing but {@code *}
   */
  static PhraseMatcher ofUnspaced(List<String> phrases) {
    List<String> regexes = new ArrayList<>();
    for (String phrase : phrases) {
      List<String> parts = new ArrayList<>();
      for (String part : phrase.strip().split("\\*")) {
        if (!part.isBlank()) {
          parts.add(Pattern.quote(part.strip()));
        }
      }
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("phrase has no word in it: \"" + phrase + "\"");
      }
      regexes.add(String.join(CLAUSE_CHAR + "{0," + MAX_GAP_CHARS + "}", parts));
    }
    if (regexes.isEmpty()) {
      return new PhraseMatcher(MATCHES_NOTHING, 0);
    }
    regexes.sort(Comparator.comparingInt(String::length).reversed());
    Pattern pattern =
        Pattern.compile(String.join("|", regexes), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return new PhraseMatcher(pattern, regexes.size());
  }

  boolean foundIn(String plainText) {
    return pattern.matcher(plainText).find();
  }

  /** The text with every match replaced by a comma, so neighbouring words stay apart. */
  String removeFrom(String plainText) {
    return pattern.matcher(plainText).replaceAll(" , ");
  }

  int size() {
    return size;
  }

  private static String toRegex(String phrase) {
    List<String> parts = new ArrayList<>();
    for (String token : PHRASE_SPLIT.split(phrase.strip())) {
      if (!token.isEmpty()) {
        parts.add(token);
      }
    }
    if (parts.stream().allMatch(p -> p.replace("*", "").isEmpty())) {
      throw new IllegalArgumentException("phrase has no word in it: \"" + phrase + "\"");
    }
    StringBuilder regex = new StringBuilder();
    boolean words = false;
    boolean gapBefore = false;
    for (String part : parts) {
      if (part.equals("*")) {
        gapBefore = true;
        continue;
      }
      if (words) {
        regex.append(gapBefore ? GAP : "").append(SEPARATOR);
      } else if (gapBefore) {
        regex.append(LEADING_GAP);
      }
      regex.append(word(part));
      words = true;
      gapBefore = false;
    }
    return gapBefore ? regex.append(GAP).toString() : regex.toString();
  }

  private static String word(String token) {
    boolean prefix = token.endsWith("*");
    String stem = token.replace("*", "");
    return Pattern.quote(stem) + (prefix ? WORD + "*" : "");
  }
}
