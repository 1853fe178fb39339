package dev.closeloop.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the model's threshold by cross-validation on the tuning comments alone. The comments of
 * each language are cut into {@value #FOLDS} contiguous blocks (the files are in the order they
 * were written, so a block holds whole rounds of comments written together and validating on it
 * resembles meeting a fresh set); each block is judged by a model trained on the others. A comment
 * counts as found when the rules do not call it resolved and its out-of-block probability reaches
 * the threshold: the rules' complaints are left out, since the rules were written on all of these
 * comments and would validate nothing. The threshold is the one, on a grid of 0.01 from 0.20 to
 * 0.80, that maximises the smaller of precision and recall over all six languages pooled (the bar
 * asks for both), the lowest such.
 */
final class ModelSelection {
  static final int FOLDS = 5;

  /** One tuning comment judged out of its block. */
  record Judged(boolean negative, boolean resolved, double probability) {
    boolean found(double threshold) {
      return !resolved && probability >= threshold;
    }
  }

  private ModelSelection() {}

  /** Every tuning comment of every language, judged by a model that did not see its block. */
  static Map<String, List<Judged>> crossValidated() {
    Map<String, List<Judged>> all = new LinkedHashMap<>();
    for (String language : CommentLanguage.LANGUAGES) {
      RuleFile file = RuleFile.load(language);
      CommentFeatures features = CommentFeatures.of(file);
      LanguageRules rules = LanguageRules.of(file);
      List<ComplaintModels.Labelled> rows = ComplaintModels.tuning(language);
      List<ComplaintModel.Example> examples = ComplaintModels.examples(features, language);
      double[] probability = new double[rows.size()];
      for (int fold = 0; fold < FOLDS; fold++) {
        List<ComplaintModel.Example> training = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          if (fold(i, rows.size()) != fold) {
            training.add(examples.get(i));
          }
        }
        ComplaintModel model =
            ComplaintModel.train(features, training, ComplaintModel.Settings.STANDARD);
        for (int i = 0; i < rows.size(); i++) {
          if (fold(i, rows.size()) == fold) {
            probability[i] = model.probability(examples.get(i).features());
          }
        }
      }
      List<Judged> judged = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        String plain = CommentText.plain(rows.get(i).text()).toLowerCase(Locale.ROOT);
        boolean resolved = rules.judge(plain) == ComplaintRules.Verdict.RESOLVED;
        judged.add(new Judged(rows.get(i).negative(), resolved, probability[i]));
      }
      all.put(language, judged);
    }
    return all;
  }

  /** The threshold that maximises min(precision, recall) over all languages pooled. */
  static double threshold(Map<String, List<Judged>> judged) {
    List<Judged> pooled = judged.values().stream().flatMap(List::stream).toList();
    double best = Double.NaN;
    double bestScore = -1;
    for (int step = 20; step <= 80; step++) {
      double threshold = step / 100.0;
      Confusion c = confusion(pooled, threshold);
      double score = Math.min(c.precision(), c.recall());
      if (score > bestScore + 1e-12) {
        bestScore = score;
        best = threshold;
      }
    }
    return best;
  }

  static Confusion confusion(List<Judged> judged, double threshold) {
    Confusion confusion = new Confusion();
    judged.forEach(j -> confusion.add(j.negative(), j.found(threshold), ""));
    return confusion;
  }

  private static int fold(int index, int size) {
    return (int) ((long) index * FOLDS / size);
  }
}
