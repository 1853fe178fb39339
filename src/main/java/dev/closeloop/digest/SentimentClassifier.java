package dev.closeloop.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges survey comments by the rules of their language ({@link LanguageRules}, one rule file per
 * language in {@code sentiment/rules-<lang>.txt}) and, for what the rules have no word for, a small
 * learnt model ({@link ComplaintModel}, trained on the bundled tuning comments). The language is
 * the writer's locale when known, else the one {@link CommentLanguage} detects; when the detector
 * cannot choose between several, the rules of each close candidate are applied. A comment is
 * negative when, in this order:
 *
 * <ol>
 *   <li>a universal signal says so: a negative emoji (👎 😡 🙄…), a rating of 1 or 2 ("2 - …",
 *       "1/5"), a fix word in scare quotes ("since the 'fix'") or struck through ("~~fixed~~");
 *   <li>an operator phrase says so (after the operator's "not negative" phrases are removed);
 *   <li>the language's rules find a complaint;
 *   <li>the rules do not call it resolved ("works again now") and the model's probability of a
 *       complaint reaches {@link #MODEL_THRESHOLD}; when the language is uncertain, the resolution
 *       and the model are those of the candidate whose tuning comments share most of its features.
 * </ol>
 *
 * <p>Rules are read and the models trained once, on first construction (a fraction of a second,
 * about half a MiB of weights). After that the classifier is pure: no I/O, no shared mutable state,
 * safe from any thread. See docs/negative-detection.md for the measured precision and recall per
 * language.
 */
public final class SentimentClassifier implements CommentClassifier {
  /**
   * When the writer's locale is unknown, the rules of every language the detector rates at least
   * this share of the best one's confidence are applied (short replies read as several languages).
   */
  static final double CANDIDATE_SHARE = 0.7;

  /**
   * The model calls a comment negative from this probability on; chosen on the tuning comments by
   * forward chaining, each of the latest blind rounds judged by a model trained on the rows written
   * before it (ComplaintModelTest recomputes it and fails when it no longer matches).
   */
  static final double MODEL_THRESHOLD = 0.62;

  private static final Logger log = LoggerFactory.getLogger(SentimentClassifier.class);
  static final Pattern SCARE_QUOTED_FIX =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\p{N}])['\"\u201C\u201D\u201E\u00AB]\\s?(?:fix|fixed|resolved|solved"
              + "|sorted|solution"
              // round 9: German ("nur die Mail 'gelöst'"); round 10: a "solution" in fr, de, es,
              // pt, and German and French quotation marks („Fix“, « solution »)
              + "|gelost|losung|solucion|solucao)\\s?"
              + "['\"\u201C\u201D\u00BB](?![\\p{L}\\p{N}])"
              // round 10: Japanese corner brackets, which need no space around them ("「修正」どうも")
              + "|\u300C\\s?修正\\s?\u300D");

  /**
   * Round 13: a fix word struck through in chat markup ("~~fixed~~ not fixed", Slack's "~fixed~")
   * takes the fix back, in every language; markup is not removed from the plain form.
   */
  static final Pattern STRUCK_FIX =
      Pattern.compile(
          "(?i)(?<!~)~{1,2}\\s?(?:fix|fixed|resolved|solved|sorted|done|closed|gefixt|gelost|erledigt"
              + "|behoben|resolu|resolue|regle|repare|corrige|resuelto|arreglado|solucionado"
              + "|resolvido|arrumado|consertado|corrigido|解決済み|解決|修正済み|対応済み|完了)\\s?~{1,2}"
              + "(?!~)");

  static final Pattern LOW_RATING =
      Pattern.compile(
          "^\\s*[12]\\s*(?:/\\s*5\\b|stars?\\s*$|$|[-\u2013\u2014:]\\s)"
              + "|(?<![\\p{N}.])[12]\\s*/\\s*5(?![\\p{N}])");

  private final Map<String, LanguageRules> languages;
  private final Set<String> negativeEmoji;
  private final PhraseMatcher extraNegative;
  private final PhraseMatcher extraNotNegative;
  private final ComplaintModels models;

  /** The built-in rules only. */
  public SentimentClassifier() {
    this(List.of(), List.of());
  }

  /**
   * The built-in rules plus the operator's own phrases, which apply whatever the language.
   *
   * @param extraNegative phrases that make a comment negative, e.g. "vpn again"
   * @param extraNotNegative phrases that are no complaint, e.g. "no rush"
   * @throws IllegalArgumentException naming a phrase that has no word in it
   */
  public SentimentClassifier(List<String> extraNegative, List<String> extraNotNegative) {
    Objects.requireNonNull(extraNegative, "extraNegative");
    Objects.requireNonNull(extraNotNegative, "extraNotNegative");
    Map<String, LanguageRules> byLanguage = new LinkedHashMap<>();
    int phrases = 0;
    for (String language : CommentLanguage.LANGUAGES) {
      LanguageRules rules = LanguageRules.of(RuleFile.load(language));
      byLanguage.put(language, rules);
      phrases += rules.phraseCount();
    }
    this.languages = Map.copyOf(byLanguage);
    this.models = ComplaintModels.bundled();
    this.negativeEmoji = Set.copyOf(loadLines("sentiment/negative-emoji.txt"));
    this.extraNegative = PhraseMatcher.of(extraNegative.stream().map(this::lowerPlain).toList());
    this.extraNotNegative =
        PhraseMatcher.of(extraNotNegative.stream().map(this::lowerPlain).toList());
    log.info(
        "sentiment classifier ready languages={} phrases={} operatorPhrases={} modelKiB={}",
        CommentLanguage.LANGUAGES,
        phrases,
        extraNegative.size() + extraNotNegative.size(),
        models.heapBytes() / 1024);
  }

  /** Judges the comment in the language it is detected to be in. */
  @Override
  public boolean isNegative(String comment) {
    return judge(comment, CommentLanguage.candidates(comment, CANDIDATE_SHARE));
  }

  /**
   * Judges the comment in the writer's language, e.g. "de", "pt-BR", "ja_JP"; one of the six
   * bundled languages, else the language is detected. A comment the detector reads as another of
   * the six is judged in both.
   */
  @Override
  public boolean isNegative(String comment, String locale) {
    String language =
        locale == null ? "" : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
    if (!languages.containsKey(language)) {
      return isNegative(comment);
    }
    // Round 13: a reply written in another of the six languages than the locale's ("sorry for
    // English – the scanner still not sending" to a German survey) is read by that language's rules
    // too, and by the model of the one that knows it better; the locale's alone had no word of it.
    String written = CommentLanguage.detect(comment).orElse(language);
    return written.equals(language) || !languages.containsKey(written)
        ? judge(comment, List.of(language))
        : judge(comment, List.of(language, written));
  }

  /** Judges by universal signals and the rules of the given languages (all six when none). */
  boolean judge(String comment, List<String> candidates) {
    if (comment == null || comment.isBlank()) {
      return false;
    }
    if (hasNegativeEmoji(comment)) {
      return true;
    }
    String plain = CommentText.plain(comment);
    if (plain.isEmpty() || CommentText.linksOnly(comment)) {
      return false;
    }
    if (SCARE_QUOTED_FIX.matcher(plain).find()
        || STRUCK_FIX.matcher(plain).find()
        || LOW_RATING.matcher(plain).find()) {
      return true;
    }
    String lower = plain.toLowerCase(Locale.ROOT);
    String rest = extraNotNegative.removeFrom(lower);
    if (extraNegative.foundIn(rest)) {
      return true;
    }
    List<String> applied = candidates.isEmpty() ? CommentLanguage.LANGUAGES : candidates;
    Map<String, ComplaintRules.Verdict> verdicts = new LinkedHashMap<>();
    for (String language : applied) {
      ComplaintRules.Verdict verdict = languages.get(language).judge(lower);
      if (verdict == ComplaintRules.Verdict.COMPLAINT) {
        return true;
      }
      verdicts.put(language, verdict);
    }
    if (candidates.isEmpty()) {
      return false;
    }
    // The model reads what the rules have no word for; a comment the rules call resolved ("works
    // again now") stays resolved. When the language is uncertain, the language whose tuning
    // comments share most of the comment's features reads it, rules' resolution and model alike:
    // a model or rule file of another language reads its words as guesses ("cheers" was 0.74 to
    // the German model; English rules read "bug de synchro… ticket" as resolved).
    String language = candidates.size() == 1 ? candidates.get(0) : bestKnown(candidates, rest);
    if (verdicts.get(language) == ComplaintRules.Verdict.RESOLVED) {
      return false;
    }
    return models.of(language).probability(rest) >= MODEL_THRESHOLD;
  }

  /**
   * Of several candidate languages, the one whose model knows the largest share of the comment's
   * features (ties go to the detector's order). The detector's confidence alone is no guide for a
   * short reply typed without accents: Spanish, Portuguese and French read as each other, and the
   * language's own tuning comments, written in the same helpdesk words, place it better.
   */
  private String bestKnown(List<String> candidates, String rest) {
    String best = candidates.get(0);
    double bestShare = -1;
    for (String language : candidates) {
      ComplaintModel model = models.of(language);
      double share = model.known(model.features(rest));
      if (share > bestShare) {
        best = language;
        bestShare = share;
      }
    }
    return best;
  }

  private boolean hasNegativeEmoji(String comment) {
    String unmarked = CommentText.unmarked(comment).replace("\uFE0F", "");
    for (int i = 0; i < unmarked.length(); ) {
      int cp = unmarked.codePointAt(i);
      if (negativeEmoji.contains(new String(Character.toChars(cp)))) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private String lowerPlain(String phrase) {
    return CommentText.plain(phrase).toLowerCase(Locale.ROOT);
  }

  /** The non-blank lines of a class-path resource, without {@code #} comments. */
  static List<String> loadLines(String resource) {
    try (InputStream in =
        SentimentClassifier.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      List<String> lines = new ArrayList<>();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          lines.add(entry.replace("\uFE0F", ""));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }
}
