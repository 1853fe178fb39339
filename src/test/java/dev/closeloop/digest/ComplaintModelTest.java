package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model next to the rules: what it learns comes from the tuning comments alone, it learns the
 * same every time, and its threshold is the one validation on tuning data chooses: each of the
 * latest blind rounds judged by a model trained on the rows written before it. The rule audit's
 * question ("is every rule justified by tuning data?") is answered for the model by construction:
 * it has a weight only for features some tuning comment has, so a word or n-gram that only held-out
 * comments contain weighs nothing.
 */
class ComplaintModelTest {
  @ParameterizedTest(name = "{0}: every weighted feature comes from a tuning comment")
  @ValueSource(strings = {"en", "de", "fr", "es", "pt", "ja"})
  void theModelKnowsOnlyTheFeaturesOfTuningComments(String language) {
    CommentFeatures features = CommentFeatures.of(RuleFile.load(language));
    Set<Long> tuning = featuresOf(features, SentimentEvaluationTest.tuning(language));
    Set<Long> heldOutOnly = featuresOf(features, SentimentEvaluationTest.heldOut(language));
    heldOutOnly.removeAll(tuning);
    long[] vocabulary = ComplaintModels.bundled().of(language).vocabulary();

    assertThat(vocabulary).isEqualTo(tuning.stream().mapToLong(Long::longValue).sorted().toArray());
    assertThat(heldOutOnly).isNotEmpty().noneMatch(f -> Arrays.binarySearch(vocabulary, f) >= 0);
  }

  @Test
  void theModelsAreTrainedOnTheTuningRowsTheEvaluationCallsTuning() {
    for (String language : CommentLanguage.LANGUAGES) {
      assertThat(ComplaintModels.tuning(language))
          .extracting(ComplaintModels.Labelled::text)
          .containsExactlyElementsOf(
              SentimentEvaluationTest.tuning(language).stream()
                  .map(LabelledComments::text)
                  .toList());
    }
  }

  @Test
  void trainingTwiceGivesTheSameModel() {
    ComplaintModels again = ComplaintModels.train(ComplaintModel.Settings.STANDARD);
    for (String language : CommentLanguage.LANGUAGES) {
      ComplaintModel first = ComplaintModels.bundled().of(language);
      ComplaintModel second = again.of(language);
      assertThat(second.vocabulary()).isEqualTo(first.vocabulary());
      for (LabelledComments row : SentimentEvaluationTest.tuning(language)) {
        String plain = CommentText.plain(row.text()).toLowerCase(Locale.ROOT);
        assertThat(second.probability(plain)).isEqualTo(first.probability(plain));
      }
    }
  }

  private static Set<Long> featuresOf(CommentFeatures features, List<LabelledComments> rows) {
    Set<Long> all = new HashSet<>();
    for (LabelledComments row : rows) {
      for (long f : features.of(CommentText.plain(row.text()).toLowerCase(Locale.ROOT))) {
        all.add(f);
      }
    }
    return all;
  }

  @Test
  void thresholdIsTheOneForwardChainedValidationOnTuningDataChooses() {
    Map<String, List<ModelSelection.Judged>> judged = ModelSelection.forwardChained();
    double threshold = ModelSelection.threshold(judged);
    judged.forEach(
        (language, rows) ->
            System.out.println(
                ModelSelection.confusion(rows, threshold)
                    .report(String.format(Locale.ROOT, "cv %s t=%.2f", language, threshold))));
    Confusion pooled =
        ModelSelection.confusion(
            judged.values().stream().flatMap(List::stream).toList(), threshold);
    System.out.println(pooled.report(String.format(Locale.ROOT, "cv pooled t=%.2f", threshold)));
    Confusion blocks =
        ModelSelection.confusion(
            ModelSelection.crossValidated().values().stream().flatMap(List::stream).toList(),
            threshold);
    System.out.println(
        blocks.report(String.format(Locale.ROOT, "5 contiguous blocks, pooled t=%.2f", threshold)));
    assertThat(threshold).isEqualTo(SentimentClassifier.MODEL_THRESHOLD);
  }
}
