package dev.closeloop.digest;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * The language a survey comment is written in, among the six Closeloop speaks, for a comment whose
 * writer's locale is unknown, and to mark each quoted comment in the digest. Detection is Lingua's
 * ({@code com.github.pemistahl:lingua}) n-gram model in its low-accuracy mode (trigrams only),
 * restricted to en, de, fr, es, pt and ja: about 8 MiB of heap, loaded from the jar on first use or
 * by {@link #preload()}, which the app calls after its ready line. Thread-safe.
 */
public final class CommentLanguage {
  /** ISO 639-1 codes of the languages detected, and bundled. */
  public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt", "ja");

  /**
   * How far apart (Lingua's relative distance of log probabilities) the best language must be from
   * the next for {@link #detect} to name it: short replies such as "fine" or "lol no" read as
   * several languages, and no mark beats a wrong one.
   */
  static final double MIN_RELATIVE_DISTANCE = 0.05;

  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  private CommentLanguage() {}

  /**
   * The comment's language as an ISO 639-1 code ("de"), or empty when it cannot be told: no letters
   * (a rating, emoji), or too short or mixed to tell ("ok", "fine").
   */
  public static Optional<String> detect(String text) {
    String unmarked = CommentText.unmarked(text);
    if (!LETTER.matcher(unmarked).find()) {
      return Optional.empty();
    }
    Language language = Models.DETECTOR.detectLanguageOf(unmarked);
    return language == Language.UNKNOWN ? Optional.empty() : Optional.of(code(language));
  }

  /** Loads the models now, so that the first comment does not wait for them. */
  public static void preload() {
    Models.DETECTOR.detectLanguageOf("preload");
  }

  /**
   * The languages the text could be in, most likely first: every language whose confidence is at
   * least {@code share} of the best one's. Empty when the text has no letters.
   */
  static List<String> candidates(String text, double share) {
    String unmarked = CommentText.unmarked(text);
    if (!LETTER.matcher(unmarked).find()) {
      return List.of();
    }
    SortedMap<Language, Double> confidence =
        Models.DETECTOR.computeLanguageConfidenceValues(unmarked);
    double best = confidence.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<Map.Entry<Language, Double>> ranked = new ArrayList<>(confidence.entrySet());
    ranked.sort(Map.Entry.<Language, Double>comparingByValue().reversed());
    List<String> codes = new ArrayList<>();
    for (Map.Entry<Language, Double> entry : ranked) {
      if (best > 0 && entry.getValue() >= share * best) {
        codes.add(code(entry.getKey()));
      }
    }
    return codes;
  }

  private static String code(Language language) {
    return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  /** Built on first use (class initialisation is thread-safe and happens once). */
  private static final class Models {
    static final LanguageDetector DETECTOR =
        LanguageDetectorBuilder.fromLanguages(
                Language.ENGLISH,
                Language.GERMAN,
                Language.FRENCH,
                Language.SPANISH,
                Language.PORTUGUESE,
                Language.JAPANESE)
            .withLowAccuracyMode()
            .withMinimumRelativeDistance(MIN_RELATIVE_DISTANCE)
            .withPreloadedLanguageModels()
            .build();
  }
}
