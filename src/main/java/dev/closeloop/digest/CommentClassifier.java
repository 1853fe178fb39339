package dev.closeloop.digest;

/**
 * Judges a free-text comment: is the person unhappy? Used so that "3 — still can't print" shows up
 * in the digest although the score is middling. Pure; safe to call from any thread.
 */
@FunctionalInterface
public interface CommentClassifier {
  boolean isNegative(String comment);
}
