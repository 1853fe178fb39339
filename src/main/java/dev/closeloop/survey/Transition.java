package dev.closeloop.survey;

import java.util.List;

/**
 * The outcome of one input: the next state, the answers newly recorded (each question keeps its
 * first answer), what to say, and whether the person opted out.
 *
 * @param changed true when the survey message should be updated to show new answers
 */
public record Transition(
    Conversation next, List<Answer> recorded, List<Say> say, boolean optOut, boolean changed) {

  public Transition {
    recorded = List.copyOf(recorded);
    say = List.copyOf(say);
  }

  /** One recorded answer. */
  public record Answer(AnswerKind kind, String value) {}

  static Transition unchanged(Conversation c, Say say) {
    return new Transition(c, List.of(), List.of(say), false, false);
  }
}
