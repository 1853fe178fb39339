package dev.closeloop.digest;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges survey comments with VADER (the {@code com.github.apanimesh061} port) plus phrase lists
 * for what VADER cannot see: IT-support complaints in plain words ("still can't print"), sarcasm
 * ("great, now it's broken again") and comments in German, French and Spanish. A comment is
 * negative when, in this order:
 *
 * <ol>
 *   <li>it puts a fix word in scare quotes ("since the 'fix'"), or opens with a rating of 1 or 2;
 *   <li>with the "not negative" phrases removed ("not bad at all", "no problems since"), a
 *       "negative" phrase of any language is left;
 *   <li>the general {@link ComplaintRules} (negation scope, persistence, clauses, sarcasm) find a
 *       complaint; when they find the problem resolved instead, the comment is not negative;
 *   <li>or, when the rest reads as English, VADER's compound score, for the whole comment or for
 *       the part after the last "but"/"however", is at or below {@value #NEGATIVE_COMPOUND}.
 * </ol>
 *
 * <p>All lists are read once, in the constructor. After that the classifier is pure: no I/O, no
 * shared mutable state, safe from any thread. See docs/negative-detection.md for the measured
 * precision and recall.
 */
public final class SentimentClassifier implements CommentClassifier {
  /** VADER's own cut-off for "negative"; kept after tuning (see docs/negative-detection.md). */
  static final double NEGATIVE_COMPOUND = -0.05;

  static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

  private static final Logger log = LoggerFactory.getLogger(SentimentClassifier.class);
  private static final Pattern SCARE_QUOTED_FIX =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\p{N}])['\"\u201C\u201D]\\s?(?:fix|fixed|resolved|solved|sorted)\\s?"
              + "['\"\u201C\u201D](?![\\p{L}\\p{N}])");
  private static final Pattern LOW_RATING =
      Pattern.compile(
          "^\\s*[12]\\s*(?:/\\s*5\\b|stars?\\s*$|$|[-\u2013\u2014:]\\s)"
              + "|(?<![\\p{N}.])[12]\\s*/\\s*5(?![\\p{N}])");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The clause after the last of these is also scored alone: a polite start must not hide it. */
  private static final Pattern CONTRAST =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:but|however|though|although)(?![\\p{L}\\p{N}])");

  private final ComplaintRules rules = new ComplaintRules();

  private final CommentText text;
  private final PhraseMatcher negative;
  private final PhraseMatcher notNegative;
  private final Map<String, Set<String>> markers;

  /** The built-in phrase lists only. */
  public SentimentClassifier() {
    this(List.of(), List.of());
  }

  /**
   * The built-in phrase lists plus the operator's own, which apply whatever the language.
   *
   * @param extraNegative phrases that make a comment negative, e.g. "vpn again"
   * @param extraNotNegative phrases that are no complaint, e.g. "no rush"
   * @throws IllegalArgumentException naming a phrase that has no word in it
   */
  public SentimentClassifier(List<String> extraNegative, List<String> extraNotNegative) {
    Objects.requireNonNull(extraNegative, "extraNegative");
    Objects.requireNonNull(extraNotNegative, "extraNotNegative");
    this.text = new CommentText(loadEmojiWords());
    List<String> negatives = new ArrayList<>();
    List<String> notNegatives = new ArrayList<>();
    Map<String, Set<String>> markersByLanguage = new HashMap<>();
    for (String language : LANGUAGES) {
      PhraseFile file = PhraseFile.load(language);
      negatives.addAll(file.negative());
      notNegatives.addAll(file.notNegative());
      Set<String> words = new HashSet<>();
      file.markers().forEach(m -> words.add(lowerPlain(m)));
      markersByLanguage.put(language, Set.copyOf(words));
    }
    negatives.addAll(extraNegative);
    notNegatives.addAll(extraNotNegative);
    this.negative = PhraseMatcher.of(negatives.stream().map(this::lowerPlain).toList());
    this.notNegative = PhraseMatcher.of(notNegatives.stream().map(this::lowerPlain).toList());
    this.markers = Map.copyOf(markersByLanguage);
    log.info(
        "sentiment classifier ready negativePhrases={} notNegativePhrases={} languages={}",
        negative.size(),
        notNegative.size(),
        LANGUAGES);
  }

  @Override
  public boolean isNegative(String comment) {
    String plain = text.plain(comment);
    if (plain.isEmpty()) {
      return false;
    }
    if (SCARE_QUOTED_FIX.matcher(plain).find() || LOW_RATING.matcher(plain).find()) {
      return true;
    }
    String rest = notNegative.removeFrom(plain);
    if (negative.foundIn(rest)) {
      return true;
    }
    // The rules read the comment both with the "not negative" phrases removed and whole (so
    // that "if" still governs what a removed phrase left behind); a complaint needs both.
    ComplaintRules.Verdict verdict = rules.judge(rest);
    if (verdict == ComplaintRules.Verdict.COMPLAINT
        && rules.judge(plain) == ComplaintRules.Verdict.COMPLAINT) {
      return true;
    }
    if (verdict == ComplaintRules.Verdict.RESOLVED) {
      return false;
    }
    if (!readsAsEnglish(rest)) {
      return false;
    }
    if (vaderCompound(rest) <= NEGATIVE_COMPOUND) {
      return true;
    }
    String[] parts = CONTRAST.split(rest);
    String last = parts[parts.length - 1].strip();
    return parts.length > 1
        && NON_WORD.split(last).length >= 2
        && vaderCompound(last) <= NEGATIVE_COMPOUND;
  }

  /**
   * VADER only knows English, and some foreign words are English lexicon entries with a strong
   * score (German "die", Spanish "no" and "sin"), so other languages are judged by phrases alone.
   */
  private boolean readsAsEnglish(String plain) {
    Map<String, Integer> hits = new HashMap<>();
    for (String word : NON_WORD.split(plain.toLowerCase(Locale.ROOT))) {
      for (var entry : markers.entrySet()) {
        if (entry.getValue().contains(word)) {
          hits.merge(entry.getKey(), 1, Integer::sum);
        }
      }
    }
    int english = hits.getOrDefault("en", 0);
    return hits.entrySet().stream()
        .noneMatch(e -> !e.getKey().equals("en") && e.getValue() > english);
  }

  private static double vaderCompound(String plain) {
    try {
      SentimentAnalyzer analyzer = new SentimentAnalyzer(plain);
      analyzer.analyze();
      Float compound = analyzer.getPolarity().get("compound");
      return compound == null || compound.isNaN() ? 0.0 : compound;
    } catch (IOException | RuntimeException e) {
      // The port is old; a comment it cannot score is judged by the phrase lists alone.
      log.warn(
          "vader could not score comment length={}, judging by phrases only", plain.length(), e);
      return 0.0;
    }
  }

  private String lowerPlain(String phrase) {
    return text.plain(phrase).toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> loadEmojiWords() {
    String resource = "sentiment/emoji.txt";
    try (InputStream in =
        SentimentClassifier.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      Map<String, String> words = new HashMap<>();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        String[] pair = entry.split("\\s+", 2);
        words.put(pair[0].replace("\uFE0F", ""), pair[1]);
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }
}
