package dev.closeloop.app;

import dev.closeloop.digest.CommentClassifier;
import dev.closeloop.digest.SentimentClassifier;
import java.util.concurrent.CompletableFuture;

/** The comment classifier the app uses: VADER plus IT-support rules (docs/negative-detection.md). */
final class Classifiers {
  private Classifiers() {}

  /**
   * Built in the background (loading the lexicons takes a moment) so it does not hold back the
   * ready line; the first comment waits for it if it comes sooner.
   */
  static CommentClassifier standard() {
    CompletableFuture<SentimentClassifier> loading = CompletableFuture.supplyAsync(SentimentClassifier::new);
    return comment -> loading.join().isNegative(comment);
  }
}
