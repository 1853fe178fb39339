package dev.closeloop.survey;

/** Something the requester did in a survey conversation. */
public sealed interface SurveyInput {
  record FixedClicked(boolean fixed) implements SurveyInput {}

  record RatingClicked(int score) implements SurveyInput {}

  /** A comment from the "tell us more" dialog. */
  record CommentSubmitted(String text) implements SurveyInput {}

  record AnythingElseClicked(boolean yes) implements SurveyInput {}

  /** "Reopen the ticket" ({@code yes}) or "No, leave it closed". */
  record ReopenClicked(boolean yes) implements SurveyInput {}

  /** A request from the request dialog. */
  record RequestSubmitted(String text) implements SurveyInput {}

  /**
   * Typed text in the DM, already parsed. {@code questionSeen} is false while the question of the
   * current step is still on its way to the person (its message not yet sent): text typed then
   * answers the question they last saw. {@code reopened} when the person had this survey's ticket
   * reopened: words typed at "anything else?" then say more about that ticket.
   */
  record Typed(ParsedAnswer answer, boolean questionSeen, boolean reopened) implements SurveyInput {
    public Typed(ParsedAnswer answer) {
      this(answer, true);
    }

    public Typed(ParsedAnswer answer, boolean questionSeen) {
      this(answer, questionSeen, false);
    }
  }

  /**
   * A bare score typed within {@link SurveyFlow#LATE_SCORE} of the survey ending without one
   * ("anything else?" answered first, then "2"): the use case finds that survey; the flow takes the
   * score.
   */
  record LateScore(int score) implements SurveyInput {}

  /** The "stop asking me" button. */
  record StopClicked() implements SurveyInput {}
}
