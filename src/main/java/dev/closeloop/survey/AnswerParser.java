package dev.closeloop.survey;

import dev.closeloop.language.Texts;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads typed replies in English, German, French, Spanish, Portuguese and Japanese: scores ("4",
 * "４", "4/5", "4 stars", "vier", "quatre", "四", "星4つ", "⭐⭐⭐⭐"), fixed or not (👍 / 👎, "geht
 * wieder", "no funciona"), a leading yes or no ("nope, all good thanks", "nein, passt alles", "い
 * いえ"), thanks and closings ("merci !", "以上です"), "stop". Anything else is free text. What a reading
 * means depends on the open question; {@link SurveyFlow} decides that. Pure and total: never
 * throws, whatever the input.
 */
public final class AnswerParser {
  /** Longest reply kept; longer text is cut (chat platforms cap messages anyway). */
  public static final int MAX_TEXT = 4000;

  private AnswerParser() {}

  /**
   * The readings of one reply's parts, kept while the reply is read: the readers call {@link
   * #parse} and {@link #read} again on what follows a correction, an opener, a sentence end…, and a
   * reply that repeats such a pattern ("no wait, yes, no wait, yes, …") read the same parts again
   * and again — seven repeats took 15 s, each more five times as long. Each part is read once now.
   */
  private static final ThreadLocal<java.util.Map<String, ParsedAnswer>> READ = new ThreadLocal<>();

  public static ParsedAnswer parse(String raw) {
    if (raw == null) {
      return new ParsedAnswer.Empty();
    }
    return once('p', raw, AnswerParser::parseOnce);
  }

  /** {@code reading} of {@code text}, read once per reply (keyed by kind and retyping). */
  private static ParsedAnswer once(
      char kind, String text, java.util.function.Function<String, ParsedAnswer> reading) {
    java.util.Map<String, ParsedAnswer> known = READ.get();
    boolean outermost = known == null;
    if (outermost) {
      known = new java.util.HashMap<>();
      READ.set(known);
    }
    try {
      String key = kind + (RETYPING.get() ? "1" : "0") + text;
      ParsedAnswer answer = known.get(key);
      if (answer == null) {
        answer = reading.apply(text);
        known.put(key, answer);
      }
      return answer;
    } finally {
      if (outermost) {
        READ.remove();
      }
    }
  }

  /**
   * Longer replies are read as free text (a comment, or at "anything else?" a request), without
   * looking for an answer in them: an answer is a few words, a story is the comment, and reading a
   * long reply for answers costs time that grows with the square of its length (a 4,000-character
   * reply of repeated corrections took 9 s; one of 500 characters takes at most a quarter second).
   */
  static final int LONG_REPLY = 500;

  private static ParsedAnswer parseOnce(String raw) {
    String text = clean(raw);
    if (text.isEmpty()) {
      return new ParsedAnswer.Empty();
    }
    String answered = afterMentionOrQuote(text);
    if (answered != null) {
      // "@Closeloop yes fixed", "> Did we fix it? yes", "<@U024BE7LH> 4": the answer after it;
      // words
      // that answer nothing ("<!channel> <@U123|alex> look at this") are kept whole, mentions and
      // all
      ParsedAnswer answer = parse(answered);
      if (!(answer instanceof ParsedAnswer.FreeText
          || answer instanceof ParsedAnswer.Unclear
          || answer instanceof ParsedAnswer.Empty)) {
        return answer;
      }
    }
    ParsedAnswer afterEcho = afterAskedBack(text);
    if (afterEcho != null) {
      return afterEcho; // "did we fix it? yes", "how did we do? 4", "解決しましたか？はい"
    }
    if (text.length() > LONG_REPLY) {
      Folded f = Folded.of(text);
      boolean asks = asks(f);
      return new ParsedAnswer.FreeText(text, asks, !asks && praises(f));
    }
    ParsedAnswer read = read(text);
    java.util.regex.Matcher ime = IME_LEFTOVER.matcher(text);
    if (read instanceof ParsedAnswer.FreeText && ime.matches()) {
      // "なおってないでs": the "す" still in romaji when it was sent ("s" is its first letter)
      for (String kana : List.of(ime.group(1) + "す", ime.group(1))) {
        ParsedAnswer answer = withoutWords(read(kana), text);
        if (answer != null) {
          return answer;
        }
      }
    }
    if (read instanceof ParsedAnswer.FreeText ft && !ft.asks() && !ft.unsure()) {
      ParsedAnswer opened = afterOpener(text);
      if (opened != null) {
        return opened; // "bof, pas vraiment", "naja, nein", "hmm, no", "pues no"
      }
      ParsedAnswer afterSorry = afterApologySentence(text);
      if (afterSorry != null) {
        return afterSorry; // "sorry for the slow reply, was off sick. yes it works"
      }
      if (afterStory(text)) {
        // "I restarted like you said, waited for the update, and now everything works": fixed, the
        // story kept as the comment (what a story holds is the person's to say: "I called twice and
        // waited an hour and now it works" is a complaint in the same shape)
        return new ParsedAnswer.Fixed(true, text, text);
      }
    }
    if (read instanceof ParsedAnswer.FreeText
        || read instanceof ParsedAnswer.Yes y && y.rest() != null
        || read instanceof ParsedAnswer.Fixed fx && fx.comment() != null) {
      ParsedAnswer signed = withoutNameAfterThanks(text);
      if (signed != null) {
        return signed; // "yes it works, thanks Dave!", "fixed. Kind regards, Margaret"
      }
    }
    if (!(read instanceof ParsedAnswer.Empty)
        && withoutWords(read, text) == null
        && !RETYPING.get()) {
      RETYPING.set(true);
      try {
        ParsedAnswer retyped = withoutTypos(text);
        if (retyped != null) {
          return retyped; // "stil not wokring", "funktionert wieder", "ya funsiona grasias"
        }
      } finally {
        RETYPING.set(false);
      }
    }
    if (!(read instanceof ParsedAnswer.Empty)
        && withoutWords(read, text) == null
        && UMLAUT_TYPED.matcher(text).find()) {
      // "tschüss" typed "tschuess", "läuft" "laeuft", "gelöst" "geloest": read with the vowel the
      // lexicon knows, when that reading carries no words of the reply (only then do the person's
      // own words stay as typed)
      ParsedAnswer plain = withoutWords(read(UMLAUT_TYPED.matcher(text).replaceAll("$1")), text);
      if (plain != null) {
        return plain;
      }
    }
    if (!(read instanceof ParsedAnswer.Empty) && withoutWords(read, text) == null) {
      ParsedAnswer unsigned = withoutSignature(text);
      if (unsigned != null) {
        return unsigned; // "Ja, ist behoben. Mit freundlichen Grüßen Thomas Huber, Buchhaltung"
      }
      ParsedAnswer dictated = withSpokenMarks(text);
      if (dictated != null) {
        return dictated; // "yes it's working now period", "four stars exclamation mark"
      }
    }
    return read;
  }

  /**
   * What they did, then that it works now, as the last sentence or after the last "and" ("So I came
   * in this morning, switched it on and waited for the usual error. Nothing. It works!", "ich hab
   * neu gestartet, dann kam das Update, und seitdem läuft alles wieder", "reinicié la compu, esperé
   * la actualización, y ahora todo funciona perfecto", "esperei a atualização e agora tá tudo
   * funcionando"): fixed, the story kept as the comment, as a story of what was done is kept
   * everywhere else. Not when the story has a contrast, a fault still going on, a negation, a
   * number, a question or a complaint about the handling (those are read as before).
   */
  private static final Pattern STEPS = Pattern.compile("[,.;、。](?!$)");

  private static boolean afterStory(String text) {
    Folded f = Folded.of(text);
    if (f.text.indexOf('?') >= 0 || f.text.indexOf('？') >= 0) {
      return false;
    }
    for (int i = f.length() - 2; i > 0; i--) {
      char c = f.text.charAt(i);
      boolean ends = ".!,;".indexOf(c) >= 0 && f.text.charAt(i + 1) == ' ' || "。！、".indexOf(c) >= 0;
      boolean and =
          c == ' '
              && Character.isLetter(f.text.charAt(i + 1))
              && f.phraseAt(i + 1, Lexicon.AND) > 0;
      if (!ends && !and) {
        continue;
      }
      int from = and ? f.skipSeparators(i + 1 + f.phraseAt(i + 1, Lexicon.AND)) : i + 1;
      String last = f.originalFrom(f.skipSeparators(from));
      if (last == null
          || !(parse(last) instanceof ParsedAnswer.Fixed fx
              && fx.fixed()
              && fx.comment() == null)) {
        continue;
      }
      String story = f.originalBefore(i);
      if (story == null) {
        return false;
      }
      Folded told = Folded.of(story);
      // a story: what they did, in more than one step ("same thing happened to my colleague, works
      // now" is a remark, kept as the comment)
      boolean steps = STEPS.matcher(told.text.strip()).find() || contains(told, Lexicon.AND);
      return steps
          && story.split("\\s+").length >= 6
          && story.chars().noneMatch(Character::isDigit)
          && !NEGATION.matcher(told.text).find()
          && !contains(told, Lexicon.BUT)
          && !contains(told, Lexicon.NOT_FIXED)
          && !contains(told, Lexicon.STILL_NOT)
          && !complainsOfHandling(story)
          && parse(story) instanceof ParsedAnswer.FreeText;
    }
    return false;
  }

  /**
   * A mention of someone (Slack's {@code <@U024BE7LH>}, Discord's {@code <@123…>}, a typed
   * {@code @Closeloop}) or a quoted line ({@code > Did we fix it?}, Slack's {@code &gt;}) before
   * the answer: nothing the person answered. The digits of a mention are no score.
   */
  private static final Pattern MENTION_FIRST =
      Pattern.compile(
          "^(?:<[@#!][!&]?[A-Za-z0-9]{1,40}(?:\\|[^>\\n]{0,80})?>|@[\\p{L}\\p{N}._-]{1,40})[,:]?\\s+");

  /**
   * A quoted question on the reply's first line, up to its question mark: "> Did we fix it? yes".
   */
  private static final Pattern QUOTED_QUESTION_FIRST =
      Pattern.compile("^(?:>|&gt;|＞)[^?？\\n]{1,200}[?？]\\s*");

  /** Quoted lines that open a reply, each starting with "&gt;" or "＞" (Slack's "&gt;"). */
  private static final Pattern QUOTED_LINES_FIRST =
      Pattern.compile("^(?:(?:>|&gt;|＞)[^\\n]{0,500}\\n\\s*)+");

  /**
   * The survey's question typed back ({@link Lexicon#ASKED_BACK}), then the answer: the answer
   * alone ("did we fix it? yes", "wurde das Problem behoben? ja", "how did we do? 4"), as a quoted
   * question is; null when no such question comes first or what follows it is no answer ("is it
   * fixed? no idea" stays as it was).
   */
  private static ParsedAnswer afterAskedBack(String text) {
    int mark = -1;
    for (int i = 0; i < text.length() && i < 120; i++) {
      if (text.charAt(i) == '?' || text.charAt(i) == '？') {
        mark = i;
        break;
      }
    }
    if (mark <= 0 || mark + 1 >= text.length()) {
      return null;
    }
    String asked = trimSeparators(Folded.of(text.substring(0, mark)).text).strip();
    if (!Lexicon.ASKED_BACK.contains(asked)) {
      return null;
    }
    String rest = text.substring(mark + 1).strip();
    ParsedAnswer answer = rest.isEmpty() ? null : parse(rest);
    return answer instanceof ParsedAnswer.Yes
            || answer instanceof ParsedAnswer.No
            || answer instanceof ParsedAnswer.Fixed
            || answer instanceof ParsedAnswer.Rating
        ? answer
        : null;
  }

  /** What follows mentions and quoted lines that open {@code text}, or null when none does. */
  private static String afterMentionOrQuote(String text) {
    String rest = text;
    for (int i = 0; i < 4; i++) {
      java.util.regex.Matcher m = MENTION_FIRST.matcher(rest);
      if (!m.lookingAt()) {
        m = QUOTED_LINES_FIRST.matcher(rest);
      }
      if (!m.lookingAt()) {
        m = QUOTED_QUESTION_FIRST.matcher(rest);
      }
      if (!m.lookingAt() || m.end() >= rest.length()) {
        break;
      }
      rest = rest.substring(m.end()).strip();
    }
    return rest.equals(text) || rest.isEmpty() ? null : rest;
  }

  /**
   * The answer before a signature or a mail footer that ends the reply ("yes all good. -- Priya
   * Sharma | Finance Ops", "Ja, ist behoben. Mit freundlichen Grüßen Thomas Huber Leiter
   * Buchhaltung", "Sí, todo bien. Saludos cordiales, Javier Ruiz - Dpto. Compras", "no thanks. This
   * message and any attachments are confidential…", "はい、解決しました。 山田太郎／総務部／内線1234"), when that answer
   * carries no words of its own; else null. The sign-off must follow a sentence end or a comma:
   * "best" or "saludos" inside a sentence is no signature.
   */
  /**
   * A Japanese signature line after the answer's last sentence: a name, a department, an extension,
   * in kanji, katakana, Latin letters and digits without kana of a sentence, parted by slashes or
   * bars or naming the extension ("山田太郎／総務部／内線1234").
   */
  private static final Pattern JA_SIGNATURE =
      Pattern.compile(
          "(?=[^\\p{IsHiragana}]*(?:[/|]|内線 ?[0-9]))(?=.*[\\p{IsHan}\\p{IsKatakana}])"
              + "[\\p{IsHan}\\p{IsKatakana}a-z0-9 /|・:()\\-]{2,80}");

  private static ParsedAnswer withoutSignature(String text) {
    Folded f = Folded.of(text);
    // an answer with no words of its own is short, and only the first two sign-offs are tried: a
    // reply of many "-- " would otherwise be read again at each (a whole parse each time)
    int tries = 0;
    for (int i = 1; i < Math.min(f.length(), APOLOGY_ANSWER_MAX) && tries < 2; i++) {
      char before = f.text.charAt(i - 1);
      boolean setOff =
          before == ' ' && i >= 2 && ".,;!-|".indexOf(f.text.charAt(i - 2)) >= 0
              || before == ' ' && "-_".indexOf(f.text.charAt(i)) >= 0
              || "。、".indexOf(before) >= 0;
      boolean signs =
          f.phraseAt(i, Lexicon.SIGN_OFF) > 0
              || before == '。' && JA_SIGNATURE.matcher(f.text.substring(i).strip()).matches();
      if (!setOff || !signs || troubleAfter(f.originalFrom(i))) {
        continue;
      }
      tries++;
      String answer = f.originalBefore(i);
      ParsedAnswer read = answer == null ? null : withoutWords(parse(answer), text);
      if (read != null && !(read instanceof ParsedAnswer.Thanks)) {
        return read;
      }
    }
    return null;
  }

  /**
   * Words after what looked like a sign-off that say something fails ("no -- the printer still
   * jams", "nein, LG Monitor flackert immer noch", "No. Best would be to replace the toner, it
   * still smears"): the answer's own words, no signature.
   */
  private static boolean troubleAfter(String after) {
    if (after == null) {
      return false;
    }
    Folded a = Folded.of(clean(after));
    return contains(a, Lexicon.NOT_FIXED)
        || contains(a, Lexicon.STILL_NOT)
        || contains(a, Lexicon.PROBLEM)
        || contains(a, Lexicon.PROBLEM_STAYS)
        || contains(a, Lexicon.INTERMITTENT)
        || parse(after) instanceof ParsedAnswer.Fixed fx && !fx.fixed();
  }

  /**
   * Punctuation said aloud to a phone's dictation, longest first: "full stop", "question mark",
   * "Punkt", "point d'exclamation", "punto", "ponto final", "vírgula".
   */
  private static final Pattern SPOKEN_MARK =
      Pattern.compile(
          "(?iu)(?<![\\p{L}'])(full stop|exclamation (?:mark|point)|question mark|period|comma"
              + "|ausrufezeichen|fragezeichen|punkt|komma"
              + "|point d'exclamation|point d'interrogation|point final|point|virgule"
              + "|signo de exclamación|signo de interrogación|punto final|punto y aparte|punto|coma"
              + "|ponto de exclamação|ponto de interrogação|ponto final|ponto|vírgula)(?![\\p{L}])");

  /**
   * The reply read with punctuation said aloud turned into its marks ("yes it's working now
   * period", "ja das geht wieder punkt danke", "four stars exclamation mark"), when that reading
   * carries no words of the reply; else null ("a grace period" keeps its words).
   */
  private static ParsedAnswer withSpokenMarks(String text) {
    java.util.regex.Matcher m = SPOKEN_MARK.matcher(text);
    // an answer with no words of its own is short: a longer reply is not read a second time
    if (text.length() > APOLOGY_ANSWER_MAX || !m.find()) {
      return null;
    }
    StringBuilder marked = new StringBuilder();
    m.reset();
    while (m.find()) {
      String word = Folded.of(m.group(1)).text;
      String mark =
          word.contains("exclam")
              ? "!"
              : word.contains("question") || word.contains("interroga") || word.contains("frage")
                  ? "?"
                  : word.startsWith("comma")
                          || word.startsWith("komma")
                          || word.startsWith("virg")
                          || word.equals("coma")
                      ? ","
                      : ".";
      m.appendReplacement(marked, java.util.regex.Matcher.quoteReplacement(mark));
    }
    m.appendTail(marked);
    String plain = marked.toString().replaceAll(" +([.,!?])", "$1");
    return withoutWords(read(plain), text);
  }

  /**
   * A plain yes, no or fixed after a word that opens a reply and says nothing yet ("bof, pas
   * vraiment", "naja, nein", "hmm, not really", "pues no"): that answer, the whole reply its text.
   * Null when there is no such word, or what follows it is more than the answer alone.
   */
  private static ParsedAnswer afterOpener(String text) {
    Folded f = Folded.of(text);
    int len = f.phraseAt(0, Lexicon.OPENER);
    if (len <= 0) {
      return null;
    }
    int at = f.skipSeparators(len);
    if (at >= f.length()) {
      return null;
    }
    ParsedAnswer answer = read(f.originalFrom(at));
    ParsedAnswer rest = withoutWords(answer, text);
    if (rest == null && answer instanceof ParsedAnswer.No && saidThenSetOff(f, at)) {
      // "honestly not really. it worked for an hour then the vpn dropped": the no, its words
      return answer;
    }
    return rest instanceof ParsedAnswer.Yes
            || rest instanceof ParsedAnswer.No
            || rest instanceof ParsedAnswer.Fixed
        ? rest
        : null;
  }

  /**
   * At {@code at}, a no phrase set off by a mark that ends it (". ", ", ", "!"): "not really. it
   * worked…", not "no one called" (there the no is part of the sentence).
   */
  private static boolean saidThenSetOff(Folded f, int at) {
    int no = leading(f, at, Lexicon.NO);
    return no > 0
        && at + no < f.length()
        && f.text.charAt(at + no) != ' '
        && Folded.isSeparator(f.text.charAt(at + no));
  }

  /** The longest answer read after an apology sentence, in folded characters. */
  private static final int APOLOGY_ANSWER_MAX = 160;

  /**
   * An apology that opens the reply, for being late or away, in a sentence of its own, then the
   * answer ("sorry for the slow reply, was off sick. yes it works", "perdón por la demora. Sí, ya
   * funciona"): that answer, when it carries no words of its own; else null.
   */
  private static ParsedAnswer afterApologySentence(String text) {
    Folded f = Folded.of(text);
    if (f.phraseAt(f.skipSeparators(0), Lexicon.APOLOGY) <= 0) {
      return null;
    }
    for (int i = 1; i + 1 < f.length(); i++) {
      char c = f.text.charAt(i);
      boolean ends = ".!;".indexOf(c) >= 0 && f.text.charAt(i + 1) == ' ' || "。！".indexOf(c) >= 0;
      // an answer with no words of its own is short: what is longer is not read again at every
      // sentence end (each a whole parse, a long reply of short sentences cost seconds)
      if (ends && f.length() - i <= APOLOGY_ANSWER_MAX) {
        String rest = f.originalFrom(f.skipSeparators(i + 1));
        ParsedAnswer answer = rest == null ? null : withoutWords(parse(rest), text);
        if (answer instanceof ParsedAnswer.Yes
            || answer instanceof ParsedAnswer.No
            || answer instanceof ParsedAnswer.Fixed
            || answer instanceof ParsedAnswer.Rating) {
          return answer;
        }
      }
    }
    return null;
  }

  /**
   * A capitalised name that ends a reply, after thanks or a sign-off: "thanks Dave!", "regards,
   * Ana".
   */
  private static final java.util.regex.Pattern NAME_AT_END =
      java.util.regex.Pattern.compile(
          "^(.*\\p{L}[.!]?)[\\s,]+\\p{Lu}\\p{Ll}+[\\s.!🙂😊🙏]*$", java.util.regex.Pattern.DOTALL);

  /**
   * The reply without the name it ends on, when what is left ends with thanks or a sign-off and is
   * an answer with no words of its own ("yes it works, thanks Dave!", "Yes, everything is working
   * as expected now. Kind regards, Margaret"); else null — a name after other words ("it crashes in
   * Excel") stays in.
   */
  private static ParsedAnswer withoutNameAfterThanks(String text) {
    java.util.regex.Matcher m = NAME_AT_END.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String before = m.group(1);
    Folded f = Folded.of(before);
    boolean thanksLast = false;
    for (int i = 0; i < f.length(); i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      int len = wordStart ? f.phraseAt(i, Lexicon.THANKS) : -1;
      if (len > 0 && skipSymbols(f, i + len) >= f.length()) {
        thanksLast = true;
      }
    }
    if (!thanksLast) {
      return null;
    }
    ParsedAnswer answer = withoutWords(parse(before), text);
    return answer instanceof ParsedAnswer.Thanks ? null : answer;
  }

  /**
   * Set while a reply is read again with its typos corrected: that reading, and the readings of
   * parts of it that {@link #read} starts through {@link #parse}, correct no more.
   */
  private static final ThreadLocal<Boolean> RETYPING = ThreadLocal.withInitial(() -> false);

  /**
   * Every word of four letters or more the lexicon knows, in any of its lists ("kind" of "kind of",
   * "note" of "nota"…): a known word is never taken for a typo.
   */
  private static final java.util.Set<String> KNOWN_WORDS = knownWords();

  private static java.util.Set<String> knownWords() {
    java.util.Set<String> words = new java.util.HashSet<>();
    for (java.lang.reflect.Field field : Lexicon.class.getDeclaredFields()) {
      if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())
          || !java.util.Collection.class.isAssignableFrom(field.getType())) {
        continue;
      }
      try {
        field.setAccessible(true);
        for (Object phrase : (java.util.Collection<?>) field.get(null)) {
          if (phrase instanceof String p) {
            words.addAll(java.util.Arrays.asList(p.split("[^a-z']+")));
          }
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    words.addAll(Lexicon.NUMBERS.keySet());
    return java.util.Set.copyOf(words);
  }

  /**
   * The words answers are said in, of four letters or more ("fixed", "still", "working",
   * "funktioniert", "funciona", "gracias", "funcionou"): what a typo is corrected to.
   */
  private static final java.util.Set<String> ANSWER_WORDS =
      java.util.stream.Stream.of(
              Lexicon.FIXED,
              Lexicon.NOT_FIXED,
              Lexicon.STILL_NOT,
              Lexicon.WORKS_NOW,
              Lexicon.YES,
              Lexicon.NO,
              Lexicon.ACK,
              Lexicon.FILLER)
          .flatMap(List::stream)
          .flatMap(p -> java.util.Arrays.stream(p.split(" ")))
          .filter(w -> w.length() >= 4 && w.chars().allMatch(c -> c >= 'a' && c <= 'z'))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * A reply typed in a hurry ("stil not wokring", "funktionert wieder danke", "ya funsiona
   * grasias", "geht imer noch nich", "fixes thx"): each word of four letters or more that is no
   * answer word, but one typo away from exactly one (a letter left out, two swapped, one mistyped,
   * one extra — tried in that order), is read as that word; the reply so corrected counts only when
   * it is an answer with no words of its own left. Else null: "the fire alarm" is never "the fine
   * alarm".
   */
  private static ParsedAnswer withoutTypos(String text) {
    Folded f = Folded.of(text);
    if (f.length() > 60) {
      return null;
    }
    java.util.regex.Matcher words = java.util.regex.Pattern.compile("[a-z]{4,}").matcher(f.text);
    StringBuilder fixed = new StringBuilder();
    int last = 0;
    boolean changed = false;
    boolean swapped = false;
    while (words.find()) {
      String word = words.group();
      boolean whole =
          (words.start() == 0 || !Character.isLetterOrDigit(f.text.charAt(words.start() - 1)))
              && (words.end() >= f.length()
                  || !Character.isLetterOrDigit(f.text.charAt(words.end())));
      String meant = whole && !KNOWN_WORDS.contains(word) ? oneTypoFrom(word) : null;
      if (meant != null) {
        fixed.append(f.text, last, words.start()).append(meant);
        last = words.end();
        changed = true;
        swapped = typoOf(word, meant, 1);
      }
    }
    if (!changed || !swapped && LETTERS.matcher(f.text).results().count() == 1) {
      // a word alone that is one letter from an answer word is as often a word of its own
      // ("mixed", "hope", "laut", "cada", "queda", "worker"); two letters swapped seldom are
      // ("wroks", "funicona")
      return null;
    }
    fixed.append(f.text.substring(last));
    return withoutWords(read(fixed.toString()), text);
  }

  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  /** The one answer word {@code word} is a typo of, by the first kind of typo that finds one. */
  private static String oneTypoFrom(String word) {
    for (int kind = 0; kind < 4; kind++) {
      String found = null;
      for (String known : ANSWER_WORDS) {
        if (typoOf(word, known, kind)) {
          if (found != null) {
            return null; // two words it could be: leave it
          }
          found = known;
        }
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * Whether {@code typed} is {@code known} with one typo of this kind: 0 a letter left out, 1 two
   * letters swapped, 2 one letter mistyped, 3 one letter too many.
   */
  private static boolean typoOf(String typed, String known, int kind) {
    int n = typed.length();
    int m = known.length();
    if (kind != 1 && typed.charAt(0) != known.charAt(0)) {
      // a word is seldom mistyped at its first letter, and another word often differs there:
      // "hope" is no "nope", "cada" no "nada", "licht" no "nicht", "hora" no "ahora"
      return false;
    }
    switch (kind) {
      case 0, 3 -> {
        String shorter = kind == 0 ? typed : known;
        String longer = kind == 0 ? known : typed;
        if (longer.length() != shorter.length() + 1) {
          return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
          i++;
        }
        // a letter too many is hit with, or next to, a letter beside it ("funcionoi"), not any
        // letter ("prepare" is no "repare", "zimmer" no "immer")
        return shorter.substring(i).equals(longer.substring(i + 1))
            && (kind == 0
                || i > 0 && nearKeys(typed.charAt(i), typed.charAt(i - 1))
                || i + 1 < n && nearKeys(typed.charAt(i), typed.charAt(i + 1)));
      }
      case 1 -> {
        if (n != m) {
          return false;
        }
        int i = 0;
        while (i < n && typed.charAt(i) == known.charAt(i)) {
          i++;
        }
        return i + 1 < n
            && typed.charAt(i) == known.charAt(i + 1)
            && typed.charAt(i + 1) == known.charAt(i)
            && typed.substring(i + 2).equals(known.substring(i + 2));
      }
      default -> {
        if (n != m) {
          return false;
        }
        int diff = 0;
        boolean near = false;
        for (int i = 0; i < n && diff < 2; i++) {
          if (typed.charAt(i) != known.charAt(i)) {
            diff++;
            near = nearKeys(typed.charAt(i), known.charAt(i));
          }
        }
        // a letter mistyped is a key next to it or one that sounds the same ("fixes",
        // "funsiona"), not any letter: "mixed" is no "fixed", "cada" no "nada", "queda" no "quedo"
        return diff == 1 && near;
      }
    }
  }

  /**
   * Keys next to each other on a QWERTY, QWERTZ or AZERTY keyboard, the same key, or letters that
   * sound the same in one of the six languages (c/s/z, b/v, i/y, g/j, c/k/q).
   */
  private static boolean nearKeys(char a, char b) {
    if (a == b) {
      return true;
    }
    String pair = a < b ? "" + a + b : "" + b + a;
    return NEAR_KEYS.contains(pair);
  }

  private static final java.util.Set<String> NEAR_KEYS = nearKeyPairs();

  private static java.util.Set<String> nearKeyPairs() {
    java.util.Set<String> pairs =
        new java.util.HashSet<>(List.of("cs", "sz", "cz", "bv", "iy", "gj", "ck", "kq", "cq"));
    for (String[] rows :
        new String[][] {
          {"qwertyuiop", "asdfghjkl", "zxcvbnm"},
          {"qwertzuiop", "asdfghjkl", "yxcvbnm"},
          {"azertyuiop", "qsdfghjklm", "wxcvbn"}
        }) {
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < rows[r].length(); c++) {
          char key = rows[r].charAt(c);
          // the same row, and the row below (shifted half a key to the right)
          for (int[] d : new int[][] {{0, 1}, {1, -1}, {1, 0}}) {
            int rr = r + d[0];
            int cc = c + d[1];
            if (rr < rows.length && cc >= 0 && cc < rows[rr].length()) {
              char other = rows[rr].charAt(cc);
              pairs.add(key < other ? "" + key + other : "" + other + key);
            }
          }
        }
      }
    }
    return java.util.Set.copyOf(pairs);
  }

  /** Japanese "not un-fixed": a negated works verb, then "くはない" ("直ってなくはないです"). */
  private static final Pattern JA_DENIED =
      Pattern.compile(
          "^(?:まだ)?(?:直って|なおって|治って|動いて|うごいて|使えて|つかえて|解決して)い?なくは(?:ない|ありません)(?:です)?[。！!…]*$");

  /**
   * Two negations that cancel ({@link Lexicon#DENIED} before a not fixed: "not not working", "can't
   * say its not fixed", "no es que no funcione, funciona"; Japanese "直ってなくはないです"): fixed. Only the
   * clause after the denial is read for the not fixed; words after that clause are the comment
   * unless they only say it works or thank. Null when the clause is no plain not fixed.
   */
  private static ParsedAnswer notFixedDenied(Folded f, String text) {
    if (JA_DENIED.matcher(f.text).matches()) {
      return new ParsedAnswer.Fixed(true, null, text);
    }
    int len = f.phraseAt(0, Lexicon.DENIED);
    if (len <= 0 || len >= f.length() || f.text.charAt(len) != ' ') {
      return null; // "can't say. still broken": the denial ends there
    }
    if (f.text.startsWith("not not ")) {
      len = "not".length(); // "not not working": the first not denies "not working"
    }
    int at = f.skipSeparators(len);
    int end = at;
    while (end < f.length() && ",.;!?、。".indexOf(f.text.charAt(end)) < 0) {
      end++;
    }
    if (at >= end) {
      return null;
    }
    String from = f.originalFrom(at);
    String clause =
        end < f.length() ? from.substring(0, from.length() - f.originalFrom(end).length()) : from;
    ParsedAnswer said = parse(clause);
    boolean notFixed =
        said instanceof ParsedAnswer.Fixed fx && !fx.fixed() && fx.comment() == null
            || said instanceof ParsedAnswer.No no && no.rest() == null && no.but() == null;
    if (!notFixed) {
      return null;
    }
    int after = f.skipSeparators(end);
    if (after >= f.length()) {
      return new ParsedAnswer.Fixed(true, null, text);
    }
    String rest = f.originalFrom(after);
    ParsedAnswer more = withoutWords(parse(rest), rest);
    boolean saysNoMore =
        more instanceof ParsedAnswer.Thanks
            || more instanceof ParsedAnswer.Yes
            || more instanceof ParsedAnswer.Fixed fx && fx.fixed();
    return new ParsedAnswer.Fixed(true, saysNoMore ? null : rest, text);
  }

  /** Japanese, then one or two Latin letters an input method had not turned into kana yet. */
  private static final java.util.regex.Pattern IME_LEFTOVER =
      java.util.regex.Pattern.compile(
          "^(.*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}])[a-zA-Z]{1,2}[。！!]?$");

  /** German ä, ö, ü typed as ae, oe, ue after a consonant: "schoen", "laeuft", "tschuess". */
  private static final java.util.regex.Pattern UMLAUT_TYPED =
      java.util.regex.Pattern.compile("(?:(?<=[b-df-hj-np-tv-zß])|\\b)([aouAOU])[eE]");

  /**
   * {@code a} with {@code text} as its whole reply, when it holds no words of the reply beyond that
   * (a thanks, a plain yes or no, fixed alone, a score alone, stop); else null.
   */
  private static ParsedAnswer withoutWords(ParsedAnswer a, String text) {
    if (a instanceof ParsedAnswer.Thanks) {
      return new ParsedAnswer.Thanks(text);
    } else if (a instanceof ParsedAnswer.Yes y && y.rest() == null) {
      return new ParsedAnswer.Yes(null, text);
    } else if (a instanceof ParsedAnswer.No n && n.rest() == null && n.but() == null) {
      return new ParsedAnswer.No(null, n.closing(), null, text);
    } else if (a instanceof ParsedAnswer.Fixed fx && fx.comment() == null) {
      return new ParsedAnswer.Fixed(fx.fixed(), null, fx.text() == null ? null : text);
    } else if (a instanceof ParsedAnswer.Rating r && r.comment() == null) {
      return r;
    } else if (a instanceof ParsedAnswer.Stop || a instanceof ParsedAnswer.OptIn) {
      return a;
    }
    return null;
  }

  private static ParsedAnswer read(String text) {
    return once('r', text, AnswerParser::readOnce);
  }

  /** How many parts of replies were read (the work a reply costs, for tests; never reset). */
  static final java.util.concurrent.atomic.LongAdder PARTS_READ =
      new java.util.concurrent.atomic.LongAdder();

  private static ParsedAnswer readOnce(String text) {
    PARTS_READ.increment();
    Folded f = Folded.of(text);
    String core = trimSeparators(f.text);
    if (core.isEmpty() || greetsOnly(f)) {
      return new ParsedAnswer.Unclear(text); // "?", "...", "hi", "Hallo?": nothing answered
    }
    ParsedAnswer afterGreeting = afterGreeting(f, text);
    if (afterGreeting != null) {
      return afterGreeting; // "Hallo, ja hat geklappt danke": the answer after the greeting
    }
    if (optsOut(f)) {
      return new ParsedAnswer.Stop(saysMoreThanStop(f) ? text : null);
    }
    if (Lexicon.OPT_IN.contains(core)) {
      return new ParsedAnswer.OptIn();
    }
    if (Lexicon.YES_ALONE.contains(core)) {
      return new ParsedAnswer.Yes(null, text); // "ya", "yh"
    }
    ParsedAnswer saidTwice = yesSaidTwice(f, text);
    if (saidTwice != null) {
      return saidTwice; // "oui oui c'est réglé", "yes yes it works": one yes
    }
    ParsedAnswer na = setOffNo(f, text);
    if (na != null) {
      return na; // "na, des war's", "na danke", "na, geht immer noch nicht"
    }
    ParsedAnswer corrected = corrected(f, text);
    if (corrected != null) {
      return corrected; // "3 no wait, 4", "yes… no wait, still jams", "はい…あ、いえ、やっぱり…"
    }
    ParsedAnswer thumbAndScore = thumbAndScore(f);
    if (thumbAndScore != null) {
      return thumbAndScore; // "👍 5", "👎 2/5": both answers
    }
    ParsedAnswer thumbThenSame = thumbThenSame(f, text);
    if (thumbThenSame != null) {
      return thumbThenSame; // "❌ immer noch kaputt", "✔️ resolvido": the emoji says it too
    }
    ParsedAnswer denied = notFixedDenied(f, text);
    if (denied != null) {
      return denied; // "not not working", "ist ja nicht so, dass es nicht geht", "直ってなくはない"
    }
    if (faultGone(f)) {
      return new ParsedAnswer.Fixed(true, null, text); // "it doesn't crash anymore", "もう落ちません"
    }
    ParsedAnswer faultBack = faultAgain(f, text);
    if (faultBack != null) {
      return faultBack; // "it was fixed but broke again this morning", "今朝またフリーズしました"
    }
    String once = oneSymbolRepeated(core); // "😭😭": one emoji said again
    if (Lexicon.THUMBS_UP.contains(core)
        || Lexicon.THUMBS_UP.contains(f.text)
        || Lexicon.THUMBS_UP.contains(once)) {
      return new ParsedAnswer.Fixed(true);
    }
    if (Lexicon.THUMBS_DOWN.contains(core)
        || Lexicon.THUMBS_DOWN.contains(f.text)
        || Lexicon.THUMBS_DOWN.contains(once)) {
      return new ParsedAnswer.Fixed(false);
    }
    if (Ratings.between(core)) {
      return new ParsedAnswer.Unclear(text); // "so 3-4", "entre 3 e 4", "tres y medio"
    }
    ParsedAnswer.Rating rating = Ratings.read(f);
    if (rating != null && rating.comment() != null) {
      ParsedAnswer.Rating hedged = Ratings.hedged(f, at -> skipAcks(f, at));
      if (hedged != null && hedged.comment() == null) {
        return hedged; // "5/5 from me", "4 sur 5 de ma part": who gives it is no comment
      }
    }
    if (rating != null) {
      return withoutThanks(rating);
    }
    int article = Ratings.afterArticle(f);
    if (article > 0
        && parse(f.originalFrom(article)) instanceof ParsedAnswer.Rating stressed
        && stressed.comment() == null) {
      return stressed; // "un 5 de una", "a 5 for sure": the words after the score only stress it
    }
    ParsedAnswer.Rating hedged = Ratings.hedged(f, at -> skipAcks(f, at));
    if (hedged != null) {
      return hedged; // "maybe 3", "4 i guess", "je dirais 4", "3かな"
    }
    int[] scored = Ratings.leadingScore(f);
    if (scored != null && reasonOrThanks(f, scored[1])) {
      // "5 thanks", "2 trop long", "3 tardaron mucho"; "4 i guess, took a while": the hedge is
      // no part of the reason
      int hedge = f.phraseAt(scored[1], Lexicon.HEDGE_AFTER);
      int reason = hedge > 0 ? f.skipSeparators(scored[1] + hedge) : scored[1];
      return withoutThanks(new ParsedAnswer.Rating(scored[0], f.originalFrom(reason)));
    }
    ParsedAnswer.Rating numberWord = numberWordThenThanks(f);
    if (numberWord != null) {
      return numberWord; // "FIVE cheers", "vier danke", "cinco gracias"
    }
    if (Ratings.notAScore(core)) {
      return new ParsedAnswer.Unclear(text);
    }
    if (unsure(f)) {
      return new ParsedAnswer.FreeText(text, false, false, true); // "not sure yet", "no idea"
    }
    ParsedAnswer.No unsureThenNothing = unsureThenNothing(f);
    if (unsureThenNothing != null) {
      return unsureThenNothing; // "idk, prefer not to say", "keine Ahnung, nichts"
    }
    ParsedAnswer seems = seemsToWork(f, text);
    if (seems != null) {
      return seems; // "seems to work", "scheint zu gehen", "ça a l'air de marcher"
    }
    ParsedAnswer afterOpinion = afterOpinion(f);
    if (afterOpinion != null) {
      return afterOpinion; // "je crois oui", "creo que sí", "acho que sim", "たぶん大丈夫です"
    }
    ParsedAnswer regretted = afterRegret(f, text);
    if (regretted != null) {
      return regretted; // "leider nö, Outlook stürzt weiterhin ab", "sadly nope, …"
    }
    if (partlyWorks(f)) {
      // "works on wifi but not on VPN", "im WLAN geht's, über VPN aber nicht": only partly fixed
      return new ParsedAnswer.Fixed(false, text, text);
    }
    ParsedAnswer problem = problemSays(f);
    if (problem != null) {
      return problem; // "the problem is still there", "o problema foi resolvido"
    }
    ParsedAnswer fixed = fixed(f);
    if (fixed != null) {
      return fixed;
    }
    ParsedAnswer stillNot = stillNot(f);
    if (stillNot != null) {
      return stillNot; // "still can't print", "sigue sin llegar", "まだ届きません"
    }
    ParsedAnswer works = subjectWorks(f);
    if (works != null) {
      return works; // "the printer works again, 5 stars", "Drucker geht wieder"
    }
    if (stillNotLater(f)) {
      // "the mailbox still isn't showing up", "le son ne marche toujours pas", "tried it this
      // morning, outlook opened fine, but the shared mailbox still isnt showing up"
      return new ParsedAnswer.Fixed(false, text, text);
    }
    int start = skipAcks(f, 0);
    if (start >= f.length()) {
      return new ParsedAnswer.Thanks(text);
    }
    ParsedAnswer.No neverMind = neverMind(f, text);
    if (neverMind != null) {
      return neverMind; // "oh nvm, sorted it myself", "ach egal, hat sich erledigt"
    }
    if (f.phraseAt(start, Lexicon.NOT_BAD) > 0) {
      // "nada mal", "no estuvo mal": about the service, never the no to "did we fix it?"
      boolean asks = asks(f);
      return new ParsedAnswer.FreeText(text, asks, !asks && praises(f));
    }
    if (f.phraseAt(start, Lexicon.NOT_GOOD) > 0) {
      // "no muy bien", "not so good": about the service too, and no praise — never a no that
      // would end the survey or skip "what went wrong?"
      return new ParsedAnswer.FreeText(text, asks(f), false);
    }
    // "bien sûr" is a yes, though "bien" alone is an acknowledgement: a yes or no phrase longer
    // than the thanks it starts with is read from the start
    int ack = leading(f, 0, Lexicon.ACK);
    boolean answerFirst =
        Math.max(leading(f, 0, Lexicon.YES), leading(f, 0, Lexicon.NO)) > Math.max(ack, 0)
            && ack > 0;
    ParsedAnswer yesNo = yesOrNo(f, answerFirst ? 0 : afterThanksBut(f, start), text);
    if (yesNo != null) {
      return yesNo;
    }
    boolean asks = asks(f);
    return new ParsedAnswer.FreeText(text, asks, !asks && praises(f));
  }

  /**
   * The answer to "shall I reopen the ticket?" said in words: true for "reopen", "yes please
   * reopen", "wieder öffnen", "再オープンしてください"; false for "leave it closed", "no, leave it", "nein,
   * geschlossen lassen"; null when the reply says more (a comment) or neither.
   */
  public static Boolean reopenAnswer(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    int taken = f.phraseAt(0, Lexicon.NEGATING_CORRECTION);
    if (taken > 0 && taken < f.length() && Folded.isSeparator(f.text.charAt(taken))) {
      // "no wait, reopen it": the no belongs to the correction, the reopen is the answer
      String rest = f.originalFrom(afterCorrection(f, taken));
      if (rest != null && Boolean.TRUE.equals(reopenAnswer(rest))) {
        return true;
      }
    }
    int agree = leading(f, 0, Lexicon.AGREE);
    if (agree > 0
        && skip(f, agree, Lexicon.THANKS, Lexicon.POLITE, Lexicon.AGREE, Lexicon.INDIFFERENT)
            >= f.length()) {
      // "ok", "okay, go ahead", "d'accord, merci", "tá bom" (not "ok thanks bye"); "ok, whatever":
      // a shrug after the ok agrees all the same, and is no comment
      return true;
    }
    if (agree > 0) {
      // "dale, reábrelo", "ok, reopen it": agreeing, then the ticket reopened in words
      int next = skip(f, agree, Lexicon.POLITE);
      int reopen = f.phraseAt(next, Lexicon.REOPEN);
      if (reopen > 0
          && skip(f, next + reopen, Lexicon.ACK, Lexicon.POLITE, Lexicon.REOPEN_OBJECT)
              >= f.length()) {
        return true;
      }
    }
    int at = answerAt(f, skip(f, 0, Lexicon.OPENER)); // "hmm leave it closed", "bon, rouvrez-le"
    int yes = leading(f, at, Lexicon.YES);
    int no =
        at == 0
            ? Math.max(leading(f, at, Lexicon.NO), setOffNoWord(f))
            : leading(f, at, Lexicon.NO);
    Boolean said = null;
    if (no > 0 && no >= yes) {
      said = false;
      at = answerAt(f, at + no);
    } else if (yes > 0) {
      said = true;
      at = answerAt(f, at + yes);
      if (f.phraseAt(at, Lexicon.REOPEN) <= 0 && f.phraseAt(at, Lexicon.KEEP_CLOSED) <= 0) {
        at = skip(f, at, Lexicon.AGREE, Lexicon.ACK, Lexicon.POLITE); // "yeah go ahead", "sí, dale"
      }
    }
    int reopen = f.phraseAt(at, Lexicon.REOPEN);
    int keep = f.phraseAt(at, Lexicon.KEEP_CLOSED);
    // "rouvrez le svp", "reopen it again please", "öffne es bitte wieder": the ticket named
    // "pode reabrir sim", "leave it closed, no": the yes or no after it says it again
    if (keep > 0 && keep >= reopen && !Boolean.TRUE.equals(said)) {
      said = false;
      at = skip(f, at + keep, Lexicon.ACK, Lexicon.POLITE, Lexicon.REOPEN_OBJECT, Lexicon.NO);
    } else if (reopen > 0 && !Boolean.FALSE.equals(said)) {
      said = true;
      at = skip(f, at + reopen, Lexicon.ACK, Lexicon.POLITE, Lexicon.REOPEN_OBJECT, Lexicon.YES);
    }
    return at >= f.length() ? said : null;
  }

  /**
   * "pode sim, voltou o problema", "ok, it froze again this morning": agreeing, set off by a
   * separator, then words of their own — a yes to the reopen offer with those words as the comment.
   * Not "pode deixar" or "tá quebrado" (no separator: the agreeing word is part of the sentence).
   */
  public static boolean agreesThenSays(String raw) {
    return agreesThenSays(Folded.of(clean(raw == null ? "" : raw)));
  }

  private static boolean agreesThenSays(Folded f) {
    int agree = leading(f, 0, Lexicon.AGREE);
    if (agree <= 0 || agree >= f.length()) {
      return false;
    }
    char after = f.text.charAt(agree);
    int rest = skip(f, agree, Lexicon.ACK, Lexicon.POLITE, Lexicon.AGREE);
    return after != ' '
        && Folded.isSeparator(after)
        && rest < f.length()
        && leading(f, rest, Lexicon.NO) < 0
        && f.phraseAt(rest, Lexicon.KEEP_CLOSED) < 0;
  }

  /**
   * "no need, I bought a new mouse", "大丈夫です、自分で買い替えたので", "déjalo, ya compré otro": keeping the
   * ticket closed, set off by a separator, then words of their own — a no to the reopen offer with
   * those words as the comment.
   */
  public static boolean keepsClosedThenSays(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    int start = skip(f, 0, Lexicon.OPENER); // "meh dont bother, ill just reboot"
    int keep = f.phraseAt(start, Lexicon.KEEP_CLOSED);
    if (keep <= 0 || start + keep >= f.length()) {
      return false;
    }
    keep += start;
    char after = f.text.charAt(keep);
    int rest = skip(f, keep, Lexicon.ACK, Lexicon.POLITE, Lexicon.REOPEN_OBJECT);
    return Folded.isSeparator(after)
        && after != ' '
        && rest < f.length()
        && !containsFrom(f, rest, Lexicon.REOPEN); // not "it's fine, reopen it"
  }

  /**
   * Where the answer to the reopen offer starts from {@code from}: a reopen or keep-closed phrase
   * right there ("não, deixa fechado": "deixa" alone is also a never-mind, an acknowledgement),
   * else after thanks and please.
   */
  private static int answerAt(Folded f, int from) {
    int at = f.skipSeparators(from);
    if (f.phraseAt(at, Lexicon.REOPEN) > 0 || f.phraseAt(at, Lexicon.KEEP_CLOSED) > 0) {
      return at;
    }
    return skip(f, from, Lexicon.ACK, Lexicon.POLITE);
  }

  /**
   * Thanks or a closing phrase that says all is well ("all good", "works fine, thanks", "c'est bon,
   * merci", "大丈夫です、ありがとう"), not thanks or an ok alone ("thanks!", "ok danke"), which answer no
   * question.
   */
  public static boolean saysAllIsWell(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    // "works fine now", "all good again": a time word after it changes nothing
    return skip(f, skipAcks(f, 0), Lexicon.FILLER, Lexicon.ACK) >= f.length()
        && skip(f, 0, Lexicon.THANKS, Lexicon.POLITE, Lexicon.AGREE) < f.length();
  }

  /**
   * Nothing but an ok ("k", "ok", "kk", "vale", "了解"): it acknowledges, and answers no question of
   * its own — no thanks or praise in it.
   */
  public static boolean onlyOk(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    return skip(f, 0, Lexicon.OK) >= f.length();
  }

  /**
   * A shrug, with an ok or thanks around it and nothing more ("ok, whatever", "mir egal", "comme
   * vous voulez", "tanto faz"): no request and no comment.
   */
  public static boolean shrugs(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    return contains(f, Lexicon.INDIFFERENT)
        && skip(f, 0, Lexicon.OK, Lexicon.AGREE, Lexicon.INDIFFERENT, Lexicon.THANKS) >= f.length();
  }

  /**
   * "There is" and nothing more ("one more thing", "da wäre noch was", "una cosa más", "tem sim",
   * "あります"): at "anything else?" a yes, with the request still to come.
   */
  public static boolean hasMoreToAsk(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    // "hmm, one more thing"; "あります" is tried whole first ("あ" also opens a reply)
    for (int at : new int[] {0, skip(f, 0, Lexicon.OPENER)}) {
      int more = f.phraseAt(at, Lexicon.MORE_TO_ASK);
      if (more > 0
          && skipSymbols(f, skip(f, at + more, Lexicon.ACK, Lexicon.POLITE)) >= f.length()) {
        return true;
      }
    }
    return false;
  }

  /** Says thank you ("thanks!", "merci à vous", "valeu demais", "🙏"), not only goodbye or ok. */
  public static boolean thanks(String raw) {
    return contains(Folded.of(clean(raw == null ? "" : raw)), Lexicon.THANKS);
  }

  /**
   * Nothing but thanks or please ("thanks", "merci bien", "🙏"): polite words that answer no
   * question of their own, unlike "that is all" or "all good".
   */
  public static boolean onlyThanks(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    return skip(f, 0, Lexicon.THANKS, Lexicon.POLITE) >= f.length();
  }

  /**
   * The answers before a last clause that says there is nothing more ("yes, 5, nothing else
   * thanks", "oui réglé, 5/5, rien d'autre merci", "5です。他は特にないです"), the clause made of one of
   * {@link Lexicon#ALL_SAID} and thanks at most; null when the reply does not end so or nothing
   * comes before it.
   */
  public static String beforeAllSaid(String raw) {
    if (raw == null || raw.length() > MAX_TEXT) {
      return null;
    }
    Folded f = Folded.of(clean(raw));
    String t = f.text;
    // the last clause starts after the last separator that is followed by an ALL_SAID phrase
    for (int i = t.length() - 1; i > 0; i--) {
      char c = t.charAt(i - 1);
      if (c != ',' && c != '.' && c != ';' && c != '!' && c != '、' && c != '。' && c != '-'
          && c != '！') {
        continue;
      }
      int at = f.skipSeparators(i);
      if (f.phraseAt(at, Lexicon.ALL_SAID) <= 0) {
        continue;
      }
      // "…, nothing else works either": more words of their own, not the clause
      return allSaid(f, at) ? f.originalBefore(i - 1) : null;
    }
    return null;
  }

  /**
   * The whole reply is "nothing else", "that's all", with thanks at most ("that's all, thanks").
   */
  public static boolean isAllSaid(String raw) {
    return raw != null && raw.length() <= MAX_TEXT && allSaid(Folded.of(clean(raw)), 0);
  }

  private static boolean allSaid(Folded f, int at) {
    int n = f.phraseAt(at, Lexicon.ALL_SAID);
    if (n <= 0) {
      return false;
    }
    String after = f.originalFrom(f.skipSeparators(at + n));
    return after == null || parse(after) instanceof ParsedAnswer.Thanks;
  }

  /**
   * Starts with "nothing" rather than a bare no ("nothing else", "nix weiter", "rien merci", "sem
   * mais nada", "特にないです"): nothing (more) to give, never "not fixed".
   */
  public static boolean saysNothing(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    return f.phraseAt(0, Lexicon.NOTHING) > 0;
  }

  /**
   * "hi, yes fixed thanks", "Hallo, ja hat geklappt", "bonjour, 4": the answer after a greeting,
   * read as if the greeting were not there; null when the reply does not start with one, or when
   * what follows is words of their own ("hi, the printer still jams" stays that whole text).
   */
  private static ParsedAnswer afterGreeting(Folded f, String text) {
    int greeting = f.phraseAt(0, Lexicon.GREETING);
    if (greeting <= 0) {
      return null;
    }
    String rest = f.originalFrom(f.skipSeparators(greeting));
    if (rest == null) {
      return null;
    }
    ParsedAnswer answer = parse(rest);
    return answer instanceof ParsedAnswer.FreeText
            || answer instanceof ParsedAnswer.Unclear
            || answer instanceof ParsedAnswer.Empty
        ? null
        : answer;
  }

  /**
   * Bavarian and Austrian "na" for no ({@link Lexicon#NO_SET_OFF}), alone, set off by a comma or
   * before thanks: read as "no" with the same words after it, when that is a closing no or "not
   * fixed" ("na, des war's", "na danke", "na, geht immer noch nicht"); else null ("na klar", "na,
   * geht doch", "na, klar" and "na gut" are no no).
   */
  private static ParsedAnswer setOffNo(Folded f, String text) {
    int end = setOffNoWord(f);
    if (end <= 0) {
      return null;
    }
    int rest = f.skipSeparators(end);
    String after = f.originalFrom(rest);
    ParsedAnswer no = read(after == null ? "no" : "no, " + after);
    if (no instanceof ParsedAnswer.No n && n.closing()) {
      return new ParsedAnswer.No(n.rest(), true, n.but(), text);
    } else if (no instanceof ParsedAnswer.Fixed fx && !fx.fixed()) {
      return new ParsedAnswer.Fixed(false, fx.comment(), text);
    }
    return null;
  }

  /** The length of a leading Bavarian "na" that says no (set off or before thanks), else -1. */
  private static int setOffNoWord(Folded f) {
    String word = f.wordAt(0);
    if (!Lexicon.NO_SET_OFF.contains(word)) {
      return -1;
    }
    int end = word.length();
    boolean setOff =
        end >= f.length()
            || f.text.charAt(end) != ' ' && Folded.isSeparator(f.text.charAt(end))
            || f.phraseAt(f.skipSeparators(end), Lexicon.THANKS) > 0;
    return setOff ? end : -1;
  }

  /**
   * "leider nö, Outlook stürzt weiterhin ab", "sadly nope, the vpn drops", "残念ながらいいえ、…": regret,
   * then a no — the no, with what follows it, as if the regret were not there; else null.
   */
  private static ParsedAnswer afterRegret(Folded f, String text) {
    int regret = f.phraseAt(0, Lexicon.REGRET);
    if (regret <= 0) {
      return null;
    }
    int at = f.skipSeparators(regret);
    int no = leading(f, at, Lexicon.NO);
    if (no <= 0 && at < f.length()) {
      // "malheureusement le problème persiste", "sadly the problem persists": regret before the
      // problem named and going on is that not fixed, as the problem named alone is
      ParsedAnswer stays = problemSays(Folded.of(f.originalFrom(at)));
      return stays instanceof ParsedAnswer.Fixed fx && !fx.fixed()
          ? new ParsedAnswer.Fixed(false, fx.comment(), text)
          : null;
    }
    return no > 0 && no >= leading(f, at, Lexicon.YES) ? yesOrNo(f, at, text) : null;
  }

  /**
   * Fixed said hedged ({@link Lexicon#SEEMS_FIXED}: "looks good", "大丈夫そうです"), or a verb of seeming,
   * time words, then that it works as an infinitive ("seems to work now", "scheint jetzt zu gehen",
   * "ça a l'air de marcher", "parece funcionar", "parece estar a funcionar"): read as "works" with
   * what follows it — fixed, the words after a but the comment; null when the reply says anything
   * else first.
   */
  private static ParsedAnswer seemsToWork(Folded f, String text) {
    int start = skip(f, 0, Lexicon.OPENER);
    int hedged = f.phraseAt(start, Lexicon.SEEMS_FIXED);
    if (hedged > 0
        && skipSymbols(f, skip(f, start + hedged, Lexicon.ACK, Lexicon.FILLER)) >= f.length()) {
      return new ParsedAnswer.Fixed(true, null, text); // "looks good", "大丈夫そうです" (大丈夫 is a thanks)
    }
    int at = skip(f, 0, Lexicon.ACK, Lexicon.OPENER);
    int seems = f.phraseAt(at, Lexicon.SEEMS);
    if (seems <= 0) {
      return null;
    }
    int verb = skip(f, at + seems, Lexicon.FILLER);
    int works = f.phraseAt(verb, Lexicon.TO_WORK);
    if (works <= 0) {
      return null;
    }
    String after = f.originalFrom(verb + works);
    boolean spaced = after != null && f.text.charAt(verb + works) == ' ';
    String read = "works" + (after == null ? "" : (spaced ? " " : "") + after);
    if (!(read(read) instanceof ParsedAnswer.Fixed fx)) {
      return null;
    }
    String comment =
        fx.comment() == null ? null : text.contains(fx.comment()) ? fx.comment() : text;
    return new ParsedAnswer.Fixed(fx.fixed(), comment, text);
  }

  /**
   * "je crois oui", "creo que sí", "probably fixed", "たぶん大丈夫です": a yes, a no, "fixed" or "all is
   * well" after an opinion, read as if the opinion were not there; null when what follows is
   * anything else ("i think the cable was loose" stays that whole text).
   */
  private static ParsedAnswer afterOpinion(Folded f) {
    int hedge = f.phraseAt(0, Lexicon.OPINION);
    String rest = hedge > 0 ? f.originalFrom(f.skipSeparators(hedge)) : null;
    if (rest == null) {
      return null;
    }
    ParsedAnswer answer = parse(rest);
    boolean allIsWell = answer instanceof ParsedAnswer.Thanks && saysAllIsWell(rest);
    return answer instanceof ParsedAnswer.Yes
            || answer instanceof ParsedAnswer.No
            || answer instanceof ParsedAnswer.Fixed
            || allIsWell
        ? answer
        : null;
  }

  /**
   * Where the words go on after an app or thing named in Latin letters or katakana at {@code at},
   * with or without a particle ("VPNまだ使ってないです", "Teamsはまだ開いてません"), else {@code at}.
   */
  private static int afterJapaneseObject(Folded f, int at) {
    java.util.regex.Matcher m = JA_OBJECT.matcher(f.text).region(at, f.length());
    return m.lookingAt() ? m.end() : at;
  }

  /** An app or thing named in Latin letters or katakana ("VPN", "outlook ", "プリンター"). */
  private static final String JA_NAMED =
      "(?:[a-z0-9][a-z0-9._\\-]{0,20} ?|[\\p{IsKatakana}ー]{1,12})";

  private static final java.util.regex.Pattern JA_OBJECT =
      java.util.regex.Pattern.compile(JA_NAMED + "(?:は|を|も)?(?=まだ)");

  /**
   * "not sure yet", "no idea", "weiß noch nicht, muss ich morgen testen", "まだ分かりません": they do not
   * know yet, and say nothing more than that they will find out (not "no idea, it just stopped").
   */
  private static boolean unsure(Folded f) {
    int at = skip(f, 0, Lexicon.GREETING, Lexicon.OPENER, Lexicon.APOLOGY); // "hallo, weiß nicht"
    int len = f.phraseAt(at, Lexicon.UNSURE);
    if (len <= 0) {
      // "haven't tried it yet", "pas encore testé", "まだ試してないです" alone: they will find out (a
      // phrase of more than one word: not "noch", "encore", "aún"); "ich hab noch nicht geschaut":
      // who says it first; "haven't had a chance to check yet, im wfh today": why, after it
      for (int said : new int[] {at, skip(f, at, Lexicon.SUBJECT), afterJapaneseObject(f, at)}) {
        int untested = f.phraseAt(said, UNTESTED_SAID);
        if (untested > 0 && awayOnly(f, said + untested)) {
          return true;
        }
      }
      // "not yet, I'm not at my desk", "noch nicht, bin im Urlaub": not tried yet, and why — a word
      // of being away after it ("not yet" alone, or "not yet, still broken", stays not fixed)
      int notYet = f.phraseAt(at, Lexicon.NOT_YET);
      if (notYet > 0) {
        int after = f.skipSeparators(at + notYet);
        if (after < f.length() && containsFrom(f, after, Lexicon.AWAY) && awayOnlyPlain(f, after)) {
          return true;
        }
      }
      // "lo pruebo mañana que hoy no estoy en la oficina", "今外出中なので後で見ます": why they are away
      // and that they will try, in any order, and nothing else
      return f.text.indexOf('?') < 0 && contains(f, UNTESTED_SAID) && awayOnlyPlain(f, at);
    }
    int rest = skip(f, at + len, Lexicon.ACK, Lexicon.FILLER); // "dunno yet", "no sé todavía"
    if (rest >= f.length()) {
      return true;
    }
    // "ni idea aún, mañana lo pruebo": a time word may be the start of it ("aún" is one);
    // "jsais pas encore, j'ai pas testé": who says it may come first
    int early = skip(f, at + len, Lexicon.ACK);
    if (f.text.indexOf('?') < 0 && early < f.length() && awayOnlyPlain(f, early)) {
      return true; // "je verrai demain", "no sé, hoy estoy fuera": when they will know, no more
    }
    boolean untested = false;
    for (int from : new int[] {early, rest}) {
      untested |=
          f.phraseAt(from, Lexicon.UNTESTED) > 0
              || f.phraseAt(skip(f, from, Lexicon.SUBJECT), Lexicon.UNTESTED) > 0;
    }
    return untested
        && f.text.indexOf('?') < 0
        && !containsFrom(f, early, Lexicon.NOT_FIXED)
        && !containsFrom(f, early, Lexicon.BUT);
  }

  /**
   * From {@code at}, nothing but thanks, time words, why it was not tried yet ("im wfh today",
   * "estoy de vacaciones") and when they will tell ("I'll let you know tomorrow"): no word about
   * what is wrong.
   */
  private static boolean awayOnly(Folded f, int at) {
    return awayOnly(
        f,
        at,
        Lexicon.PRONOUN,
        Lexicon.ACK,
        Lexicon.FILLER,
        Lexicon.SUBJECT,
        Lexicon.AWAY,
        Lexicon.AWAY_LINK,
        Lexicon.UNTESTED);
  }

  /**
   * As {@link #awayOnly}, without praise or "it works" fillers: where no phrase of not having tried
   * comes first, "testing it now, so far so good" says it works (a hedged yes), not "not tried".
   */
  private static boolean awayOnlyPlain(Folded f, int at) {
    return awayOnly(
        f,
        at,
        Lexicon.PRONOUN,
        Lexicon.THANKS,
        Lexicon.OK,
        Lexicon.SUBJECT,
        Lexicon.AWAY,
        Lexicon.AWAY_LINK,
        Lexicon.UNTESTED);
  }

  @SafeVarargs
  private static boolean awayOnly(Folded f, int at, List<String>... lists) {
    // "will let you know tomorrow", "je vous dis demain", "te aviso mañana", "明日確認します": when
    // they will tell is no word about what is wrong either; nor is until when they are away, a
    // time of day ("in meetings until 3pm", "en réunion jusqu'à 15h", "bis 15 Uhr", "15時まで")
    for (int i = at; ; ) {
      int next = skip(f, i, lists);
      java.util.regex.Matcher until = UNTIL_TIME.matcher(f.text).region(next, f.length());
      if (next >= f.length() || !until.lookingAt() || until.end() == next) {
        return next >= f.length();
      }
      i = until.end();
    }
  }

  /**
   * Until a time of day, in the six languages: "until 3pm", "jusqu'à 15h", "bis 15 uhr", "15時まで".
   */
  private static final Pattern UNTIL_TIME =
      Pattern.compile(
          "(?:until|till|til|bis|jusqu'a|jusqu'au|hasta las?|hasta el|ate as?|ate o|ate)\\s*"
              + "(?:\\d{1,2}(?:[:.h]\\d{2})?\\s*(?:am|pm|h|uhr|hrs)?|noon|midday|lunch|mittag|midi"
              + "|mediodia|meio-dia|almoco)(?![\\p{L}\\p{N}])"
              + "|\\d{1,2}(?:[:：]\\d{2})?時(?:半)?(?:頃)?まで(?:は)?");

  /**
   * "idk, prefer not to say", "no sé, nada": not knowing, then nothing to say — that closing no;
   * else null.
   */
  private static ParsedAnswer.No unsureThenNothing(Folded f) {
    int len = f.phraseAt(0, Lexicon.UNSURE);
    String rest = len > 0 ? f.originalFrom(f.skipSeparators(len)) : null;
    if (rest == null || !saysNothing(rest)) {
      return null;
    }
    return parse(rest) instanceof ParsedAnswer.No n && n.closing() ? n : null;
  }

  /**
   * A short answer taken back and said again ({@link Lexicon#CORRECTION}): "3 no wait, 4", "2 nein
   * doch 3", "3、いや4で" — the score after it; "yes… no wait, still getting the prompt", "ja… ne
   * moment, der Drucker zieht wieder kein Papier ein" — not fixed, the words after it the comment;
   * "no wait, yes reopen it" — the answer after it. Null when nothing is taken back: what comes
   * before the correction is no short answer (a score, a yes or a no alone), or what comes after it
   * says the same, or says nothing the reader knows ("yes, sorry for the delay" stays a yes).
   */
  private static ParsedAnswer corrected(Folded f, String text) {
    int lead = f.phraseAt(0, Lexicon.NEGATING_CORRECTION);
    boolean apology =
        lead > 0 && f.phraseAt(f.skipSeparators(f.wordAt(0).length()), Lexicon.APOLOGY) > 0;
    // "bueno no funciona", "o sea no funciona", "quer dizer não funciona": the no that ends the
    // correction is the not of the verb after it, and nothing is taken back
    int lastWord = f.text.lastIndexOf(' ', lead - 1) + 1;
    boolean notOfTheVerb = lead > 0 && f.phraseAt(lastWord, Lexicon.NOT_FIXED) > lead - lastWord;
    if (notOfTheVerb
        && withoutWords(parse(f.originalFrom(lastWord)), text) instanceof ParsedAnswer.Fixed fx
        && !fx.fixed()) {
      return fx; // what follows the "o sea", "quer dizer" alone: "no funciona"
    }
    if (lead > 0
        && !apology
        && !notOfTheVerb
        && lead < f.length()
        && Folded.isSeparator(f.text.charAt(lead))) {
      // "no wait, yes reopen it", "nein doch, 4": the no belongs to the correction
      String rest = f.originalFrom(afterCorrection(f, lead));
      ParsedAnswer again = rest == null ? null : parse(rest);
      if (again instanceof ParsedAnswer.Yes
          || again instanceof ParsedAnswer.Rating
          || again instanceof ParsedAnswer.Fixed fx && fx.fixed()) {
        return again;
      }
    }
    for (int i = 1; i < f.length(); i++) {
      char before = f.text.charAt(i - 1);
      boolean starts =
          Folded.isSeparator(before) || Folded.isCjk(f.text.charAt(i)) || Character.isDigit(before);
      int len = starts ? f.phraseAt(i, Lexicon.CORRECTION) : -1;
      if (len <= 0) {
        ParsedAnswer.Rating second = starts ? scoreNoScore(f, i) : null;
        if (second != null) {
          return second; // "3, não, 2", "4, no make it 3", "3, non plutôt 2": the second score
        }
        continue;
      }
      String first = f.originalBefore(i);
      String rest = f.originalFrom(afterCorrection(f, i + len));
      if (first == null || rest == null) {
        continue;
      }
      Boolean said = shortAnswer(parse(first));
      ParsedAnswer again = parse(rest);
      if (said == null) {
        if (parse(first) instanceof ParsedAnswer.Rating r
            && r.comment() == null
            && again instanceof ParsedAnswer.Rating r2
            && r2.score() != r.score()) {
          return r2; // "3 no wait, 4": the second score
        }
        continue;
      }
      Boolean saysNow = shortAnswer(again);
      boolean negates = f.phraseAt(i, Lexicon.NEGATING_CORRECTION) == len;
      if (saysNow != null && saysNow != said) {
        return again; // "no… wait, yes it works"
      }
      if (saysNow == null
          && (again instanceof ParsedAnswer.Yes && !said
              || again instanceof ParsedAnswer.No n && n.rest() != null && said)) {
        // "sim, quer dizer, não, o teams ainda cai": the other answer, with its words
        return again;
      }
      if (said && negates && again instanceof ParsedAnswer.Fixed fx && !fx.fixed()) {
        return new ParsedAnswer.Fixed(false, fx.comment() != null ? fx.comment() : rest, text);
      }
      if (said && negates && again instanceof ParsedAnswer.FreeText ft && !ft.unsure()) {
        // "yes… no wait, the printer jams again": the yes taken back, what is wrong after it
        return new ParsedAnswer.Fixed(false, rest, text);
      }
    }
    return null;
  }

  /** A bare no that takes a score back ("3, não, 2"). */
  private static final List<String> SCORE_TAKEN_BACK =
      List.of("nope", "nah", "nein", "nee", "nao", "non", "nan", "no", "ne", "いや", "いえ");

  /**
   * A score alone, then at {@code at} a bare no, then another score alone ("3, não, 2", "4, no make
   * it 3", "3, non plutôt 2"): the second score; else null ("4, no complaints" keeps its words, "5,
   * no 10" is no second score).
   */
  private static ParsedAnswer.Rating scoreNoScore(Folded f, int at) {
    int no = f.phraseAt(at, SCORE_TAKEN_BACK);
    String first = no > 0 ? f.originalBefore(at) : null;
    // the score is read without a whole parse: a long reply of "no point no point …" is not read
    // again at each no
    ParsedAnswer.Rating r = first == null ? null : Ratings.read(Folded.of(clean(first)));
    if (r == null || r.comment() != null) {
      return null;
    }
    String rest = f.originalFrom(afterCorrection(f, at + no));
    return rest != null
            && parse(rest) instanceof ParsedAnswer.Rating r2
            && r2.comment() == null
            && r2.score() != r.score()
        ? r2
        : null;
  }

  /** Past a correction at {@code at}: separators, more corrections and openers ("あ、いえ、やっぱり"). */
  private static int afterCorrection(Folded f, int at) {
    return skip(f, at, Lexicon.CORRECTION, Lexicon.OPENER);
  }

  /**
   * True for a yes or "fixed" alone, false for a no or "not fixed" alone (nothing after it), else
   * null.
   */
  private static Boolean shortAnswer(ParsedAnswer a) {
    if (a instanceof ParsedAnswer.Yes y && y.rest() == null) {
      return true;
    } else if (a instanceof ParsedAnswer.No n && n.rest() == null) {
      return false;
    } else if (a instanceof ParsedAnswer.Fixed fx && fx.comment() == null) {
      return fx.fixed();
    }
    return null;
  }

  /** A thumb, then a score and nothing more but thanks ("👍 5", "👎 2/5"); else null. */
  private static ParsedAnswer thumbAndScore(Folded f) {
    for (boolean up : new boolean[] {true, false}) {
      for (String thumb : up ? THUMBS_UP_AND_CHECK : Lexicon.THUMBS_DOWN) {
        if (f.text.startsWith(thumb) && f.text.length() > thumb.length()) {
          String rest = f.originalFrom(f.skipSeparators(thumb.length()));
          // "👎 2, nobody even called me": the score, and its words (a count stays no score)
          if (rest != null && parse(rest) instanceof ParsedAnswer.Rating) {
            return new ParsedAnswer.Fixed(up, rest, null);
          }
        }
      }
    }
    return null;
  }

  /**
   * A thumb or a check mark or cross, then the same answer in words ("❌ immer noch kaputt", "✔️
   * resolvido", "👎 no, still jams"): that answer, the whole reply its text, its words kept as they
   * would be without the emoji. Null when the words say something else or no answer.
   */
  private static ParsedAnswer thumbThenSame(Folded f, String text) {
    for (boolean up : new boolean[] {true, false}) {
      for (String thumb : up ? THUMBS_UP_AND_CHECK : Lexicon.THUMBS_DOWN) {
        if (!f.text.startsWith(thumb) || f.text.length() <= thumb.length()) {
          continue;
        }
        int at = f.skipSeparators(thumb.length());
        String rest = at < f.length() ? f.originalFrom(at) : null;
        ParsedAnswer said = rest == null ? null : parse(rest);
        if (said instanceof ParsedAnswer.Fixed fx && fx.fixed() == up) {
          return new ParsedAnswer.Fixed(up, fx.comment(), text);
        } else if (said instanceof ParsedAnswer.Yes y && up) {
          return new ParsedAnswer.Yes(y.rest(), text);
        } else if (said instanceof ParsedAnswer.No n && !up) {
          return new ParsedAnswer.No(n.rest(), n.closing(), n.but(), text);
        }
      }
    }
    return null;
  }

  /** A thumb up, or the check marks that say done (✅ is also a thanks). */
  private static final List<String> THUMBS_UP_AND_CHECK =
      java.util.stream.Stream.concat(Lexicon.THUMBS_UP.stream(), java.util.stream.Stream.of("✅"))
          .toList();

  /** The one emoji or symbol a reply repeats and is made of ("😭😭"), else the reply itself. */
  private static String oneSymbolRepeated(String core) {
    if (core.isEmpty()) {
      return core;
    }
    int first = core.codePointAt(0);
    boolean same =
        Character.getType(first) == Character.OTHER_SYMBOL
            && core.codePoints().allMatch(cp -> cp == first);
    return same ? new String(Character.toChars(first)) : core;
  }

  /** "hi", "Hello?", "bonjour", "こんにちは": a greeting and nothing more. */
  private static boolean greetsOnly(Folded f) {
    int at = f.skipSeparators(0);
    int greeting = f.phraseAt(at, Lexicon.GREETING);
    return greeting > 0 && f.skipSeparators(at + greeting) >= f.length();
  }

  /**
   * "stop", alone or with please and thanks around it ("please stop", "Stopp bitte", "停止でお願いします"),
   * or a sentence that starts by asking not to be surveyed ("stop sending me these", "no más
   * encuestas").
   */
  private static boolean optsOut(Folded f) {
    int at = skip(f, 0, Lexicon.ACK, Lexicon.POLITE);
    int stop = f.phraseAt(at, Lexicon.STOP);
    if (stop > 0 && skip(f, at + stop, Lexicon.ACK, Lexicon.POLITE) >= f.length()) {
      return true;
    }
    return f.phraseAt(0, Lexicon.STOP_SENTENCE) > 0
        || f.phraseAt(at, Lexicon.STOP_SENTENCE) > 0
        || JA_NO_MORE_SURVEYS.matcher(f.text).find();
  }

  /**
   * An opt-out followed, after its clause ends (a comma, a full stop, a "but"), by more than thanks
   * or please: "no more surveys please, the printer still jams", "Schluss mit den Umfragen, aber
   * der Drucker geht immer noch nicht". Those words are still an answer (they were lost with the
   * opt-out). "please stop sending these, thanks" says nothing more.
   */
  private static boolean saysMoreThanStop(Folded f) {
    // (a "but" that is nothing else in any language: not "mais", "mas" or "nur", which are also
    // "more" and "only" — "não quero mais receber isso", "no más encuestas")
    String t = f.text;
    for (int i = 1; i < t.length(); i++) {
      int from = -1;
      if (",.;!?、。！？\n".indexOf(t.charAt(i)) >= 0) {
        from = i + 1;
      } else if (t.charAt(i - 1) == ' ') {
        int but = f.phraseAt(i, STOP_THEN_BUT);
        from = but > 0 ? i + but : -1;
      }
      if (from > 0 && skip(f, from, Lexicon.ACK, Lexicon.POLITE) < f.length()) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> STOP_THEN_BUT =
      List.of(
          "but",
          "however",
          "although",
          "though",
          "aber",
          "allerdings",
          "jedoch",
          "cependant",
          "par contre",
          "pero",
          "sin embargo",
          "aunque",
          "porem",
          "でも",
          "けど",
          "しかし");

  /**
   * Japanese: the surveys or these messages named, then refused ("アンケートはもう結構です", "もうアンケート送らないで
   * ください", "このメッセージは今後いらないです"), at the start of the reply — not "アンケートはもう答えました".
   */
  private static final java.util.regex.Pattern JA_NO_MORE_SURVEYS =
      java.util.regex.Pattern.compile(
          "^(?:もう|今後は?)?、?(?:この|こういう|こんな|こちらの)?(?:アンケート|メッセージ|通知|調査)(?:は|を|も)?、?"
              + "(?:もう|今後は?)?、?(?:送らないで|送ってこないで|いらない|いらん|要らない|要らん|不要|結構|けっこう"
              + "|やめて|止めて|停止|配信しないで)");

  /** "fixed", "geht wieder", "no funciona", "直っていません" — alone or followed by a separator. */
  private static ParsedAnswer fixed(Folded f) {
    // "naja, teilweise", "well, it works", "ちゃんと動いてます"
    int start = skip(f, 0, Lexicon.ACK, Lexicon.OPENER, Lexicon.FILLER_BEFORE);
    int said = skip(f, 0, Lexicon.OPENER, Lexicon.FILLER_BEFORE);
    if (f.phraseAt(0, Lexicon.FIXED) > said) {
      said = 0; // "so far so good": a fixed phrase that starts with an opener
    }
    int fixedSaid = f.phraseAt(said, Lexicon.FIXED);
    if (fixedSaid > 0 && said + fixedSaid > start) {
      start = said; // "no problem anymore, thanks": a fixed phrase longer than the thanks it opens
    }
    if (start >= f.length()) {
      // "all sorted now cheers mate", "no problem now": a fixed word that is also a thanks, then
      // only time words and thanks — fixed, as the fixed word alone is
      return said < f.length() && f.phraseAt(said, Lexicon.FIXED) > 0
          ? new ParsedAnswer.Fixed(true, null, f.originalFrom(0))
          : null;
    }
    if (start > said
        && f.phraseAt(said, Lexicon.FIXED) > 0
        && scoreAndThanks(f.originalFrom(start)) != null) {
      // "sorted ty 5/5", "all sorted, 5 stars": a fixed word that is also a thanks, then a score
      return new ParsedAnswer.Fixed(true, f.originalFrom(start), f.originalFrom(0));
    }
    // "works fine now but it took 3 days": a time word may come before the but
    int butAt = skip(f, start, Lexicon.FILLER);
    int but = f.phraseAt(butAt, Lexicon.BUT);
    if (start > said
        && but > 0
        && skipAcks(f, butAt + but) < f.length()
        && saysAllIsWell(f.originalBefore(start))
        && !containsFrom(f, start, Lexicon.NOT_FIXED)
        && !containsFrom(f, start, Lexicon.STILL_NOT)) {
      // "works fine but slow", "all good but took long": all is well, and a comment after the but
      // (an ok alone is no answer: "ok but it still crashes" is read as before)
      return new ParsedAnswer.Fixed(true, f.originalFrom(butAt), f.originalFrom(0));
    }
    int subject = skip(f, start, Lexicon.PRONOUN);
    int notFixedAtStart = f.phraseAt(start, Lexicon.NOT_FIXED);
    if (subject > start
        && f.phraseAt(start, Lexicon.FIXED) < 0
        && f.phraseAt(subject, Lexicon.NOT_FIXED) > 0
        && (notFixedAtStart < 0
            || subject + f.phraseAt(subject, Lexicon.NOT_FIXED) > start + notFixedAtStart)) {
      // "es geht nicht", "it doesnt work", "il ne marche pas", "isso não funciona"; "it is not
      // working" too, though "it is not" alone is a not fixed that would leave "working" over
      start = subject;
    }
    for (boolean fixed : new boolean[] {false, true}) {
      int len = f.phraseAt(start, fixed ? Lexicon.FIXED : Lexicon.NOT_FIXED);
      if (len < 0) {
        continue;
      }
      int end = start + len;
      List<String> same = fixed ? Lexicon.FIXED : Lexicon.NOT_FIXED;
      for (int more; end < f.length() && (more = f.phraseAt(end, same)) > 0; ) {
        end += more; // "まだ解決してません": Japanese runs its phrases together
      }
      int phraseEnd = end; // the phrase itself, before the words that place it in time
      // a word that only places the answer in time or stresses it belongs to it: "funciona ya,
      // pero tardaron mucho", "funciona agora, ainda não sei o que houve", "works fine but slow"
      for (int more; (more = f.phraseAt(skipSpaces(f, end), Lexicon.FILLER)) > 0; ) {
        end = skipSpaces(f, end) + more;
      }
      int after = skipSpaces(f, end);
      // thanks, or a yes after a fixed word ("resolvido sim"), add nothing to the answer
      // "nao resolveu ainda", "works again now": time words and the same answer again, too
      // an emoji after it says how they feel, not what is wrong ("broken again 🙄")
      int tail =
          skipSymbols(
              f,
              fixed
                  ? skip(f, end, Lexicon.ACK, Lexicon.YES, Lexicon.FILLER, Lexicon.FIXED)
                  : skip(f, end, Lexicon.ACK, Lexicon.FILLER, Lexicon.NOT_FIXED));
      if (after < f.length()
          && !Folded.isSeparator(f.text.charAt(after))
          && tail < f.length()
          && f.phraseAt(after, Lexicon.BUT) < 0 // "works now but it took forever"
          && (after != end || f.phraseAt(after, Lexicon.BUT_AFTER_VERB) < 0) // "直りましたが、…"
          && !bareRating(f.originalFrom(after))
          && scoreAfterThanks(f, after) == after) {
        // "ça remarche depuis la mise à jour": "depuis" alone is also a time word
        int how =
            !fixed || after == end
                ? -1
                : Math.max(
                    fixHow(f, skip(f, after, Lexicon.WELL)), fixHow(f, skipSpaces(f, phraseEnd)));
        if (how >= 0) {
          // "works with the new cable", "fixed after the reboot": fixed, and how kept as the
          // comment; "works for me" says no more than that it works
          return new ParsedAnswer.Fixed(
              true, how < f.length() ? f.originalFrom(0) : null, f.originalFrom(0));
        }
        // "broken screen on my laptop" is not an answer to "did we fix it?"; "fixed 👍 5 stars"
        // is: thanks or an emoji, then a score
        continue;
      }
      int restAt = scoreAfterThanks(f, f.skipSeparators(end));
      String rest =
          tail < f.length() && restAt < f.length() && skipAcks(f, restAt) < f.length()
              ? f.originalFrom(restAt)
              : null;
      return new ParsedAnswer.Fixed(fixed, rest, f.originalFrom(0));
    }
    return null;
  }

  /**
   * The problem named, then that it is gone or goes on ("the problem is still there", "problem
   * solved", "das Problem besteht weiterhin", "le problème est résolu", "el problema sigue", "o
   * problema foi resolvido", "問題は解決していません"): fixed or not, words after it the comment.
   */
  private static ParsedAnswer problemSays(Folded f) {
    int start = skip(f, 0, Lexicon.ACK, Lexicon.OPENER, Lexicon.FILLER_BEFORE);
    for (boolean gone : new boolean[] {true, false}) {
      int len = problemSaysAt(f, start, gone);
      if (len <= 0) {
        continue;
      }
      int end = skipSymbols(f, skip(f, start + len, Lexicon.FILLER, Lexicon.ACK));
      String rest = end < f.length() ? f.originalFrom(f.skipSeparators(start + len)) : null;
      return new ParsedAnswer.Fixed(gone, rest, f.originalFrom(0));
    }
    return null;
  }

  /**
   * At {@code at}, the problem named ("the problem", "das Problem", "問題は"), then that it is gone
   * ({@code gone}: "is solved", "ist behoben") or goes on ("is still there", "sigue"): the length
   * of both, else 0.
   */
  private static int problemSaysAt(Folded f, int at, boolean gone) {
    int named = f.phraseAt(at, Lexicon.PROBLEM);
    if (named <= 0) {
      return 0;
    }
    int verb = skipSpaces(f, at + named);
    int says = f.phraseAt(verb, gone ? Lexicon.PROBLEM_GONE : Lexicon.PROBLEM_STAYS);
    return says > 0 ? verb + says - at : 0;
  }

  /**
   * Untested phrases of more than one word (or Japanese): "haven't tried it", not "noch", "encore",
   * "aún", which say little alone.
   */
  private static final List<String> UNTESTED_SAID = saidInWords(Lexicon.UNTESTED.stream());

  /** Untested or unsure phrases of more than one word ("todavía no lo he probado", not "aún"). */
  private static final List<String> NOT_TRIED_YET =
      saidInWords(java.util.stream.Stream.concat(UNTESTED_SAID.stream(), Lexicon.UNSURE.stream()));

  /** The phrases of more than one word, or Japanese, longest first (as Lexicon orders them). */
  private static List<String> saidInWords(java.util.stream.Stream<String> phrases) {
    return phrases
        .filter(p -> p.indexOf(' ') > 0 || (!p.isEmpty() && Folded.isCjk(p.charAt(0))))
        .distinct()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /**
   * The trouble goes on, in words of its own ({@link Lexicon#STILL_NOT}, or Japanese まだ / 相変わらず /
   * いまだに with a negative verb in the same clause): not fixed, the whole reply the comment. Null
   * when nothing follows those words, or when the reply says it was not tried yet ("todavía no lo
   * he probado", "still not sure").
   */
  private static ParsedAnswer stillNot(Folded f) {
    int start = skip(f, 0, Lexicon.ACK, Lexicon.OPENER, Lexicon.FILLER_BEFORE);
    if (start >= f.length() || contains(f, NOT_TRIED_YET) || agreesThenSays(f)) {
      return null; // "vale, sigue sin imprimir" at the reopen offer: the yes, with its words
    }
    // "still broken on 3 laptops", "toujours en panne sur 2 postes": a not-fixed phrase with its
    // "still" says the trouble goes on, as a "still not" does
    int still = f.phraseAt(start, Lexicon.STILL_NOT);
    if (still <= 0 && (still = f.phraseAt(start, Lexicon.STILL_NOT_FIXED)) > 0) {
      int said = skipSymbols(f, skip(f, start + still, Lexicon.WELL, Lexicon.FILLER, Lexicon.ACK));
      if (said >= f.length()) {
        return new ParsedAnswer.Fixed(false, null, f.originalFrom(0)); // "still broken, sadly"
      }
    }
    int after = still > 0 ? skipSpaces(f, start + still) : -1;
    if (still > 0 && worksWordOnly(f, after)) {
      // "ainda não está funcionando", "still not working right": the no said again, no comment
      return new ParsedAnswer.Fixed(false, null, f.originalFrom(0));
    }
    boolean goesOn =
        still > 0
            ? skipSymbols(f, after) < f.length() && !Folded.isSeparator(f.text.charAt(after))
            : japaneseStillNot(f.text.substring(start));
    return goesOn ? new ParsedAnswer.Fixed(false, f.originalFrom(0), f.originalFrom(0)) : null;
  }

  /**
   * The trouble goes on, said after what it is about: a "still not" ({@link Lexicon#STILL_NOT}) at
   * a word inside the reply ("the mailbox still isn't showing up", "nur das Scannen klappt immer
   * noch nicht", "le son ne marche toujours pas", "el calendario sigue sin sincronizar", "a
   * impressora continua sem aparecer"), in a reply that does not ask, does not open with a yes or a
   * no, and is not about not knowing or not having tried yet ("I still don't know why").
   */
  private static boolean stillNotLater(Folded f) {
    int start = skip(f, 0, Lexicon.ACK, Lexicon.OPENER, Lexicon.FILLER_BEFORE);
    if (start >= f.length()
        || asks(f)
        || contains(f, NOT_TRIED_YET)
        || leading(f, start, Lexicon.YES) > 0
        || leading(f, start, Lexicon.NO) > 0) {
      return false;
    }
    for (int i = start + 1; i < f.length(); i++) {
      if (Character.isLetterOrDigit(f.text.charAt(i - 1))) {
        continue;
      }
      int still = f.phraseAt(i, Lexicon.STILL_NOT);
      if (still > 0
          && !notKnowing(f, i + still)
          && !notKnowingBefore(f, i)
          && !containsFrom(f, i + still, Lexicon.FIXED)
          && !containsFrom(f, i + still, Lexicon.WORKS_NOW)) {
        return true; // not "it's still not clear what happened, but it works"
      }
    }
    return JA_STILL_FAILING.matcher(f.text).find();
  }

  /**
   * Japanese: what fails named, then まだ / 相変わらず / いまだに and how it fails, with no negation
   * ("プリンターはまだ紙詰まりします", "Outlookがまだフリーズします", "Wi-Fiが相変わらず切れます").
   */
  private static final java.util.regex.Pattern JA_STILL_FAILING =
      java.util.regex.Pattern.compile(
          "(?:[はがも、]|[a-z0-9\\p{IsKatakana}ー])\\s*(?:まだ|相変わらず|いまだに|未だに)[^。！？!?]{0,6}?"
              + "(?:紙詰まり|フリーズ|固ま|落ち|切れ|止ま|エラー|再起動|重い|遅い)");

  /**
   * From {@code at}, a word that it works ("working", "está a funcionar", "funciona"), then nothing
   * but how well, time words, thanks or emoji: after "still not" it only says "not fixed" again.
   */
  private static boolean worksWordOnly(Folded f, int at) {
    int i = skip(f, at, Lexicon.PRONOUN);
    int works = Math.max(f.phraseAt(i, Lexicon.FIXED), f.phraseAt(i, Lexicon.WORKS_NOW));
    return works > 0
        && skipSymbols(f, skip(f, i + works, Lexicon.FILLER, Lexicon.WELL, Lexicon.ACK))
            >= f.length();
  }

  /**
   * What works, in at most four words, then that it works now, and nothing more but how well, when,
   * thanks or a score ("printer works again, 5 stars", "Drucker geht wieder", "la impresora ya
   * funciona", "a impressora voltou a funcionar", "プリンターが使えるようになりました"): fixed, the score after it
   * its rest. Null when the reply asks, says what is still wrong, contrasts, or negates ("nothing
   * works", "my laptop works slowly").
   */
  private static ParsedAnswer subjectWorks(Folded f) {
    if (asksOrStillBroken(f)
        || contains(f, Lexicon.NO)
        || contains(f, Lexicon.NOTHING)
        || leading(f, skip(f, 0, Lexicon.ACK, Lexicon.OPENER), Lexicon.YES) > 0) {
      return null; // a yes first ("yes, it works now", "ja, läuft") is read as the yes it is
    }
    int words = 0;
    for (int i = 0; i < f.length() && words <= 4; i++) {
      char ch = f.text.charAt(i);
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      if (i > 0 && (wordStart || Folded.isCjk(ch))) {
        int len = f.phraseAt(i, Lexicon.WORKS_NOW);
        if (len > 0) {
          int end = skipSymbols(f, skip(f, i + len, Lexicon.FILLER, Lexicon.ACK));
          if (end >= f.length()) {
            return new ParsedAnswer.Fixed(true, null, f.originalFrom(0));
          }
          int score = f.skipSeparators(i + len);
          score = skip(f, score, Lexicon.FILLER, Lexicon.ACK);
          if (scoreAndThanks(f.originalFrom(score)) != null) {
            return new ParsedAnswer.Fixed(true, f.originalFrom(score), f.originalFrom(0));
          }
          return null;
        }
      }
      if (wordStart && Character.isLetterOrDigit(ch)) {
        words++;
      }
    }
    return null;
  }

  /**
   * It works in one case and not in another, in one sentence: a works phrase in its first words,
   * then a contrast whose clause is negated right away or at its end ("works on wifi but not on
   * VPN", "im WLAN geht's, über VPN aber nicht", "ça marche en wifi mais pas sur le vpn", "funciona
   * con wifi pero no con la vpn", "funciona no wifi mas não na vpn", "Wi-Fiだと繋がるけどVPNだと繋がらない"), or
   * it is better and not fixed ("better but not fixed", "besser, aber nicht ganz", "mejor pero no
   * del todo", "melhorou mas não resolveu"). Not when the words after the contrast name something
   * else ("works now, but nobody told me", "fixed, but my monitor flickers too").
   */
  private static boolean partlyWorks(Folded f) {
    if (JA_PARTLY.matcher(f.text).find()
        || JA_PARTLY_STILL.matcher(f.text).find()
        || JA_ONLY_THEN.matcher(f.text).find()
        || HERE_YES_THERE_NO.matcher(f.text).find()) {
      return true;
    }
    int first = skip(f, 0, Lexicon.ACK, Lexicon.OPENER);
    int only = onlyAt(f, first);
    if (only > 0 && onlyWhere(f, first + only)) {
      return true; // "only on wifi, not on the VPN", "nur im WLAN", "seulement en wifi"
    }
    int words = 0;
    for (int i = 0; i < f.length() && words <= 4; i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      if (!wordStart || !Character.isLetterOrDigit(f.text.charAt(i))) {
        continue;
      }
      int better = f.phraseAt(i, Lexicon.BETTER);
      int works = Math.max(f.phraseAt(i, Lexicon.FIXED), f.phraseAt(i, Lexicon.WORKS_NOW));
      if (works <= 0 && better > 0) {
        // better, then a clause saying not (fully) fixed: "better but not fixed", "mejor pero no
        // del todo" — not "better but not perfect, 4"
        return !NEGATION.matcher(f.text.substring(0, i)).find()
            && (stillNotInALaterClause(f, i + better) || notFixedAfterContrast(f, i + better));
      }
      if (works > 0) {
        String before = f.text.substring(0, i);
        return !NEGATION.matcher(before).find()
            && (contrastNegated(f, i + works)
                || stillNotInALaterClause(f, i + works)
                || onlySometimes(f, i + works)
                || onlyThen(f, i, i + works));
      }
      if (f.phraseAt(i, Lexicon.YES) > 0 && words == 0 || f.phraseAt(i, Lexicon.NO) > 0) {
        return false; // "yes, but …", "no, …": read as the yes or no it starts with
      }
      words++;
    }
    return false;
  }

  /**
   * It works only somewhere or only under a condition: "only" right before the works phrase ("solo
   * funciona con wifi", "só funciona no wifi"), or right after it before where or when ("works only
   * on wifi", "geht nur wenn ich neu starte"), or "if" right after it and more words ("fixed if I
   * restart", "ça marche si je redémarre", "funciona se eu reiniciar"). Not an "only" that stresses
   * ("it is working only"), nor an "if" set off by a mark ("it works, if that helps").
   */
  private static boolean onlyThen(Folded f, int at, int end) {
    int word = at;
    while (word > 0 && f.text.charAt(word - 1) == ' ') {
      word--;
    }
    int start = word;
    while (start > 0 && Character.isLetter(f.text.charAt(start - 1))) {
      start--;
    }
    if (start < word && onlyAt(f, start) == word - start) {
      return true;
    }
    int after = end;
    for (int more; (more = f.phraseAt(skipSpaces(f, after), Lexicon.FILLER)) > 0; ) {
      after = skipSpaces(f, after) + more;
    }
    if (after >= f.length() || f.text.charAt(after) != ' ') {
      return false;
    }
    after = skipSpaces(f, after);
    int only = onlyAt(f, after);
    if (only > 0) {
      return onlyWhere(f, after + only);
    }
    int cond = f.phraseAt(after, Lexicon.IF);
    return cond > 0
        && after + cond < f.length()
        && f.text.charAt(after + cond) == ' '
        && Character.isLetter(f.text.charAt(skipSpaces(f, after + cond)));
  }

  /**
   * The length of an "only" at {@code at} ({@link Lexicon#ONLY}), or -1. Portuguese "só" folds to
   * "so", which is also English and German "so" ("so it works now", "so geht es wieder" are fixed):
   * it counts as written with its accent, or before a Portuguese verb ("so funciona no wifi").
   */
  private static int onlyAt(Folded f, int at) {
    int len = f.phraseAt(at, Lexicon.ONLY);
    if (len > 0 || !f.text.startsWith("so", at) || f.phraseAt(at, Lexicon.PT_SO) != 2) {
      return len;
    }
    boolean accented = f.originalAt(at + 1) == 'ó' || f.originalAt(at + 1) == 'Ó';
    int next = skipSpaces(f, at + 2);
    return accented || next > at + 2 && f.phraseAt(next, Lexicon.PT_VERB_AFTER_SO) > 0 ? 2 : -1;
  }

  /** At {@code at}, after an "only": a space, then where or when ("on wifi", "wenn ich …"). */
  private static boolean onlyWhere(Folded f, int at) {
    if (at >= f.length() || f.text.charAt(at) != ' ') {
      return false;
    }
    int where = f.phraseAt(skipSpaces(f, at), Lexicon.ONLY_WHERE);
    return where > 0 && skipSpaces(f, at) + where < f.length();
  }

  /**
   * From {@code from} to the end of its sentence, a contrast whose clause starts with a negation
   * ("but not", "aber nicht", "mais pas", "pero no", "mas não", "but it doesn't") or ends with one
   * ("über VPN aber nicht").
   */
  private static boolean contrastNegated(Folded f, int from) {
    int end = sentenceEnd(f, from);
    int at = afterContrast(f, from, end);
    if (at < 0) {
      return false;
    }
    String clause = f.text.substring(Math.min(at, end), end).strip();
    java.util.regex.Matcher first = NEGATION.matcher(clause);
    boolean negatedFirst = first.find() && first.start() <= 1;
    boolean negatedLast = CLAUSE_ENDS_NEGATED.matcher(clause).find();
    return negatedFirst || negatedLast;
  }

  /** From {@code from}, a contrast whose clause opens with a not-fixed phrase ("but not fully"). */
  private static boolean notFixedAfterContrast(Folded f, int from) {
    int at = afterContrast(f, from, sentenceEnd(f, from));
    return at >= 0 && f.phraseAt(at, Lexicon.NOT_FIXED) > 0;
  }

  /** Where the sentence that {@code from} is in ends (a full stop, ! ? ; or the text's end). */
  private static int sentenceEnd(Folded f, int from) {
    int end = from;
    while (end < f.length() && ".!?;。！？".indexOf(f.text.charAt(end)) < 0) {
      end++;
    }
    return end;
  }

  /**
   * Where the clause after the first contrast word between {@code from} and {@code end} starts,
   * past a pronoun ("but it doesn't" → "doesn't"), or -1 when there is no contrast.
   */
  private static int afterContrast(Folded f, int from, int end) {
    for (int i = from; i < end; i++) {
      boolean wordStart = !Character.isLetterOrDigit(f.text.charAt(i - 1));
      int but = wordStart ? f.phraseAt(i, Lexicon.BUT) : -1;
      if (but > 0) {
        int at = f.skipSeparators(i + but);
        return f.skipSeparators(at + Math.max(0, f.phraseAt(at, Lexicon.PRONOUN)));
      }
    }
    return -1;
  }

  /**
   * From {@code from} to the end of its sentence, a later clause (after a comma, a semicolon or a
   * contrast) saying something still does not work: "works on my laptop, phone still cant get
   * email", "ça marche sur le pc, le téléphone toujours pas", "funciona no notebook, no celular
   * ainda não".
   */
  private static boolean stillNotInALaterClause(Folded f, int from) {
    boolean later = false;
    for (int i = from; i < f.length() && ".!?。！？".indexOf(f.text.charAt(i)) < 0; i++) {
      char c = f.text.charAt(i);
      boolean wordStart = !Character.isLetterOrDigit(f.text.charAt(i - 1));
      later |= c == ',' || c == ';' || c == '、' || wordStart && f.phraseAt(i, Lexicon.BUT) > 0;
      int still = later && wordStart ? f.phraseAt(i, Lexicon.STILL_NOT) : 0;
      if (still > 0 && !notKnowing(f, i + still) && !notKnowingBefore(f, i)) {
        return true;
      }
      // "it works but the bug is still there", "ça marche mais le bug est toujours là": the
      // problem named, then that it goes on
      if (later && wordStart && problemSaysAt(f, i, false) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * At {@code at}, right after a "still not", words saying only that the writer still does not
   * know, believe or understand something (Lexicon.NOT_KNOWING): "still can't believe it took a
   * week", "toujours pas compris pourquoi", "todavía no sé qué pasó"; or, as German and French put
   * the verb first, right before it ("ich weiß immer noch nicht warum", "je comprends toujours
   * pas": {@link #notKnowingBefore}).
   */
  private static boolean notKnowingBefore(Folded f, int at) {
    int end = at;
    while (end > 0 && Folded.isSeparator(f.text.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetterOrDigit(f.text.charAt(start - 1))) {
      start--;
    }
    return start < end && f.phraseAt(start, Lexicon.NOT_KNOWING) == end - start;
  }

  private static boolean notKnowing(Folded f, int at) {
    int word = f.skipSeparators(at);
    if (word >= f.length()) {
      return false;
    }
    if (f.phraseAt(word, Lexicon.NOT_KNOWING) > 0) {
      return true;
    }
    if (!f.text.startsWith("se", word)
        || word + 2 < f.length() && Character.isLetterOrDigit(f.text.charAt(word + 2))) {
      return false;
    }
    int after = word + 2;
    return after >= f.length()
        || ".!?,;".indexOf(f.text.charAt(after)) >= 0
        || f.phraseAt(f.skipSeparators(after), Lexicon.KNOW_WHAT) > 0;
  }

  /**
   * From {@code from} to the end of its sentence, that it works only some of the time ("ça marche
   * une fois sur deux", "funktioniert nur manchmal", "funciona a veces").
   */
  private static boolean onlySometimes(Folded f, int from) {
    for (int i = from; i < f.length() && ".!?。！？".indexOf(f.text.charAt(i)) < 0; i++) {
      boolean wordStart = !Character.isLetterOrDigit(f.text.charAt(i - 1));
      if ((wordStart || Folded.isCjk(f.text.charAt(i)))
          && f.phraseAt(i, Lexicon.INTERMITTENT) > 0) {
        return true;
      }
    }
    return false;
  }

  /** A clause that ends on its negation: "über VPN aber nicht", "en casa no". */
  private static final java.util.regex.Pattern CLAUSE_ENDS_NEGATED =
      java.util.regex.Pattern.compile("(?:^|[^\\p{L}])(?:not|nicht|pas|no|nao|nunca)[^\\p{L}]*$");

  /**
   * Japanese: in one case it works, in another not — a place or condition (だと, では, なら, で, は), a
   * verb that works, a contrast (けど, が), another place or condition, then a negative verb.
   */
  private static final java.util.regex.Pattern JA_PARTLY =
      java.util.regex.Pattern.compile(
          "(?:だと|では|なら|で|は)[^。！？!?]*?(?:る|ます|ました|た|です)(?:けど|けれど|けれども|が)、?"
              + "[^。！？!?]*(?:だと|では|なら|で|は)[^。！？!?]*(?:ない|ません|なかった|ませんでした|ダメ|だめ|まだ)");

  /**
   * Japanese: it works only in one case ("Wi-Fiのときだけ使えます", "ノートPCでしか動きません") or only if something is
   * done first ("再起動すれば直ります", "再起動したら使えます" — not the past "再起動したら直りました", which says it was fixed).
   */
  private static final java.util.regex.Pattern JA_ONLY_THEN =
      java.util.regex.Pattern.compile(
          "(?<!一部|半分|部分)(?:だけ|のみ)(?:は|で|なら)?、?(?:使え|動|つなが|繋が|直|いけ)"
              + "|しか(?:使え|動|つなが|繋が|いけ)"
              + "|(?:すれば|すると|したら|れば|なら)、?(?:直ります|直る|使えます|使える|動きます|動く"
              + "|つながります|繋がります|つながる|繋がる)(?![たでし]|ようにな(?:りました|った))");

  /**
   * Latin: in one place yes, in another not, in one sentence ("am Laptop ja, am PC nicht", "en la
   * laptop sí pero en la de escritorio no", "on the laptop yes, on the desktop no").
   */
  private static final java.util.regex.Pattern HERE_YES_THERE_NO =
      java.util.regex.Pattern.compile(
          "^(?:on|in|at|with|am|an|im|auf|bei|mit|en|sur|dans|avec|au|con|no|na|em|com)"
              + " [^,.;!?]{1,40}? (?:yes|yeah|ja|oui|si|sim)[ ,;]+(?:(?:but|aber|mais|pero|mas|and|und"
              + "|et|y|e) )?[^.!?]{1,60}? (?:not|no|nicht|pas|nao)[^\\p{L}]*$");

  /**
   * Japanese: it works, a contrast, then something that still does not work or works only at times
   * ("Teamsは使えるけどOutlookがまだ開かない", "動くけど、たまにフリーズします").
   */
  private static final java.util.regex.Pattern JA_PARTLY_STILL =
      java.util.regex.Pattern.compile(
          "(?:使える|使えます|動く|動きます|動いてる|動いてます|つながる|繋がる|つながります|繋がります|直った|直りました)"
              + "(?:けど|けれど|けれども|が)、?[^。！？!?]*(?:まだ[^。！？!?]*(?:ない|ません|ダメ|だめ|無理)"
              + "|たまに|時々|ときどき)");

  /**
   * The reply says what works ("the printer works again, thanks"), not only that it is fixed
   * ("fixed", "works now").
   */
  public static boolean namesWhatWorks(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    return fixed(f) == null && subjectWorks(f) != null;
  }

  private static final java.util.regex.Pattern JA_STILL_NOT =
      java.util.regex.Pattern.compile(
          "^"
              + JA_NAMED
              + "?(まだ|相変わらず|いまだに|未だに)"
              + "[^。、，,.!！?？]*(ません|ない|ないです|なくて|ないまま|ず)[。、，,.!！?？\\s]*.*$",
          java.util.regex.Pattern.DOTALL);

  private static boolean japaneseStillNot(String text) {
    return JA_STILL_NOT.matcher(text).matches();
  }

  /**
   * After a score with no separator: only thanks ("5 thanks"), or a reason, a contrast or a verdict
   * ("2 because …", "4 aber …", "1 terrible", "2 trop long", "3 tardaron mucho", "2 対応が遅い") — not a
   * counted noun ("3 days and nobody called", "2 Kollegen", "5 min later"), nor a number run into a
   * word ("2nd floor", "3pm") or another number.
   */
  private static boolean reasonOrThanks(Folded f, int at) {
    if (skipAcks(f, at) >= f.length()
        || skip(f, at, Lexicon.EMPHASIS, Lexicon.ACK) >= f.length() // "5 de una", not a count
        || f.phraseAt(at, Lexicon.AFTER_SCORE) > 0
        || f.phraseAt(at, Lexicon.BUT) > 0
        || f.phraseAt(at, Lexicon.PRAISE) > 0
        || hedgeThenReason(f, at)) {
      return true;
    }
    int hedge = f.phraseAt(at, Lexicon.HEDGE_AFTER); // "3 or so people": still a count
    int word = hedge > 0 ? skipSpaces(f, at + hedge) : at;
    return at > 0
        && f.text.charAt(at - 1) == ' '
        && Character.isLetter(f.text.charAt(at))
        && f.phraseAt(word, Lexicon.COUNTED) < 0
        && f.phraseAt(at, Lexicon.NOT_FIXED) < 0
        && f.phraseAt(at, Lexicon.FIXED) < 0;
  }

  /**
   * A yes said twice, then more ("oui oui c'est réglé", "yes yes it works", "sí sí, ya funciona"):
   * read as the yes said once, when that reading carries no words of its own; else null.
   */
  private static ParsedAnswer yesSaidTwice(Folded f, String text) {
    int yes = f.phraseAt(0, Lexicon.YES);
    // an answer with no words of its own is short: a long reply, or one of many yeses ("yes -- "
    // said seventy times), is not read again yes by yes
    if (yes <= 0 || yes >= f.length() || f.length() > APOLOGY_ANSWER_MAX) {
      return null;
    }
    int again = f.skipSeparators(yes);
    if (again == yes
        || again >= f.length()
        || !f.text.startsWith(f.text.substring(0, yes), again)
        || f.phraseAt(again, Lexicon.YES) != yes
        || f.text.startsWith(f.text.substring(0, yes), f.skipSeparators(again + yes))) {
      return null;
    }
    String once = f.originalFrom(again);
    return once == null ? null : withoutWords(read(once), text);
  }

  /**
   * A score said as one number word, then only thanks ("FIVE cheers", "four thanks", "vier danke",
   * "cinco gracias"): the score, no comment — as "5 thanks" is. Null otherwise.
   */
  private static ParsedAnswer.Rating numberWordThenThanks(Folded f) {
    int end = 0;
    while (end < f.length()
        && Character.isLetter(f.text.charAt(end))
        && !Folded.isCjk(f.text.charAt(end))) {
      end++;
    }
    if (end == 0
        || end >= f.length()
        || !Lexicon.NUMBERS.containsKey(f.text.substring(0, end))
        || skip(f, end, Lexicon.THANKS) < f.length()) {
      return null; // "très bien" is no 3: only thanks may follow
    }
    return read(f.originalBefore(end)) instanceof ParsedAnswer.Rating r && r.comment() == null
        ? r
        : null;
  }

  /**
   * "4 i guess, took a while", "3かな、遅かった": a hedge, a separator, then more (not "3 or so people").
   */
  private static boolean hedgeThenReason(Folded f, int at) {
    int hedge = f.phraseAt(at, Lexicon.HEDGE_AFTER);
    return hedge > 0
        && at + hedge < f.length()
        && f.text.charAt(at + hedge) != ' '
        && Folded.isSeparator(f.text.charAt(at + hedge));
  }

  /**
   * A rating whose words after the score are only thanks, emphasis or what it is for ("5 thanks",
   * "4 danke", "5です、ありがとうございます", "5 por la atención"): the rating alone — thanks are no comment,
   * which would stand in for what went wrong.
   */
  private static ParsedAnswer.Rating withoutThanks(ParsedAnswer.Rating r) {
    if (r.comment() == null) {
      return r;
    }
    Folded c = Folded.of(r.comment());
    // "10/10 for the support", "dez de dez pelo atendimento": what the score is for, no comment
    // "4, not bad", "3, passt schon": a mild verdict says the score again, no comment
    return skip(
                c,
                0,
                Lexicon.THANKS,
                Lexicon.POLITE,
                Lexicon.EMPHASIS,
                Lexicon.SCORE_FOR,
                Lexicon.SCORE_VERDICT)
            >= c.length()
        ? new ParsedAnswer.Rating(r.score(), null)
        : r;
  }

  /**
   * "nvm, sorted it myself", "ach egal hat sich erledigt", "deixa pra lá, já resolvi": taking back
   * a request, with nothing after it but thanks or how it got resolved — a closing no. Null when
   * the reply goes on to ask for something or to say what is still wrong.
   */
  private static ParsedAnswer.No neverMind(Folded f, String text) {
    // "hmm actually nvm", "ok, forget it": openers and thanks before it (thanks include the
    // never-minds themselves, so each position is tried first)
    int at = f.skipSeparators(0);
    int len = f.phraseAt(at, Lexicon.NEVER_MIND);
    while (len <= 0) {
      int filler = Math.max(f.phraseAt(at, Lexicon.OPENER), leading(f, at, Lexicon.ACK));
      if (filler <= 0 || at + filler >= f.length()) {
        return null;
      }
      at = f.skipSeparators(at + filler);
      len = f.phraseAt(at, Lexicon.NEVER_MIND);
    }
    int restAt = f.skipSeparators(at + len);
    if (skipAcks(f, restAt) >= f.length()) {
      return new ParsedAnswer.No(null, true, null, text);
    }
    if (asksOrStillBroken(f) || !contains(f, Lexicon.RESOLVED)) {
      return null;
    }
    return new ParsedAnswer.No(f.originalFrom(restAt), true, null, text);
  }

  /**
   * At "what do you need?": the reply takes the request back because the trouble went away — after
   * a no, a never-mind or a sorry, only how it got resolved ("nada, ya se arregló solo", "never
   * mind, it fixed itself", "nothing, it went away", "すみません、やっぱり大丈夫でした"). False when it asks for
   * something or says what is still wrong.
   */
  public static boolean takesBack(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    if (asksOrStillBroken(f)) {
      return false;
    }
    int opened = skip(f, 0, Lexicon.OPENER);
    int at = skip(f, opened, Lexicon.OPENER, Lexicon.APOLOGY);
    int lead = Math.max(leading(f, at, Lexicon.NO), f.phraseAt(at, Lexicon.NEVER_MIND));
    if (lead <= 0) {
      // "perdón, ya funciona", "sorry, it works now": a sorry, then only how it got resolved
      // "oh wait it's working now, never mind", "my printer works again": it works, and no more
      return at > opened && resolvedOnly(f, at) || resolvedThenNeverMind(f) || worksAgain(f);
    }
    int after = at + lead;
    if (after < f.length()
        && f.text.charAt(after) == ' '
        && f.phraseAt(at, Lexicon.NOTHING) > 0
        && f.phraseAt(skipSpaces(f, after), Lexicon.RESOLVED) > 0) {
      return false; // "nothing works now" says the opposite of "nothing, it works now"
    }
    int rest = f.skipSeparators(after);
    return rest >= f.length() || contains(f, Lexicon.RESOLVED);
  }

  /**
   * "oh wait, it's working now, never mind", "c'est reparti, laissez tomber": how it got resolved,
   * and a never-mind that opens a clause of its own (not "it works no longer").
   */
  private static boolean resolvedThenNeverMind(Folded f) {
    if (!contains(f, Lexicon.RESOLVED)) {
      return false;
    }
    for (int i = 1; i < f.length(); i++) {
      if (f.phraseAt(i, Lexicon.NEVER_MIND) > 0 && f.text.charAt(i - 1) == ' ') {
        int before = i - 1;
        while (before > 0 && f.text.charAt(before) == ' ') {
          before--;
        }
        if (f.text.charAt(before) != ' ' && Folded.isSeparator(f.text.charAt(before))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * "my printer works now", "the vpn is working again", "outlook läuft wieder": what they were
   * going to ask about works, said last, with a word that places it in time or stresses it.
   */
  private static boolean worksAgain(Folded f) {
    for (int i = 0; i < f.length(); i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      int len = wordStart ? f.phraseAt(i, Lexicon.RESOLVED) : -1;
      if (len > 0) {
        int next = f.skipSeparators(i + len);
        if (f.phraseAt(next, Lexicon.FILLER) > 0
            && skip(f, next, Lexicon.FILLER, Lexicon.ACK) >= f.length()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The reply asks for something or says what is still wrong (or goes on with "but"): what comes
   * after a never-mind is then no taking back.
   */
  private static boolean asksOrStillBroken(Folded f) {
    return asks(f) || contains(f, Lexicon.NOT_FIXED) || contains(f, Lexicon.BUT);
  }

  /** From {@code at}, nothing but how it got resolved, the words around it and thanks. */
  private static boolean resolvedOnly(Folded f, int at) {
    int end =
        skip(
            f,
            at,
            Lexicon.RESOLVED,
            Lexicon.FILLER,
            Lexicon.FILLER_BEFORE,
            Lexicon.PRONOUN,
            Lexicon.ACK);
    return end >= f.length() && contains(f, Lexicon.RESOLVED);
  }

  /**
   * "Yes, thank you so much! 5 stars", "fixed, thanks! 5/5": where the score starts, when thanks
   * and please lead to a score and nothing more; else {@code at}.
   */
  private static int scoreAfterThanks(Folded f, int at) {
    int score = skip(f, at, Lexicon.ACK, Lexicon.POLITE);
    if (score == at || score >= f.length()) {
      return at;
    }
    return scoreAndThanks(f.originalFrom(score)) != null ? score : at;
  }

  /**
   * The rating when {@code text} is a score and nothing more but thanks ("5", "2/5", "5 thanks"),
   * else null.
   */
  public static ParsedAnswer.Rating scoreAndThanks(String text) {
    return parse(text) instanceof ParsedAnswer.Rating r && nothingButThanksAfter(r) ? r : null;
  }

  /**
   * {@code words} only say fixed or not fixed again, as {@code fixed} says, with nothing more
   * ("still broken", "geht immer noch nicht", "toujours en panne", "sigue igual", "まだダメです" after a
   * no; "works now" after a yes).
   */
  public static boolean saysAgain(String words, boolean fixed) {
    return words != null
        && parse(words) instanceof ParsedAnswer.Fixed fx
        && fx.fixed() == fixed
        && fx.comment() == null;
  }

  /**
   * The score has no words after it, or only thanks, praise or a closing phrase ("5 great job").
   */
  public static boolean nothingButThanksAfter(ParsedAnswer.Rating r) {
    return r.comment() == null || parse(r.comment()) instanceof ParsedAnswer.Thanks;
  }

  /**
   * A score said on its scale inside words: "2/5", "２／５", "4 stars", "4 Sterne", "4 étoiles", "4
   * estrellas", "4 estrelas", "4⭐", "⭐⭐⭐⭐", "★★★★☆", "nota 2", "星2つ", "2点". A bare number is not
   * one ("took 3 days", "2 people still can't log in"), nor a date ("since 2/5", "am 2/5").
   */
  private static final Pattern SCALE_SCORE =
      Pattern.compile(
          "(?<![\\p{IsLatin}\\p{N}/.,:])(?<!(?:on|since|until|till|am|seit|bis|le|depuis|el|desde|em|dia) )"
              + "([1-5])(?:\\s*/\\s*5(?![\\p{N}/.,]\\p{N})|\\s*(?:stars?|sterne?|etoiles?|étoiles?"
              + "|estrellas?|estrelas?)(?![\\p{L}])|\\s*(?:⭐|★|🌟)|点(?!\\p{N}))"
              + "|(?<![\\p{L}])nota\\s+([1-5])(?![\\p{N}/.,])"
              + "|星\\s*([1-5])(?![\\p{N}])"
              + "|(?<![★⭐🌟])((?:★|⭐|🌟){1,5})☆*(?![★⭐🌟])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The one score said on its scale in {@code words} ({@link #SCALE_SCORE}), wherever it stands
   * ("but 2/5 for the wait", "mas nota 2 pela demora", "待ち時間長かったので2/5"); null when there is none,
   * or more than one.
   */
  public static Integer scaleScoreIn(String words) {
    if (words == null || words.length() > LONG_REPLY) {
      return null;
    }
    String text = Normalizer.normalize(clean(words), Normalizer.Form.NFKC);
    java.util.regex.Matcher m = SCALE_SCORE.matcher(text);
    Integer score = null;
    while (m.find()) {
      if (score != null) {
        return null; // "2/5 for the wait, 5/5 for the tech": which one?
      }
      if (m.group(4) != null) {
        score = m.group(4).codePointCount(0, m.group(4).length());
      } else {
        String digit =
            m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        score = Integer.parseInt(digit);
      }
    }
    return score;
  }

  /**
   * A score said last, in a clause of its own after words ("still can't print. 2 from me", "sigue
   * sin imprimir. le doy un 2", "took ages, 3"): the score, with the words before it (without the
   * mark that ends them) as the comment; null when the last clause is no bare score or nothing
   * comes before it. A clause ends at . ! ; , followed by a space, or at 。！、.
   */
  public static ParsedAnswer.Rating trailingScore(String raw) {
    if (raw == null) {
      return null;
    }
    String text = clean(raw);
    for (int i = text.length() - 2; i > 0; i--) {
      char ch = text.charAt(i);
      boolean ends = ".!;,".indexOf(ch) >= 0 && text.charAt(i + 1) == ' ' || "。！、".indexOf(ch) >= 0;
      if (!ends) {
        continue;
      }
      String before = text.substring(0, i).strip();
      ParsedAnswer.Rating last = scoreAndThanks(text.substring(i + 1).strip());
      if (last == null
          || before.codePoints().noneMatch(Character::isLetter)
          || endsInNumber(before)) {
        // "tried steps 1, 2, 3", "Windows 11, 2", "le 3, 4": a list or a number goes on
        return null;
      }
      // "悪くない、4", "nada mau, 4": a mild verdict before the score is no comment either
      return withoutThanks(new ParsedAnswer.Rating(last.score(), before));
    }
    return null;
  }

  /**
   * The words end in a number, a mark after it at most ("step 1", "Raum 3.2", "am 3.", "ticket
   * 4512"): a number said next is one more of them (a list, a version, a date), not a score.
   */
  private static boolean endsInNumber(String words) {
    for (int i = words.length() - 1; i >= 0; i--) {
      char ch = words.charAt(i);
      if (Character.isDigit(ch)) {
        return true;
      } else if (ch != '.' && ch != ')' && !Character.isWhitespace(ch)) {
        return false;
      }
    }
    return false;
  }

  /** A score and nothing more ("5/5", "1 star"): "fixed 5/5" answers both questions. */
  private static boolean bareRating(String text) {
    ParsedAnswer.Rating r = Ratings.read(Folded.of(text));
    return r != null && r.comment() == null;
  }

  /** Portuguese words after "já" (already): "já está", "ja nao", "já voltou". */
  private static final Pattern AFTER_PORTUGUESE_JA =
      Pattern.compile(
          "ja (?:esta|estou|estao|nao|foi|deu|funciona|funcionou|ta|tem|voltou|resolveu|resolvido|"
              + "consegui|era|e|parou|caiu|travou|estava|fiz|testei|reiniciei|tinha)\\b.*");

  /**
   * The reply opens with Portuguese "já" (already), not the German "ja" (yes): written with its
   * accent, or followed by a Portuguese verb or "não" ("ja esta sem internet de novo").
   */
  private static boolean portugueseJa(Folded f, int start) {
    if (!f.text.startsWith("ja", start)
        || start + 2 < f.length() && Character.isLetter(f.text.charAt(start + 2))) {
      return false;
    }
    char a = f.originalAt(start + 1);
    return a == 'á' || a == 'Á' || AFTER_PORTUGUESE_JA.matcher(f.text.substring(start)).matches();
  }

  /** "no one": nobody, never the no it starts with. */
  private static final List<String> NOBODY = List.of("no one", "no-one");

  private static ParsedAnswer yesOrNo(Folded f, int start, String text) {
    int yes = leading(f, start, Lexicon.YES);
    if (yes > 0 && portugueseJa(f, start)) {
      // "já não funciona outra vez": Portuguese "already", not the German yes — the answer is what
      // follows it
      String after = f.originalFrom(f.skipSeparators(start + 2));
      ParsedAnswer answer = after == null ? null : parse(after);
      if (answer instanceof ParsedAnswer.Fixed
          || answer instanceof ParsedAnswer.Yes
          || answer instanceof ParsedAnswer.No) {
        return answer;
      }
      // "já", "já, obrigado", "já voltou ao normal": already — fixed, the yes it was read as before
      Folded rest = after == null ? null : Folded.of(clean(after));
      boolean already =
          after == null
              || answer instanceof ParsedAnswer.Thanks
              || contains(rest, Lexicon.FIXED)
                  && !contains(rest, Lexicon.NOT_FIXED)
                  && !contains(rest, Lexicon.STILL_NOT)
                  && !contains(rest, Lexicon.PROBLEM);
      if (!already) {
        yes = -1;
      }
    }
    // "no one called me back" says nobody did, not no
    int no = f.phraseAt(start, NOBODY) > 0 ? -1 : leading(f, start, Lexicon.NO);
    if (yes < 0 && no < 0) {
      return null;
    }
    if (yes > 0 && yes == leading(f, start, Lexicon.POLITE)) {
      // "please don't", "bitte nicht", "por favor no": the please asks for the no
      int at = f.skipSeparators(start + yes);
      java.util.regex.Matcher refusal = REFUSAL.matcher(f.text.substring(Math.min(at, f.length())));
      if (refusal.lookingAt()) {
        int restAt = f.skipSeparators(at + refusal.end(1));
        boolean plain =
            skip(f, restAt, Lexicon.ACK, Lexicon.POLITE, Lexicon.NO, Lexicon.FILLER) >= f.length();
        return new ParsedAnswer.No(
            plain ? null : f.originalFrom(restAt), plain, but(f, restAt), text);
      }
    }
    boolean isNo = no >= yes;
    if (isNo && negatedQuestion(f, start, no)) {
      // "¿no debería funcionar ya?", "não era pra estar funcionando já?": the no negates the
      // question's verb — a question back, never the no to "did we fix it?"
      return new ParsedAnswer.FreeText(text, true, false);
    }
    int restAt = scoreAfterThanks(f, f.skipSeparators(start + (isNo ? no : yes)));
    restAt = scoreAfterSame(f, restAt, isNo); // "sí, resuelto, un 5": the score is the rest
    // "si ya imprime bien", "yes it prints fine now": the yes said again in a few words
    boolean sameAgain =
        saysFixedAgain(f, restAt, isNo)
            || !isNo && worksWell(f, restAt)
            || isNo && restAt < f.length() && stillNotAgain(Folded.of(f.originalFrom(restAt)));
    if (sameAgain) {
      // "ja, läuft", "no, still broken": the answer to "did we fix it?", wherever it is typed
      return new ParsedAnswer.Fixed(!isNo, null, text);
    }
    if (isNo && restAt < f.length()) {
      // "non toujours pas, l'imprimante affiche erreur", "no, still broken: the screen flickers":
      // not fixed, and what is wrong — wherever it is typed, never a plain no
      ParsedAnswer stillBroken = fixed(Folded.of(f.originalFrom(restAt)));
      if (stillBroken instanceof ParsedAnswer.Fixed sb && !sb.fixed() && sb.comment() != null) {
        return new ParsedAnswer.Fixed(false, sb.comment(), text);
      }
    }
    if (!isNo) {
      // "yes please", "sí, por favor", "oui oui": nothing more than the yes
      // "oui, une chose encore", "yes there is": the request is still to come
      boolean nothingMore =
          skip(f, restAt, Lexicon.ACK, Lexicon.POLITE, Lexicon.YES, Lexicon.FILLER) >= f.length()
              || hasMoreToAsk(f.originalFrom(restAt));
      return new ParsedAnswer.Yes(nothingMore ? null : f.originalFrom(restAt), text);
    }
    // "no", "no, still broken": a plain no; "no thanks", "no, that is all", "no, nothing": closing
    // "no no", "nope, not really": the no again is no more than a plain no
    // "rien, laissez tomber", "no, forget it": a never-mind after the no is no more than the no
    // "no 😞", "non :(": an emoji after the no says how they feel, no words of their own
    boolean plain = skipSymbols(f, skip(f, restAt, Lexicon.NO, Lexicon.NEVER_MIND)) >= f.length();
    boolean closing = plain || skip(f, restAt, Lexicon.ACK, Lexicon.NO) >= f.length();
    return new ParsedAnswer.No(
        plain ? null : f.originalFrom(restAt), closing, but(f, restAt), text);
  }

  /**
   * A Spanish or Portuguese question whose "no" / "não" negates the verb right after it ("¿no
   * debería funcionar ya?", "não era pra estar funcionando já?"): no comma after the no, the reply
   * ends in a question mark, and what follows the no is no fixed or not-fixed phrase ("no
   * funciona?" is read as before).
   */
  private static boolean negatedQuestion(Folded f, int start, int no) {
    String word = f.text.substring(start, start + no);
    int at = start + no;
    if (!(word.equals("no") || word.equals("nao"))
        || at >= f.length()
        || f.text.charAt(at) != ' '
        || !f.text.strip().endsWith("?")) {
      return false;
    }
    int verb = at + 1;
    return f.phraseAt(verb, Lexicon.FIXED) < 0
        && f.phraseAt(verb, Lexicon.NOT_FIXED) < 0
        && f.phraseAt(verb, Lexicon.NO) < 0
        && f.phraseAt(verb, Lexicon.YES) < 0;
  }

  /**
   * "thanks, but no", "merci mais non", "ありがとう、でも大丈夫です": after thanks, a contrast and a negative,
   * where the negative starts; else {@code start}.
   */
  private static int afterThanksBut(Folded f, int start) {
    int but = start > 0 ? f.phraseAt(start, Lexicon.BUT) : -1;
    if (but <= 0) {
      return start;
    }
    int at = f.skipSeparators(start + but);
    return leading(f, at, Lexicon.NO) > 0 ? at : start;
  }

  /**
   * "sim, deu certo, nota 5", "yes all fixed 5/5": where the score starts when the words before it
   * only repeat the yes or no (with thanks and time words) and nothing but thanks follows it; else
   * {@code at}.
   */
  private static int scoreAfterSame(Folded f, int at, boolean no) {
    int score = sameAnswer(f, at, no, true);
    return score >= 0 ? score : at;
  }

  /**
   * A reply that starts by refusing, after a please: "don't", "nicht", "non", "não", "no more" …
   */
  private static final java.util.regex.Pattern REFUSAL =
      java.util.regex.Pattern.compile(
          "(no more|no mas|plus maintenant|nicht mehr|nao mais|no|not|non|nao|nein|nicht|nee|kein\\p{L}*"
              + "|never|nie|nunca|jamais|pas|nope|nah|don'?t|do not)(?:[^\\p{L}]|$)");

  /** A negation anywhere in the words: "not", "nicht", "pas", "n't", "kein", "nunca" … */
  private static final java.util.regex.Pattern NEGATION =
      java.util.regex.Pattern.compile(
          "(?:^|[^\\p{L}])(?:not|no|never|nicht|nie|kein\\p{L}*|pas|ne|jamais|nao|nunca|nada)"
              + "(?:[^\\p{L}]|$)|n't");

  /**
   * "ya imprime bien", "it prints fine now", "druckt wieder gut": from {@code at}, a few words (at
   * most five) ending in how well it works, with no negation, contrast, question or number in them.
   */
  private static boolean worksWell(Folded f, int at) {
    String rest = f.text.substring(Math.min(at, f.length()));
    if (rest.isBlank()
        || rest.strip().split("\\s+").length > 5
        || NEGATION.matcher(rest).find()
        || rest.chars().anyMatch(Character::isDigit)
        || rest.indexOf('?') >= 0
        || containsFrom(f, at, Lexicon.BUT)
        || containsFrom(f, at, Lexicon.NOT_FIXED)
        || containsFrom(f, at, Lexicon.ASKS)) {
      return false;
    }
    for (int i = at; i < f.length(); i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      int len = wordStart ? f.phraseAt(i, Lexicon.WELL) : -1;
      if (len > 0 && skip(f, i + len, Lexicon.FILLER, Lexicon.ACK) >= f.length()) {
        return true;
      }
    }
    return false;
  }

  /**
   * After a fixed phrase, where, how or since when it holds ("works with the new cable", "fixed
   * after the reboot", "läuft jetzt mit dem neuen Kabel", "ça marche avec le nouveau câble", "ya
   * funciona con el cable nuevo", "funcionou depois de reiniciar"): a few words (at most six)
   * opened by such a word, running to the end or to a mark followed only by thanks, with no
   * negation, contrast, limit ("only", "until", "then", "again"), question or number in them.
   * Returns where the words after the opening one start (the reply's length when there are none:
   * "works for me"), or -1.
   */
  private static int fixHow(Folded f, int at) {
    int opens = f.phraseAt(at, Lexicon.FIX_HOW);
    if (opens <= 0) {
      return -1;
    }
    int end = at;
    while (end < f.length() && !Folded.isSeparator(f.text.charAt(end))
        || end < f.length() && f.text.charAt(end) == ' ') {
      end++;
    }
    if (skipSymbols(f, skipAcks(f, end)) < f.length()
        || f.text.indexOf('?', at) >= 0
        || f.text.indexOf('？', at) >= 0) {
      // "works after the reboot, the dock still flickers": more than the fix; "works on my
      // laptop?": a question
      return -1;
    }
    String clause = f.text.substring(at, end);
    if (clause.strip().split("\\s+").length > 6
        || NEGATION.matcher(clause).find()
        || clause.chars().anyMatch(Character::isDigit)) {
      return -1;
    }
    for (int i = at + opens; i < end; i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      if (wordStart
          && (f.phraseAt(i, Lexicon.BUT) > 0
              || f.phraseAt(i, Lexicon.FIX_LIMITED) > 0
              || f.phraseAt(i, Lexicon.NOT_FIXED) > 0
              || f.phraseAt(i, Lexicon.ASKS) > 0)) {
        return -1;
      }
    }
    int words = skipSpaces(f, at + opens);
    return skipSymbols(f, skip(f, words, Lexicon.FILLER, Lexicon.ACK)) < f.length()
        ? words
        : f.length();
  }

  /**
   * The fault no longer happens, and nothing else is said but thanks: "it doesn't crash anymore",
   * "no more crashes", "stürzt nicht mehr ab", "keine Abstürze mehr", "ça ne plante plus", "plus de
   * coupures", "ya no se cuelga", "não trava mais", "nunca mais travou", "もう落ちません", "エラーが出なくなりました"
   * — fixed. A fault word negated with "no more" is the fix, not the fault ("no more crashes" was
   * read as not fixed). Not "doesn't work anymore" (no fault word) nor "使えなくなりました" (became
   * unusable).
   */
  private static boolean faultGone(Folded f) {
    if (f.text.indexOf('?') >= 0 || f.text.indexOf('？') >= 0) {
      return false; // "no more crashes?": a question
    }
    int start = skip(f, 0, Lexicon.ACK, Lexicon.OPENER);
    int end = start;
    while (end < f.length() && !onlyThanksFrom(f, end)) {
      end++;
    }
    String core = trimSeparators(f.text.substring(start, end));
    return !core.isEmpty() && FAULT_GONE.matcher(core).matches();
  }

  /**
   * From {@code at}, a word start, to the end: only thanks, acks, time words and emoji ("…anymore,
   * thanks 👍"). False inside a word.
   */
  private static boolean onlyThanksFrom(Folded f, int at) {
    if (at > 0 && Character.isLetterOrDigit(f.text.charAt(at - 1))) {
      return false;
    }
    int i = at;
    for (int before = -1; i > before && i < f.length(); ) {
      before = i;
      i = skipSymbols(f, skip(f, i, Lexicon.ACK, Lexicon.FILLER));
    }
    return i >= f.length();
  }

  /** What a French or German fault phrase may start with: "ça", "le PC"; "es", "der Drucker". */
  private static final String FR_SUBJECT =
      "(?:(?:ca|ce|il|elle|le \\p{L}+|la \\p{L}+|mon \\p{L}+|ma \\p{L}+) )?";

  private static final String DE_SUBJECT =
      "(?:(?:es|er|sie|das \\p{L}+|der \\p{L}+|die \\p{L}+|mein \\p{L}+) )?";

  private static final java.util.regex.Pattern FAULT_GONE =
      java.util.regex.Pattern.compile(
          "(?:(?:it|that|this|the \\p{L}+|my \\p{L}+|the \\p{L}+ \\p{L}+) )?"
              + "(?:does ?n'?t|does not|won'?t|will not|is ?n'?t|is not|has ?n'?t|has not)"
              + " (?:crash|freez|froz|hang|drop|disconnect|fail|lag|reboot|restart|jam|flicker"
              + "|cut|shut|stall|glitch)\\p{L}*(?: out| off| up| down)? any ?more"
              + "|no more (?:crash|freez|hang|drop|disconnect|fail|lag|reboot|restart|jam|flicker"
              + "|error|glitch|cut|outage|bug|blue ?screen|bsod)\\p{L}*"
              + "|no (?:crash|freez|hang|drop|disconnect|fail|error|glitch|outage|bug|blue ?screen"
              + "|bsod)\\p{L}* any ?more"
              + "|"
              + DE_SUBJECT
              + "(?:sturzt|friert|hangt|bricht|fallt|spinnt|ruckelt|crasht|stockt|flackert|hakt)"
              + " nicht mehr(?: ab| ein| aus| auf| zusammen)?"
              + "|keine (?:absturze|abbruche|fehler|fehlermeldungen|aussetzer|hanger|ruckler) mehr"
              + "|"
              + FR_SUBJECT
              + "(?:ne |n')(?:se )?(?:plante|gele|bloque|coupe|freeze|crash|bug|rame|deconnecte"
              + "|redemarre)\\p{L}* plus"
              + "|plus (?:de |d')(?:plantages?|coupures?|bugs?|erreurs?|deconnexions?|blocages?)"
              + "|ya no (?:se )?(?:cuelga|traba|congela|cae|falla|corta|reinicia|bloquea"
              + "|desconecta|apaga|tilda)\\p{L}*"
              + "|ya no (?:hay|da|sale)n? (?:errores|error|cortes|fallos)"
              + "|(?:ja )?nao (?:trava|congela|cai|falha|desliga|reinicia|desconecta|da erro)"
              + "\\p{L}* mais"
              + "|nunca mais (?:travou|caiu|deu erro|falhou|desligou|congelou|reiniciou)"
              + "|(?:ja )?nao da mais erro"
              + "|もう(?:落ちません|落ちない|固まりません|固まらない|止まりません|切れません|切れない"
              + "|フリーズしません|エラーが出ません|エラーは出ません)(?:です|ね|よ)?"
              + "|(?:エラー|フリーズ)(?:は|が|も)?(?:出なくなりました|しなくなりました|出なくなった"
              + "|しなくなった)"
              + "|(?:落ち|切れ|固まら|止まら)なくなりました"
              // not again since the fix: "it hasn't crashed again", "no ha vuelto a fallar", "não
              // voltou a travar", "ist nicht wieder abgestürzt", "ça n'a pas replanté", "再発していません"
              + "|(?:(?:it|that|this|the \\p{L}+|my \\p{L}+) )?(?:has ?n'?t|has not|did ?n'?t|did not)"
              + " (?:crash|freez|froz|hang|hung|drop|disconnect|fail|happen|jam|glitch|cut|shut)"
              + "\\p{L}*(?: out| off| up| down)?(?: again| since)?"
              + "|(?:(?:it|that|this|the (?:error|problem|issue|bug|fault|crash|message)) )?"
              + "(?:has ?n'?t|has not) come back"
              + "|no (?:se )?(?:ha vuelto|volvio) a (?:fallar|colgar|colgarse|trabar|trabarse"
              + "|congelar|congelarse|caer|caerse|pasar|dar error|reiniciar|reiniciarse|cortar"
              + "|cortarse|bloquear|bloquearse|desconectar|desconectarse|apagar|apagarse|tildar"
              + "|tildarse)"
              + "|(?:ja )?nao (?:voltou|tornou) a (?:travar|cair|falhar|dar erro|acontecer|desligar"
              + "|congelar|reiniciar|desconectar)"
              + "|"
              + DE_SUBJECT
              + "ist nicht"
              + " (?:wieder|mehr) (?:abgesturzt|eingefroren|ausgefallen|aufgetreten|abgebrochen"
              + "|gecrasht|hangen geblieben)"
              + "|"
              + FR_SUBJECT
              + "(?:ne |n')"
              + "(?:se )?re(?:plante|gele|bloque|coupe|freeze|crash|bug|deconnecte|demarre)"
              + "\\p{L}* plus"
              + "|"
              + FR_SUBJECT
              + "n'a (?:pas|plus)"
              + " (?:re)?(?:plante|gele|bloque|coupe|crashe|bugue)"
              + "|(?:ca |ce |il |elle )?ne s'est (?:pas|plus) reprodui\\p{L}*"
              + "|(?:あれから|その後|それから)?、?(?:再発していません|再発しておりません|落ちていません"
              + "|固まっていません|エラーは?出ていません)(?:です|ね|よ)?");

  /**
   * The fault came back: a fault word with its language's "again" ("crashed again", "broke again",
   * "froze again"; "wieder abgestürzt", "stürzt wieder ab"; "ça replante", "plante à nouveau"; "se
   * volvió a caer", "se colgó otra vez"; "travou de novo", "voltou a cair"; "またフリーズしました",
   * "また落ちました") in the last part of the reply, not negated in its clause ("hasn't crashed again",
   * "no ha vuelto a fallar", "não voltou a travar" are no fault) nor followed by a contrast
   * ("crashed again yesterday but fine since") or asked ("did it crash again?"). Not fixed,
   * whatever came before it ("it was fixed but…", "war behoben, aber…", "一度直ったんですが、…"); the reply
   * is the comment unless it is only the fault said again (with thanks or an emoji: "it broke again
   * 😡"), as "still broken" is. Null otherwise.
   */
  private static ParsedAnswer faultAgain(Folded f, String text) {
    if (f.text.indexOf('?') >= 0 || f.text.indexOf('？') >= 0) {
      return null;
    }
    java.util.regex.Matcher m = FAULT_AGAIN.matcher(f.text);
    int start = -1;
    int end = -1;
    while (m.find()) {
      start = m.start();
      end = m.end();
    }
    if (start < 0) {
      return null;
    }
    int clause = start;
    while (clause > 0 && ",.;!:。、\n".indexOf(f.text.charAt(clause - 1)) < 0) {
      clause--;
    }
    String said = f.text.substring(clause, end);
    if (NEGATION.matcher(said).find() || JA_NEGATED.matcher(f.text.substring(start)).find()) {
      return null; // "it hasn't crashed again", "nicht wieder abgestürzt", "またフリーズしていません"
    }
    if (containsFrom(f, end, Lexicon.BUT) || conditional(f, clause, start)) {
      // "crashed again yesterday but fine since the update"; "I'll call if it happens again"
      return null;
    }
    int opening = skip(f, 0, Lexicon.OPENER);
    if (leading(f, opening, Lexicon.YES) > 0
        || leading(f, opening, Lexicon.OK) > 0
        || leading(f, opening, Lexicon.NO) > 0) {
      // "yes pls, it's doing it again", "ok, it froze again": the yes, with its words; "no, it
      // crashed again", "sí - espera no, se volvió a colgar": the no (or the correction) reads it
      return null;
    }
    String before = f.text.substring(0, start);
    boolean saidFirst = before.isBlank() || before.strip().split("\\s+").length <= 3;
    if (before.chars().anyMatch(Character::isDigit) || !saidFirst && !fixedThenBut(f, start)) {
      // "ok 4 days later it broke again", "works after a restart until it freezes again": a story
      // around the fault (the comment), not a fix that came undone
      return null;
    }
    boolean onlyThat =
        skip(f, 0, Lexicon.ACK, Lexicon.OPENER, Lexicon.PRONOUN, Lexicon.NO) >= start
            && skipSymbols(f, skip(f, end, Lexicon.ACK)) >= f.length();
    return new ParsedAnswer.Fixed(false, onlyThat ? null : text, text);
  }

  /**
   * An "if" from {@code from} on ("if it happens again", "si se vuelve a caer", "wenn es wieder
   * abstürzt"), but not the Spanish reflexive "se" just before the fault ("se volvió a caer"),
   * which is also the Portuguese "if".
   */
  private static boolean conditional(Folded f, int from, int fault) {
    for (int i = from; i < f.length(); i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      int len = wordStart ? f.phraseAt(i, Lexicon.IF) : -1;
      if (len > 0
          && !(f.text.startsWith("se", i) && len == 2 && f.skipSeparators(i + 2) == fault)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Before {@code at}, words and then a contrast ("it was fixed but…", "war behoben, aber…",
   * "一度直ったんですが、…"): what the fault came back after.
   */
  private static boolean fixedThenBut(Folded f, int at) {
    for (int i = 1; i < at; i++) {
      boolean wordStart = !Character.isLetterOrDigit(f.text.charAt(i - 1));
      boolean cjk = Folded.isCjk(f.text.charAt(i));
      if ((wordStart && f.phraseAt(i, Lexicon.BUT) > 0)
          || (cjk && f.phraseAt(i, Lexicon.BUT_AFTER_VERB) > 0)) {
        return true;
      }
    }
    return false;
  }

  /** A Japanese negative verb after the fault: "またフリーズしていません", "また落ちることはない". */
  private static final java.util.regex.Pattern JA_NEGATED =
      java.util.regex.Pattern.compile("^[^。、！]*(?:ません|ない|なく)");

  private static final java.util.regex.Pattern FAULT_AGAIN =
      java.util.regex.Pattern.compile(
          "(?<![\\p{L}])(?:crash|froze|freez|hang|hung|drop|disconnect|fail|broke|jam|died"
              + "|dies|flicker|glitch|lag|stall|happen|bsod)\\p{L}*(?: out| off| up| down| on me)?"
              + " again(?![\\p{L}])"
              + "|(?<![\\p{L}])(?:went|goes|going|cut|cuts|cutting|shut|shuts) (?:down|off|out)"
              + " again(?![\\p{L}])"
              + "|(?<![\\p{L}])doing it again(?![\\p{L}])"
              + "|(?<![\\p{L}])(?:wieder|erneut) (?:abgesturzt|eingefroren|ausgefallen|abgebrochen"
              + "|gecrasht|hangen geblieben|kaputt|passiert|dasselbe|das gleiche)(?![\\p{L}])"
              + "|(?<![\\p{L}])(?:sturzt|friert|hangt|bricht|fallt|crasht|stockt|spinnt|flackert"
              + "|passiert)(?: \\p{L}+)? (?:schon )?(?:wieder|erneut)(?: ab| ein| aus| zusammen)?"
              + "(?![\\p{L}])"
              + "|(?<![\\p{L}])re(?:plant\\p{L}*|bug\\p{L}*|gele|gelent|bloqu\\p{L}*|crash\\p{L}*)"
              + "|(?<![\\p{L}])(?:plant|bug|gel|bloqu|coup|crash|freez|deconnect)\\p{L}*"
              + " (?:a nouveau|de nouveau|encore une fois)(?![\\p{L}])"
              + "|(?<![\\p{L}])(?:ca|le probleme|le bug) (?:a )?recommence(?![\\p{L}])"
              + "|(?<![\\p{L}])(?:volvio|vuelve|volvieron|ha vuelto) a (?:caer|colgar|trabar|fallar"
              + "|congelar|cortar|reiniciar|bloquear|desconectar|apagar|tildar|pasar|dar error)"
              + "\\p{L}*"
              + "|(?<![\\p{L}])(?:cayo|colgo|trabo|fallo|congelo|corto|reinicio|bloqueo"
              + "|desconecto|apago|tildo)\\p{L}* (?:de nuevo|otra vez|nuevamente)(?![\\p{L}])"
              + "|(?<![\\p{L}])(?:travou|caiu|falhou|congelou|desligou|reiniciou|parou|deu erro"
              + "|deu pau|bugou|desconectou)(?: \\p{L}+)? (?:de novo|outra vez|novamente)"
              + "(?![\\p{L}])"
              + "|(?<![\\p{L}])voltou a (?:travar|cair|falhar|dar erro|congelar|desligar|reiniciar"
              + "|parar|bugar)(?![\\p{L}])"
              + "|また(?:フリーズ|落ち|固まり|固まっ|止まり|止まっ|エラー|切れ|クラッシュ|同じ)"
              + "|再発");

  /** "ainda não está a funcionar", "still not working": "still not", then only that it works. */
  private static boolean stillNotAgain(Folded f) {
    return stillNot(f) instanceof ParsedAnswer.Fixed fx && !fx.fixed() && fx.comment() == null;
  }

  /** "ja, geht wieder", "no, still broken": the rest only repeats the yes or no. */
  private static boolean saysFixedAgain(Folded f, int at, boolean no) {
    return sameAnswer(f, at, no, false) >= 0;
  }

  /**
   * Walks the words from {@code at} that repeat the yes or no: its own phrase, thanks and time
   * words ("ja passt, läuft wieder", "yup all sorted now"; the answer's own phrase first: "ainda
   * não" is one, not the time word "ainda" and a "não"). With {@code toScore}, where a score starts
   * once the phrase was said; else the end when all of it repeats the answer; -1 otherwise.
   */
  private static int sameAnswer(Folded f, int at, boolean no, boolean toScore) {
    List<String> same = no ? Lexicon.NOT_FIXED : Lexicon.FIXED;
    boolean said = false;
    int i = f.skipSeparators(at);
    while (i < f.length()) {
      if (toScore && said && scoreAndThanks(f.originalFrom(i)) != null) {
        return i;
      }
      int len = f.phraseAt(i, same);
      if (len > 0) {
        said = true;
      } else {
        len = Math.max(leading(f, i, Lexicon.ACK), leading(f, i, Lexicon.FILLER));
        if (!no && said && len <= 0) {
          len = leading(f, i, Lexicon.YES); // "sim, funcionou sim": the yes said again
        }
      }
      int pronoun = len <= 0 ? f.phraseAt(i, Lexicon.PRONOUN) : -1;
      if (pronoun > 0 && f.phraseAt(f.skipSeparators(i + pronoun), same) > 0) {
        len = pronoun; // "no, it doesn't work", "ja, es funktioniert": the answer said again
      }
      int says = len <= 0 ? problemSaysAt(f, i, !no) : 0;
      if (says > 0) {
        // "yes, the problem is solved", "não, o problema continua": the answer said again
        said = true;
        len = says;
      }
      if (len <= 0) {
        return -1;
      }
      i = f.skipSeparators(i + len);
    }
    return said && !toScore ? i : -1;
  }

  /** The length of a leading phrase, trying "nooo" / "yesss" as "no" / "yes"; -1 when none. */
  private static int leading(Folded f, int at, List<String> phrases) {
    int len = f.phraseAt(at, phrases);
    if (len >= 0) {
      return len;
    }
    String word = f.wordAt(at);
    if (word.length() > 1) {
      String squeezed = word.replaceAll("(\\p{L})\\1+", "$1");
      if (!squeezed.equals(word) && phrases.contains(squeezed)) {
        return word.length();
      }
    }
    return -1;
  }

  /** What follows a contrast word ("no, but the mouse is broken too"), unless it is just thanks. */
  private static String but(Folded f, int from) {
    for (int i = from; i < f.length(); i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      if (!wordStart && !Folded.isCjk(f.text.charAt(i))) {
        continue;
      }
      int len = f.phraseAt(i, Lexicon.BUT);
      if (len > 0) {
        int restAt = f.skipSeparators(i + len);
        if (skipAcks(f, restAt) >= f.length()) {
          return null;
        }
        return f.originalFrom(restAt);
      }
    }
    return null;
  }

  /** Skips thanks, praise and closing phrases (and separators, emoji) from {@code at}. */
  private static int skipAcks(Folded f, int at) {
    return skip(f, at, Lexicon.ACK);
  }

  /**
   * Skips phrases of these lists (and separators) from {@code at}; where they end. An "and" between
   * two of them is skipped too ("merci et bon weekend"), never one that leads elsewhere ("thanks
   * and the printer…").
   */
  @SafeVarargs
  private static int skip(Folded f, int at, List<String>... lists) {
    int i = f.skipSeparators(at);
    while (i < f.length()) {
      int len = -1;
      for (List<String> phrases : lists) {
        len = Math.max(len, leading(f, i, phrases));
      }
      int and = i > 0 ? f.phraseAt(i, Lexicon.AND) : -1;
      if (len <= 0 && and > 0) {
        int next = f.skipSeparators(i + and);
        for (List<String> phrases : lists) {
          if (next > i + and && next < f.length() && leading(f, next, phrases) > 0) {
            len = and;
          }
        }
      }
      if (len > 0) {
        i = f.skipSeparators(i + len);
      } else {
        return i;
      }
    }
    return i;
  }

  /** The words ask for something: a question mark, or "please", "can you", "bitte", "お願い"… */
  public static boolean asks(String raw) {
    return raw != null && raw.length() <= MAX_TEXT && asks(Folded.of(clean(raw)));
  }

  /**
   * Too little to file as a request when typed at "anything else?" without a yes: three words or
   * fewer in a script with spaces, with no question, no ask ("please", "can you", "I need"), no
   * number, no thing of theirs and no trouble named ("na passt", "all sorted ta", "c'est correct").
   * Such a reply is asked again rather than sent to the helpdesk as a new ticket; "printer broken",
   * "new mouse please", "mon écran clignote" and "VPN?" still are requests.
   */
  public static boolean tooShortForARequest(String raw) {
    Folded f = Folded.of(clean(raw == null ? "" : raw));
    if (f.text.isEmpty() || f.text.split(" ").length > 3) {
      return false;
    }
    for (int i = 0; i < f.length(); i++) {
      char c = f.text.charAt(i);
      if (Folded.isCjk(c) || Character.isDigit(c)) {
        return false;
      }
    }
    return !asks(f)
        && !contains(f, Lexicon.THEIR_THING)
        && !contains(f, Lexicon.APP_NAMES)
        && !contains(f, Lexicon.NOT_FIXED)
        && !contains(f, Lexicon.STILL_NOT)
        && !contains(f, Lexicon.PROBLEM);
  }

  private static boolean asks(Folded f) {
    return f.text.indexOf('?') >= 0 || contains(f, Lexicon.ASKS);
  }

  /** Holds thanks or praise and no contrast ("…, but …"): feedback rather than a request. */
  private static boolean praises(Folded f) {
    return contains(f, Lexicon.PRAISE) && !contains(f, Lexicon.BUT);
  }

  /**
   * The words after an "and" that opens {@code rest} (what followed a no to "anything else?"), when
   * they say something still fails ("nope, and the printer is still jamming", "no, y sigue sin
   * andar la impresora", "いいえ、あとプリンターはまだ紙詰まりします"): feedback on this ticket, not a new request; else
   * null ("no, and thanks again" closes, "no, and the mouse is broken too" is not read here).
   */
  public static String stillFailsAfterAnd(String rest) {
    String words = afterAnd(rest);
    if (words == null) {
      return null;
    }
    Folded w = Folded.of(clean(words));
    if (contains(w, Lexicon.THANKS)
        && !contains(w, Lexicon.THING)
        && !contains(w, Lexicon.APP_NAMES)) {
      return null; // "no, and I still can't thank you enough": thanks, nothing failing
    }
    return parse(words) instanceof ParsedAnswer.Fixed fx && !fx.fixed() ? words : null;
  }

  /**
   * What follows an "and" ("and", "und", "et", "y", "e", "あと"…) that opens {@code text}, or null
   * when none does ("e-mail" opens with no "e").
   */
  public static String afterAnd(String text) {
    if (text == null) {
      return null;
    }
    Folded f = Folded.of(clean(text));
    int and = f.phraseAt(0, Lexicon.AND_ALSO);
    if (and <= 0
        || and >= f.length()
        || !Folded.isCjk(f.text.charAt(and - 1)) && f.text.charAt(and) != ' ') {
      return null;
    }
    return f.originalFrom(f.skipSeparators(and));
  }

  /**
   * The words after an "and" that opens {@code rest} (what followed a no to "anything else?"), when
   * they name a thing of theirs, an app or a trouble, or ask ("no, and the mouse is broken too",
   * "nein, und die Maus ist auch kaputt", "non, et ma souris est cassée aussi"): something more to
   * do, as after a "but"; else null ("no, and thanks again", "no, and have a nice day").
   */
  public static String newThingAfterAnd(String rest) {
    String words = afterAnd(rest);
    ParsedAnswer read = words == null ? null : parse(words);
    if (read == null
        || read instanceof ParsedAnswer.Thanks
        || read instanceof ParsedAnswer.Fixed fx && fx.fixed()
        || read instanceof ParsedAnswer.FreeText ft && ft.praises() && !ft.asks()) {
      // "no, and thanks again", "no, and nothing is broken anymore", "no, and the tech was
      // really friendly": nothing more to do
      return null;
    }
    Folded w = Folded.of(clean(words));
    boolean trouble =
        (contains(w, Lexicon.NOT_FIXED)
                || contains(w, Lexicon.STILL_NOT)
                || contains(w, Lexicon.PROBLEM))
            && !contains(w, Lexicon.NO_TROUBLE);
    if (!trouble && (contains(w, Lexicon.NO_TROUBLE) || contains(w, Lexicon.PRAISE))
        || contains(w, Lexicon.THANKS)
            && !contains(w, Lexicon.THING)
            && !contains(w, Lexicon.APP_NAMES)) {
      // "nein, und die Hilfe war super", "no, and my new laptop is great", "no, and I still can't
      // thank you enough": feedback, no request
      return null;
    }
    boolean names =
        asks(w)
            // a thing itself, not an article or a possessive alone ("no, and the same to you")
            || contains(w, Lexicon.THING)
            || contains(w, Lexicon.APP_NAMES)
            || trouble;
    return names ? words : null;
  }

  /**
   * Complains of how the ticket was handled ("took a week", "nobody called back", "closed it
   * without asking", "the technician never showed up") and asks for nothing, or says how the next
   * one should be handled ("next time please call before you remote in", "la próxima vez avisen
   * antes", "次からは一言ください") without a question mark: feedback on this ticket rather than a new
   * request.
   */
  public static boolean complainsOfHandling(String text) {
    Folded f = Folded.of(clean(text == null ? "" : text));
    if (contains(f, Lexicon.NEXT_TIME) && f.text.indexOf('?') < 0) {
      return true; // "next time please call before you remote in"
    }
    if (asks(f)) {
      return false;
    }
    for (int i = 0; i < f.length(); i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      if ((wordStart || Folded.isCjk(f.text.charAt(i)))
          && f.phraseAt(i, Lexicon.HANDLING) > 0
          && !aThingBefore(f, i)) {
        return true;
      }
    }
    java.util.regex.Matcher took = TOOK_DAYS.matcher(f.text);
    while (took.find()) {
      if (!aThingBefore(f, took.start())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A thing named as the subject of the clause that ends at {@code at}: "my printer never came",
   * "the new laptop took two weeks to arrive", "meu notebook demorou 3 dias", "el portátil tardó 3
   * días en llegar" say what a device or a delivery did, a new request, not how the ticket was
   * handled ("the tech never came", "they took 3 days", "your team was rude" still are).
   */
  private static boolean aThingBefore(Folded f, int at) {
    int start = at;
    while (start > 0 && ".,;!?:".indexOf(f.text.charAt(start - 1)) < 0) {
      start--;
    }
    String before = f.text.substring(start, at).strip();
    java.util.regex.Matcher m = THING_SUBJECT.matcher(before);
    return m.find() && !PERSON.matcher(before).find();
  }

  /** A possessive or an article opening the clause, then a word: the subject named. */
  private static final Pattern THING_SUBJECT =
      Pattern.compile(
          "^(?:my|our|the|this|that|mein|meine|meinen|unser|unsere|der|die|das|mon|ma|mes|le|la"
              + "|les|l'|mi|mis|el|los|las|meu|minha|meus|minhas|o|a|os|as|nosso|nossa)"
              + "(?: |(?<=l')).*\\p{L}");

  /**
   * Who handles a ticket, or the ticket and its fix, named as the subject: then it is handling
   * ("the tech never came", "the ticket took 3 days", "o chamado demorou 3 dias").
   */
  private static final Pattern PERSON =
      Pattern.compile(
          "\\b(?:tech|techs|technician|agent|support|team|guy|guys|staff|helpdesk|service desk|it"
              + "|techniker|technikerin|mitarbeiter|technicien|technicienne|equipe|tecnico"
              + "|tecnica|equipo|soporte|suporte|atendente|atendimento|analista|ticket|tickets"
              + "|fix|response|reply|answer|whole|process|repair|antwort|ruckmeldung|reparatur"
              + "|reponse|intervention|reparation|respuesta|caso|reparacion|chamado|resposta"
              + "|conserto|solucao|solucion|solution|losung)\\b");

  /** "took 3 days", "hat 2 Wochen gedauert", "ça a pris 3 jours", "demorou 3 dias", "3日かかりました". */
  private static final Pattern TOOK_DAYS =
      Pattern.compile(
          "(?:took|pris|tardo|demorou|levou) (?:\\d+|two|three|four|five|several|a few|deux|trois"
              + "|plusieurs|dos|tres|varios|dois) (?:days|weeks|jours|semaines|dias"
              + "|semanas)|\\d+ (?:tage|wochen) gedauert|\\d+日(?:も|間)?かかり");

  private static boolean contains(Folded f, List<String> phrases) {
    return containsFrom(f, 0, phrases);
  }

  private static boolean containsFrom(Folded f, int from, List<String> phrases) {
    for (int i = from; i < f.length(); i++) {
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(f.text.charAt(i - 1));
      if ((wordStart || Folded.isCjk(f.text.charAt(i))) && f.phraseAt(i, phrases) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Skips emoji, symbols and separators from {@code at}. */
  private static int skipSymbols(Folded f, int at) {
    int i = at;
    while (i < f.length()) {
      int cp = f.text.codePointAt(i);
      int type = Character.getType(cp);
      if (type != Character.OTHER_SYMBOL && !Folded.isSeparator(f.text.charAt(i))) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static int skipSpaces(Folded f, int at) {
    int i = at;
    while (i < f.length() && f.text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String trimSeparators(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && Folded.isSeparator(s.charAt(start))) {
      start++;
    }
    while (end > start && Folded.isSeparator(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
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
    return Texts.head(result, MAX_TEXT);
  }
}
