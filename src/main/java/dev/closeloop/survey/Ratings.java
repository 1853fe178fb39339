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
      "(?:\\s*(?:stars?|sternen|sterne?|etoiles?|estrellas?|estrelas?|points?|punkten|punkte?"
          + "|puntos?|pontos?|pts?|点です|点で|点|つ星|つ|です|で|\\*|⭐|★|🌟)(?![a-z]))";
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
          "^(?:星|★|⭐|[5五]点満点中|[5五]点満点で|[5五]点中|[5五]つ星中|[5五]段階評価で|[5五]段階で|[5五]段階中)\\s*"
              + SCORE
              + "\\s*(?:つ|点|つ星)?(?:です)?\\s*(?:"
              + SEPARATOR
              + "+\\s*(.*))?$",
          Pattern.DOTALL);

  /**
   * A score out of ten ("8/10", "10/10 great", "8 out of 10", "8 sur 10", "10点中8点", "10段階で8"): an
   * even one is half of it on the 1–5 scale; an odd one ("7/10") falls between two and is asked
   * again.
   */
  private static final Pattern OUT_OF_TEN =
      Pattern.compile(
          "^(?:(10|[2468]|"
              + String.join("|", Lexicon.EVEN_TENTHS.keySet())
              + ")\\s*(?:/|out of|von|sur|de|em|auf)\\s*(?:10|ten|zehn|dix|diez|dez)"
              + UNIT
              + "?|(?:10点満点中|10点満点で|10点中|10段階で|10段階中)\\s*(10|[2468])\\s*(?:点)?(?:です)?)"
              + "\\s*(?:"
              + SEPARATOR
              + "*\\s*(.*))?$",
          Pattern.DOTALL);

  /** Markup and quotes a score may be wrapped in (folded: a backtick is an apostrophe). */
  private static final String WRAP = "*_~'\"«»“”„()[]|";

  /** Stars only: ★★★★☆, ⭐⭐⭐⭐. */
  private static final Pattern STARS = Pattern.compile("^((?:★|⭐|🌟){1,5})[☆\\s]*$");

  /** Stars, then words: "★★★★ (one off for the wait)", "⭐⭐ muy lento". */
  private static final Pattern STARS_THEN_WORDS =
      Pattern.compile(
          "^((?:★|⭐|🌟){1,5})[☆\\s]*" + SEPARATOR + "*\\s*([\\p{L}(].*)$", Pattern.DOTALL);

  /**
   * Words before a score: "rating 4", "I'd give it a 4", "a solid 4", "okay 4", "ne glatte 5", "ich
   * gebe eine 5", "Note 4", "je mets 4", "le doy un 5", "dou nota 4", "dou-lhe um 4", "評価は4です".
   * Articles alone ("a 4", "eine 4", "un 4") only before a bare score.
   */
  private static final Pattern LEAD_IN =
      Pattern.compile(
          "^(?:(?<words>my rating is|my rating|rating|rate|score"
              + "|(?:i'?d |i )?give (?:it|you|them) an?|(?:i'?d |i )?give (?:it|you|them)"
              + "|i'?d say an?|i'?d say|(?:an? )?(?:solid|strong|easy|clear|fair|okay|ok),?"
              + "|(?:not bad|not too bad|pas mal|pas trop mal|nicht schlecht|gar nicht schlecht"
              + "|nada mal|no esta mal|nao foi mal|nao esta mal|nada mau|nao foi mau|nao esta mau),?"
              + "|(?:ne |eine )?(?:glatte|klare|satte|solide)"
              + "|ich gebe (?:euch |dir |ihnen )?eine"
              + "|(?:ich )?geb(?:e)? (?:euch |dir |ihnen )?(?:eine|ne)|ich gebe|geb(?:e)?"
              + "|bewertung|(?:meine |ma )?note|(?:je )?(?:mets|donne)(?: une?)?"
              + "|(?:le |les )?(?:doy|pongo)(?: una?)?|calificacion|puntuacion|(?:eu )?dou(?:-lhe|-te|-vos| lhe)?(?: (?:nota|uma?))?"
              + "|nota|評価は|評価|満足度は|満足度)"
              + "|(?<article>an?|eine|ne|nen|une?|una?|uma?))\\s*[:：]?\\s*");

  /**
   * A digit score at the start with more after it ("5 thanks"): the caller judges the rest. Number
   * words are left out: "très bien" and "um bom atendimento" are not scores.
   */
  private static final Pattern LEADING_SCORE =
      Pattern.compile("^([1-5])" + OUT_OF + "?" + UNIT + "?\\s*(?=\\S)");

  /**
   * The top score named in words ("full marks", "volle Punktzahl", "note maximale", "nota máxima",
   * "満点です"): a 5, whatever follows it the comment.
   */
  private static final Pattern TOP_SCORE =
      Pattern.compile(
          "^(?:full marks|top marks|full points|volle punktzahl|volle punkte|la note maximale"
              + "|note maximale|la nota maxima|nota maxima|nota maxima|満点"
              // the top mark of the scale people were marked on at school: German "eine Eins mit
              // Sternchen", French 20/20, Spanish and Portuguese 10, Japanese 100 points
              + "|(?:ne |eine |'ne )?eins mit sternchen|(?:ne |eine )?1 mit sternchen"
              + "|vingt sur vingt|20 sur 20|20/20|(?:le doy |le pongo |le daria )?un (?:10|diez)"
              + "|(?:dou |daria )?(?:uma )?nota (?:10|dez)|100点満点|100点|百点満点|百点|100/100)"
              + "(?:です|で)?\\s*(?:"
              + SEPARATOR
              + "+\\s*(.*))?$",
          Pattern.DOTALL);

  /**
   * A score out of twenty, as French schools mark ("16/20", "16 sur 20", "12 sur 20"): a multiple
   * of four is a fifth of it on the 1–5 scale; any other falls between two and is asked again.
   */
  private static final Pattern OUT_OF_TWENTY =
      Pattern.compile("^(4|8|12|16|20)\\s*(?:/|sur|de|out of|von|auf)\\s*20[\\s!.]*$");

  /**
   * Japanese kana for a score, with its 点 or alone as the whole reply ("よんてん", "ごてんです", "よん",
   * "さんです"): the score.
   */
  private static final Pattern KANA_SCORE =
      Pattern.compile("^(いち|に|さん|よん|ご)(?:てん|点)?(?:です)?[\\s!！。]*$");

  private static final List<String> KANA_NUMBERS = List.of("いち", "に", "さん", "よん", "ご");

  /** An odd score out of ten in words ("seven out of ten"): between two scores, asked again. */
  private static final Pattern ODD_TENTHS_IN_WORDS =
      Pattern.compile(
          "^(?:one|three|five|seven|nine|eins|drei|funf|fuenf|sieben|neun|un|trois|cinq|sept|neuf"
              + "|uno|tres|cinco|siete|nueve|um|tres|cinco|sete|nove)"
              + "\\s*(?:out of|von|sur|de|em|auf)\\s*(?:10|ten|zehn|dix|diez|dez)[\\s!.]*$");

  /** A number that is not a score: "0", "7", "10/10", "4.5", "4,5". */
  private static final Pattern NUMBER =
      Pattern.compile("^\\d+(?:[.,]\\d+)?(?:\\s*/\\s*\\d+)?" + UNIT + "?$");

  /** A score after a hedge ("maybe 3", "yo diría un 4"), before a possible hedge after it. */
  private static final Pattern HEDGED =
      Pattern.compile(
          "(?:(?:an?|eine?|une?|una?|uma?|que|ne|nen)\\s+)?"
              + SCORE
              + OUT_OF
              + "?"
              + UNIT
              + "?\\s*"
              + SEPARATOR
              + "*\\s*");

  private Ratings() {}

  /**
   * A score with a hedge before or after it and nothing else but thanks: "maybe 3", "4 i guess",
   * "3ish", "eher so 3", "je dirais 4", "4 creo", "acho que 3", "3かな", "たぶん4"; null otherwise.
   * {@code end} says where the thanks after it run to (the caller's reading of acks).
   */
  static ParsedAnswer.Rating hedged(Folded f, java.util.function.IntUnaryOperator end) {
    int at = 0;
    boolean hedge = false;
    int before = f.phraseAt(0, Lexicon.HEDGE_BEFORE);
    if (before > 0) {
      at = f.skipSeparators(before);
      hedge = true;
    }
    Matcher lead = LEAD_IN.matcher(f.text).region(at, f.length());
    if (lead.lookingAt() && lead.group("words") != null) {
      at = lead.end(); // "nota 2 tipo", "rating 4 i guess"
    }
    Matcher m = HEDGED.matcher(f.text).region(at, f.length());
    if (!m.lookingAt()) {
      return null;
    }
    int rest = m.end();
    if (rest < f.length()) {
      int after = f.phraseAt(rest, Lexicon.HEDGE_AFTER);
      if (after <= 0) {
        // "eher so 2, musste dreimal nachfragen", "maybe 3 – took a while": hedged, then a reason
        // set off by a separator (not "like 3 people", a count)
        return before > 0 && separatedReason(f, m.start(1), rest)
            ? new ParsedAnswer.Rating(score(m.group(1)), f.originalFrom(rest))
            : null;
      }
      hedge = true;
      rest += after;
    }
    return hedge && end.applyAsInt(rest) >= f.length()
        ? new ParsedAnswer.Rating(score(m.group(1)), null)
        : null;
  }

  /**
   * Between the score at {@code score} and the words at {@code rest}, a separator other than a
   * space ("2, musste", "3 – took"), and those words count nothing.
   */
  private static boolean separatedReason(Folded f, int score, int rest) {
    boolean separated = false;
    for (int i = score; i < rest; i++) {
      char c = f.text.charAt(i);
      separated |= c != ' ' && Folded.isSeparator(c);
    }
    return separated && f.phraseAt(rest, Lexicon.COUNTED) < 0;
  }

  /**
   * Between two scores, and nothing more: a range ("3-4", "so 3-4", "3 or 4", "entre 3 e 4",
   * "zwischen 3 und 4", "3か4") or a half ("three and a half", "tres y medio", "trois et demi",
   * "três e meio"). Neither is a score of the scale: asked again, never one of the two.
   */
  private static final Pattern BETWEEN =
      Pattern.compile(
          "^(?:so|about|around|like|maybe|between|eher|etwa|zwischen|ca|entre|environ|tipo|como)?"
              + "\\s*(?:([1-5]|"
              + NUMBER_WORDS
              + ")\\s*(?:-|–|—|~|〜|to|or|bis|oder|a|ou|o|y|e|et|und|and|か)\\s*([1-5]|"
              + NUMBER_WORDS
              + ")|([1-5]|"
              + NUMBER_WORDS
              + ")\\s*(?:and a half|y medio|e meio|et demi|und ein halb|[.,]5|½))"
              + "\\s*(?:stars?|sterne|etoiles|estrellas|estrelas|points?|punkte|puntos|pontos|点)?"
              + "[\\s!.]*$");

  static boolean between(String core) {
    Matcher m = BETWEEN.matcher(core);
    if (!m.matches()) {
      return false;
    }
    return m.group(3) != null || score(m.group(1)) != score(m.group(2));
  }

  /** A number that is not a score ("0", "7", "10/10", "4.5"): unclear rather than free text. */
  static boolean notAScore(String core) {
    return NUMBER.matcher(core).matches() || ODD_TENTHS_IN_WORDS.matcher(core).matches();
  }

  /** The rating in this text, or null when it holds none. */
  static ParsedAnswer.Rating read(Folded f) {
    ParsedAnswer.Rating plain = read(f, 0, f.length());
    if (plain != null) {
      return plain;
    }
    int from = 0;
    int to = f.length();
    while (from < to && WRAP.indexOf(f.text.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && WRAP.indexOf(f.text.charAt(to - 1)) >= 0) {
      to--;
    }
    if ((from > 0 || to < f.length()) && from < to) {
      ParsedAnswer.Rating wrapped = read(f, from, to); // "*4*", "`5`", "(4)", "\"4\""
      if (wrapped != null) {
        return wrapped;
      }
    }
    Matcher lead = LEAD_IN.matcher(f.text);
    if (!lead.lookingAt() || lead.end() >= f.length()) {
      return null;
    }
    ParsedAnswer.Rating after = read(f, lead.end(), f.length());
    // an article alone: a bare score ("un 4"), or one a comma or full stop ends ("un 4, tardaron
    // un poco") — not "a 5-minute fix"
    boolean articleOnly = lead.group("words") == null;
    return after != null && (!articleOnly || after.comment() == null || endsAtStop(f, lead.end()))
        ? after
        : null;
  }

  /** Where the words after a leading article alone ("a", "eine", "un", "um") start, else -1. */
  static int afterArticle(Folded f) {
    Matcher lead = LEAD_IN.matcher(f.text);
    return lead.lookingAt() && lead.group("article") != null && lead.end() < f.length()
        ? lead.end()
        : -1;
  }

  /** The score at {@code at} is followed (after spaces) by a comma or a full stop. */
  private static boolean endsAtStop(Folded f, int at) {
    int i = at;
    while (i < f.length() && Character.isLetterOrDigit(f.text.charAt(i))) {
      i++;
    }
    while (i < f.length() && f.text.charAt(i) == ' ') {
      i++;
    }
    return i < f.length() && ",.;、。".indexOf(f.text.charAt(i)) >= 0;
  }

  /**
   * A score at the start followed by more text without a separator ("5 thanks"): where that text
   * starts, and the score; null when the text does not start so.
   */
  static int[] leadingScore(Folded f) {
    Matcher m = LEADING_SCORE.matcher(f.text);
    return m.lookingAt() ? new int[] {score(m.group(1)), m.end()} : null;
  }

  /** The rating in the text from {@code from} to {@code to}. */
  private static ParsedAnswer.Rating read(Folded f, int from, int to) {
    Matcher stars = STARS.matcher(f.text).region(from, to);
    if (stars.matches()) {
      return new ParsedAnswer.Rating(
          stars.group(1).codePointCount(0, stars.group(1).length()), null);
    }
    Matcher starsThen = STARS_THEN_WORDS.matcher(f.text).region(from, to);
    if (starsThen.matches()) {
      // the words after the stars are the comment, as after a digit score
      return new ParsedAnswer.Rating(
          starsThen.group(1).codePointCount(0, starsThen.group(1).length()),
          f.originalFrom(starsThen.start(2)));
    }
    String plain = withoutTrailingSymbols(f.text.substring(0, to));
    Matcher top = TOP_SCORE.matcher(f.text).region(from, to);
    if (top.matches()) {
      boolean words = top.group(1) != null && !top.group(1).isBlank();
      return new ParsedAnswer.Rating(5, words ? f.originalFrom(top.start(1)) : null);
    }
    Matcher twenty = OUT_OF_TWENTY.matcher(f.text).region(from, to);
    if (twenty.matches()) {
      return new ParsedAnswer.Rating(Integer.parseInt(twenty.group(1)) / 4, null);
    }
    Matcher kana = KANA_SCORE.matcher(f.text).region(from, to);
    if (kana.matches()) {
      return new ParsedAnswer.Rating(KANA_NUMBERS.indexOf(kana.group(1)) + 1, null);
    }
    ParsedAnswer.Rating outOfTen = outOfTen(f, from, to, plain);
    if (outOfTen != null) {
      return outOfTen;
    }
    for (Pattern p : List.of(RATING, RATING_JA, RATING_SCALED)) {
      Matcher m = p.matcher(f.text).region(from, to);
      if (!m.matches()) {
        m = p.matcher(plain).region(Math.min(from, plain.length()), plain.length());
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

  /**
   * "8/10", "10/10 would do again", "8 sur 10, rapide": the score halved, whatever follows as the
   * comment — unless the number counts something ("2 de 10 personas", "4/10 users").
   */
  private static ParsedAnswer.Rating outOfTen(Folded f, int from, int to, String plain) {
    Matcher m = OUT_OF_TEN.matcher(f.text).region(from, to);
    if (!m.matches()) {
      m = OUT_OF_TEN.matcher(plain).region(Math.min(from, plain.length()), plain.length());
      if (!m.matches()) {
        return null;
      }
    }
    String tenths = m.group(1) != null ? m.group(1) : m.group(2);
    Integer inWords = Lexicon.EVEN_TENTHS.get(tenths); // "eight out of ten", "dix sur dix"
    boolean words = m.group(3) != null && !m.group(3).isBlank();
    if (words && f.phraseAt(m.start(3), Lexicon.COUNTED) > 0) {
      return null;
    }
    return new ParsedAnswer.Rating(
        (inWords != null ? inWords : Integer.parseInt(tenths)) / 2,
        words ? f.originalFrom(m.start(3)) : null);
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
