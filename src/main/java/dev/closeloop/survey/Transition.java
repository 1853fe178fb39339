package dev.closeloop.survey;

import java.util.List;

/**
 * The outcome of one input: the next state, the answers newly recorded (each question keeps its
 * first answer), what to say, whether the person opted out, and the reopen decision it made.
 *
 * @param changed true when the survey message should be updated to show new answers
 * @param reopen the requester's decision about reopening the ticket made by this input: true to
 *     reopen it now (also when {@link ReopenMode#ALWAYS} reopens on "not fixed"), false to leave it
 *     closed, null when this input decided nothing
 */
public record Transition(
    Conversation next,
    List<Answer> recorded,
    List<Say> say,
    boolean optOut,
    boolean changed,
    Boolean reopen) {

  public Transition {
    recorded = List.copyOf(recorded);
    say = List.copyOf(say);
  }

  /** A transition that decides nothing about reopening. */
  public Transition(
      Conversation next, List<Answer> recorded, List<Say> say, boolean optOut, boolean changed) {
    this(next, recorded, say, optOut, changed, null);
  }

  /** True when this transition records an answer of {@code kind}. */
  boolean records(AnswerKind kind) {
    return recorded.stream().anyMatch(a -> a.kind() == kind);
  }

  /** One recorded answer. */
  public record Answer(AnswerKind kind, String value) {}

  static Transition unchanged(Conversation c, Say say) {
    return new Transition(c, List.of(), List.of(say), false, false);
  }
}
