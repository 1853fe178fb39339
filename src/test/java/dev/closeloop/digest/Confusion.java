package dev.closeloop.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Counts of a classifier's answers against labels, for the "negative" class. */
final class Confusion {
  private int truePositive;
  private int falsePositive;
  private int falseNegative;
  private int trueNegative;
  private final List<String> mistakes = new ArrayList<>();

  static Confusion of(CommentClassifier classifier, List<LabelledComments> rows) {
    Confusion confusion = new Confusion();
    for (LabelledComments row : rows) {
      confusion.add(row, classifier.isNegative(row.text()));
    }
    return confusion;
  }

  private void add(LabelledComments row, boolean saidNegative) {
    add(row.negative(), saidNegative, "[" + row.lang() + "] " + row.text());
  }

  /** Counts one answer; {@code what} names the comment in the list of mistakes. */
  void add(boolean labelledNegative, boolean saidNegative, String what) {
    if (saidNegative && labelledNegative) {
      truePositive++;
    } else if (saidNegative) {
      falsePositive++;
      mistakes.add("false positive " + what);
    } else if (labelledNegative) {
      falseNegative++;
      mistakes.add("false negative " + what);
    } else {
      trueNegative++;
    }
  }

  double precision() {
    int said = truePositive + falsePositive;
    return said == 0 ? 0.0 : (double) truePositive / said;
  }

  double recall() {
    int actual = truePositive + falseNegative;
    return actual == 0 ? 0.0 : (double) truePositive / actual;
  }

  List<String> mistakes() {
    return List.copyOf(mistakes);
  }

  String report(String name) {
    return String.format(
        Locale.ROOT,
        "%s: n=%d precision=%.3f (%d/%d) recall=%.3f (%d/%d)%n"
            + "                  labelled negative  labelled ok%n"
            + "  said negative   %17d  %11d%n"
            + "  said ok         %17d  %11d",
        name,
        truePositive + falsePositive + falseNegative + trueNegative,
        precision(),
        truePositive,
        truePositive + falsePositive,
        recall(),
        truePositive,
        truePositive + falseNegative,
        truePositive,
        falsePositive,
        falseNegative,
        trueNegative);
  }
}
