package dev.closeloop.digest;

/**
 * Judges a free-text comment: is the person unhappy? Used so that "3 — still can't print" shows up
 * in the digest although the score is middling. Pure; safe to call from any thread.
 */
@FunctionalInterface
public interface CommentClassifier {
  /** Judges a comment whose writer's language is unknown. */
  boolean isNegative(String comment);

  /**
   * Judges a comment whose writer's locale is known ("de", "pt-BR"); by default the locale is not
   * used.
   */
  default boolean isNegative(String comment, String locale) {
    return isNegative(comment);
  }
}
