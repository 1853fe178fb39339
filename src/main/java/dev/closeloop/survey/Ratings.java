package dev.closeloop.survey;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a score from typed text in the six languages: "4", "4/5", "four stars", "★★★★☆", "星4つ",
 * "5点中4点", with whatever follows it kept as the comment. Part of {@link AnswerParser}.
 */
final class Ratings {
  private static final String NUMBER_WORDS = String.join("|", Lexicon.NUMBERS.keySet());
  private static final String SCORE = "([1-5]|" + NUMBER_WORDS + ")";
  private static final String OUT_OF =
      "(?:\\s*(?:/|out of|of|von|aus|sur|de|em|auf)\\s*(?:5|five|funf|fuenf|cinq|cinco))";
  private static final String UNIT =
      "(?:\\s*(?:stars?|sterne?|etoiles?|estrellas?|estrelas?|points?|punkte?|puntos?|pontos?"
          + "|pts?|点です|点|つ星|つ|です))";
  private static final String SEPARATOR = "[-—–:,.;!)~、。！]";

  /** "4", "4/5", "four stars", "4 – slow but fine": a score and maybe a comment after it. */
  private static final Pattern RATING =
      Pattern.compile(
          "^" + SCORE + OUT_OF + "?" + UNIT + "?\\s*(?:" + SEPARATOR + "+(?!\\d)\\s*(.*))?$",
          Pattern.DOTALL);

  /** "3/5 meh", "2 stars slow": a scale or unit makes the score plain without a separator. */
  private static final Pattern RATING_SCALED =
      Pattern.compile(
          "^"
              + SCORE
              + "(?:"
              + OUT_OF
              + UNIT
              + "?|"
              + UNIT
              + ")\\s*(?:"
              + SEPARATOR
              + "*\\s*(.*))?$",
          Pattern.DOTALL);

  /** Japanese orders: "星4つ", "★4", "5点中4点". */
  private static final Pattern RATING_JA =
      Pattern.compile(
          "^(?:星|★|⭐|5点中|5つ星中)\\s*" + SCORE + "\\s*(?:つ|点|つ星)?\\s*(?:" + SEPARATOR + "+\\s*(.*))?$",
          Pattern.DOTALL);

  /** Stars only: ★★★★☆, ⭐⭐⭐⭐. */
  private static final Pattern STARS = Pattern.compile("^([★⭐]{1,5})[☆\\s]*$");

  /** A number that is not a score: "0", "7", "10/10", "4.5", "4,5". */
  private static final Pattern NUMBER =
      Pattern.compile("^\\d+(?:[.,]\\d+)?(?:\\s*/\\s*\\d+)?" + UNIT + "?$");

  private Ratings() {}

  /** A number that is not a score ("0", "7", "10/10", "4.5"): unclear rather than free text. */
  static boolean notAScore(String core) {
    return NUMBER.matcher(core).matches();
  }

  /** The rating in this text, or null when it holds none. */
  static ParsedAnswer read(Folded f) {
    Matcher stars = STARS.matcher(f.text);
    if (stars.matches()) {
      return new ParsedAnswer.Rating(
          stars.group(1).codePointCount(0, stars.group(1).length()), null);
    }
    String plain = withoutTrailingSymbols(f.text);
    for (Pattern p : List.of(RATING, RATING_JA, RATING_SCALED)) {
      Matcher m = p.matcher(f.text);
      if (!m.matches()) {
        m = p.matcher(plain);
        if (!m.matches()) {
          continue;
        }
      }
      // a score keeps whatever follows it, praise included ("5 – great"): it is the comment
      String comment =
          m.group(2) == null || m.group(2).isBlank() ? null : f.originalFrom(m.start(2));
      return new ParsedAnswer.Rating(score(m.group(1)), comment);
    }
    return null;
  }

  private static int score(String token) {
    Integer word = Lexicon.NUMBERS.get(token);
    return word != null ? word : token.charAt(0) - '0';
  }

  /** "4/5 ⭐🙂" → "4/5": emoji after a score say nothing more. */
  private static String withoutTrailingSymbols(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      int type = Character.getType(cp);
      if (type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL || cp == ' ') {
        end -= Character.charCount(cp);
      } else {
        break;
      }
    }
    return s.substring(0, end);
  }
}
