package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Precision and recall for "negative", per language, on held-out files that were committed (alone,
 * in 65a7e4a) before any tuning, and never used to choose rules; docs/negative-detection.md records
 * the figures. Their hashes are pinned: a changed held-out file fails here.
 */
class SentimentEvaluationTest {
  static final double MIN_PRECISION = 0.80;
  static final double MIN_RECALL = 0.80;

  /** SHA-256 of each held-out file as committed in 65a7e4a. */
  static final Map<String, String> HELD_OUT_SHA256 =
      Map.of(
          "en", "42af5d024c0672418706b499bdbd8e8722fe2fa6ab07afad33631570a57934d2",
          "de", "7986fbbe202e58a7f831132ca48ec2d5676a5db1f235f1f4b3d04ed25177f88e",
          "fr", "cf822454a54d54b262d68363df3e38fa9c990ba8eaff30df7516c7d84e461624",
          "es", "0b784df01166e39a611754ed508d1f4df0b4755d497a63b09cb763b0177e5d56",
          "pt", "a978da0e08c8cb93fd0c8af2e71428a6dc57e552bb01b590a35b1aabbfb56965",
          "ja", "181c3b51078e381e3ab54dff013f479de4857e73016e7731bafaad04293f1ccd");

  private static final SentimentClassifier classifier = new SentimentClassifier();

  @ParameterizedTest(name = "held-out {0} is the file committed before tuning")
  @ValueSource(strings = {"en", "de", "fr", "es", "pt", "ja"})
  void heldOutFileIsUnchanged(String language) {
    assertThat(sha256("/sentiment/heldout/" + language + ".csv"))
        .isEqualTo(HELD_OUT_SHA256.get(language));
  }

  @ParameterizedTest(name = "held-out {0}, writer's locale known: precision and recall >= 0.8")
  @ValueSource(strings = {"en", "de", "fr", "es", "pt", "ja"})
  void heldOutMeetsTheBarWithTheLocaleKnown(String language) {
    Confusion confusion = Confusion.of(withLocale(language), heldOut(language));
    String report = printed(confusion, "held-out " + language + " (locale known)");

    assertThat(confusion.precision()).as(report).isGreaterThanOrEqualTo(MIN_PRECISION);
    assertThat(confusion.recall()).as(report).isGreaterThanOrEqualTo(MIN_RECALL);
  }

  @ParameterizedTest(name = "held-out {0}, language detected: precision and recall >= 0.8")
  @ValueSource(strings = {"en", "de", "fr", "es", "pt", "ja"})
  void heldOutMeetsTheBarWithTheLanguageDetected(String language) {
    Confusion confusion = Confusion.of(classifier, heldOut(language));
    String report = printed(confusion, "held-out " + language + " (detected)");

    assertThat(confusion.precision()).as(report).isGreaterThanOrEqualTo(MIN_PRECISION);
    assertThat(confusion.recall()).as(report).isGreaterThanOrEqualTo(MIN_RECALL);
  }

  @ParameterizedTest(name = "tuning {0} is reported, locale known and detected")
  @ValueSource(strings = {"en", "de", "fr", "es", "pt", "ja"})
  void tuningRowsAreReported(String language) {
    Confusion known = Confusion.of(withLocale(language), tuning(language));
    Confusion detected = Confusion.of(classifier, tuning(language));
    printed(known, "tuning " + language + " (locale known)");
    printed(detected, "tuning " + language + " (detected)");

    assertThat(known.recall()).isGreaterThanOrEqualTo(MIN_RECALL);
    assertThat(known.precision()).isGreaterThanOrEqualTo(MIN_PRECISION);
  }

  @ParameterizedTest(name = "{0}: 60+ held-out and 80+ tuning rows, both labels, disjoint")
  @ValueSource(strings = {"en", "de", "fr", "es", "pt", "ja"})
  void setsAreLargeBalancedAndDisjoint(String language) {
    List<LabelledComments> heldOut = heldOut(language);
    List<LabelledComments> tuning = tuning(language);

    assertThat(heldOut).hasSizeGreaterThanOrEqualTo(60);
    assertThat(tuning).hasSizeGreaterThanOrEqualTo(80);
    for (List<LabelledComments> rows : List.of(heldOut, tuning)) {
      long negatives = rows.stream().filter(LabelledComments::negative).count();
      assertThat(negatives).isBetween(rows.size() * 2L / 5, rows.size() * 3L / 5);
      assertThat(rows).extracting(LabelledComments::lang).containsOnly(language);
    }
    assertThat(texts(tuning)).doesNotContainAnyElementsOf(texts(heldOut));
  }

  @Test
  @DisplayName("judges thousands of comments a second (printed, not asserted: CI cores are shared)")
  void throughputIsPrinted() {
    List<String> comments =
        CommentLanguage.LANGUAGES.stream()
            .flatMap(l -> tuning(l).stream())
            .map(LabelledComments::text)
            .toList();
    comments.forEach(classifier::isNegative); // warm up
    int rounds = 5;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      comments.forEach(classifier::isNegative);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "throughput: %.0f comments/s on one thread, language detected%n",
        rounds * comments.size() / seconds);
  }

  static List<LabelledComments> heldOut(String language) {
    return LabelledComments.load("heldout/" + language + ".csv");
  }

  static List<LabelledComments> tuning(String language) {
    return LabelledComments.load("tuning/" + language + ".csv");
  }

  private static CommentClassifier withLocale(String language) {
    return comment -> classifier.isNegative(comment, language);
  }

  private static String printed(Confusion confusion, String name) {
    String report =
        confusion.report(name)
            + confusion.mistakes().stream().map(m -> "\n  " + m).collect(Collectors.joining());
    System.out.println(report);
    return report;
  }

  private static Set<String> texts(List<LabelledComments> rows) {
    return rows.stream()
        .map(r -> r.text().strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static String sha256(String resource) {
    try (InputStream in = SentimentEvaluationTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      return HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
