package dev.closeloop.app;

import dev.closeloop.digest.CommentClassifier;
import dev.closeloop.digest.SentimentClassifier;
import java.util.concurrent.CompletableFuture;

/**
 * The comment classifier the app uses: VADER plus IT-support rules (docs/negative-detection.md).
 */
final class Classifiers {
  private Classifiers() {}

  /**
   * Loading the lexicons takes about a CPU second, so it is not done on the way to the ready line:
   * {@link Background#load()} starts it once the app is up, and the first comment (which cannot
   * come sooner than a survey is answered) waits for it or starts it itself.
   */
  static Background standard() {
    return new Background();
  }

  static final class Background implements CommentClassifier {
    private final CompletableFuture<SentimentClassifier> loading = new CompletableFuture<>();

    /** Starts loading on a pool thread, once; returns at once. */
    void load() {
      if (!loading.isDone()) {
        CompletableFuture.runAsync(this::loadHere);
      }
    }

    private synchronized void loadHere() {
      if (!loading.isDone()) {
        try {
          loading.complete(new SentimentClassifier());
        } catch (RuntimeException | Error e) {
          loading.completeExceptionally(e);
        }
      }
    }

    @Override
    public boolean isNegative(String comment) {
      loadHere();
      return loading.join().isNegative(comment);
    }
  }
}
