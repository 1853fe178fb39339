package dev.closeloop.app;

import dev.closeloop.digest.CommentClassifier;
import dev.closeloop.digest.SentimentClassifier;

/** The comment classifier the app uses: VADER plus IT-support rules (docs/negative-detection.md). */
final class Classifiers {
  private Classifiers() {}

  static CommentClassifier standard() {
    return new SentimentClassifier();
  }
}
