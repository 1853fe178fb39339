package dev.closeloop.app;

import dev.closeloop.digest.CommentClassifier;
import dev.closeloop.digest.CommentLanguage;
import dev.closeloop.digest.SentimentClassifier;
import java.util.concurrent.CompletableFuture;

/**
 * The comment classifier the app uses: per-language complaint rules, the language detected when the
 * writer's locale is unknown (docs/negative-detection.md).
 */
final class Classifiers {
  private Classifiers() {}

  /**
   * Loading the rules and the language models takes a few hundred ms of CPU, so it is not done on
   * the way to the ready line: {@link Background#load()} starts it once the app is up, and the
   * first comment (which cannot come sooner than a survey is answered) waits for it or starts it
   * itself.
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
          SentimentClassifier classifier = new SentimentClassifier();
          CommentLanguage.preload();
          loading.complete(classifier);
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

    @Override
    public boolean isNegative(String comment, String locale) {
      loadHere();
      return loading.join().isNegative(comment, locale);
    }
  }
}
