package dev.closeloop.survey;

/**
 * The answers so far and the step: the whole state of a survey conversation. Immutable; {@link
 * SurveyFlow} computes the next one.
 */
public record Conversation(
    Step step, Boolean fixed, Integer rating, String comment, Boolean wantsMore, String request) {

  public static Conversation start() {
    return new Conversation(Step.OPEN, null, null, null, null, null);
  }

  public boolean hasAnswer() {
    return fixed != null || rating != null || comment != null || request != null;
  }

  public boolean finished() {
    return step == Step.FINISHED;
  }

  Conversation withStep(Step s) {
    return new Conversation(s, fixed, rating, comment, wantsMore, request);
  }

  Conversation withFixed(boolean f) {
    return new Conversation(step, f, rating, comment, wantsMore, request);
  }

  Conversation withRating(int r) {
    return new Conversation(step, fixed, r, comment, wantsMore, request);
  }

  Conversation withComment(String c) {
    return new Conversation(step, fixed, rating, c, wantsMore, request);
  }

  Conversation withWantsMore(boolean w) {
    return new Conversation(step, fixed, rating, comment, w, request);
  }

  Conversation withRequest(String r) {
    return new Conversation(step, fixed, rating, comment, wantsMore, r);
  }
}
