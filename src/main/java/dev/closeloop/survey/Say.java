package dev.closeloop.survey;

/**
 * Which message the bot says next; the words come from the requester bundle ({@code survey.words}).
 */
public enum Say {
  WHAT_WENT_WRONG,
  /**
   * "OK, it stays closed — what went wrong?": a no to the reopen question (which already
   * apologised) acknowledged with the next question
   */
  WHAT_WENT_WRONG_AFTER_REOPEN,
  /**
   * "OK, I'm reopening it — what went wrong?": the yes acknowledged with the next question, since
   * the helpdesk's confirmation only follows once the write went through
   */
  REOPENING_WHAT_WENT_WRONG,
  /** "Shall I reopen the ticket?" with the two buttons */
  REOPEN_OFFER,
  /**
   * the same offer without its apology: a low score already had "Sorry about that. What went
   * wrong?", and a second "Sorry" in a row reads like a form
   */
  REOPEN_OFFER_PLAIN,
  /** the reopen question is open and the reply was neither yes nor no */
  REOPEN_UNCLEAR,
  /**
   * "OK, the ticket stays closed; the team sees what you wrote tomorrow": a no to the reopen
   * question when the comment is already in and nothing else is asked (the rating buttons stay)
   */
  STAYS_CLOSED,
  /**
   * "OK, I'm reopening the ticket.": a yes to the reopen question when the comment and the rating
   * are in and "anything else?" comes next — said first, as {@link #STAYS_CLOSED} is for a no, so
   * the question does not stand before any word on the yes (the helpdesk's confirmation follows
   * once the write went through)
   */
  REOPENING,
  THANKS_FOR_COMMENT,
  COMMENT_NOTED,
  /** more words after the comment: added to it ("Thanks, I've added that.") */
  COMMENT_ADDED,
  ANYTHING_ELSE,
  REQUEST_PROMPT,
  REQUEST_NOTED,
  CLOSING_POSITIVE,
  CLOSING_NEGATIVE,
  ALREADY_ANSWERED,
  SURVEY_CLOSED,
  /**
   * "This survey isn't open yet, so nothing was changed. Please try again in a little while.": a
   * click on a survey whose DM is not recorded as sent yet (see {@code SurveyRow.notSentYet}).
   */
  SURVEY_NOT_OPEN_YET,
  NOT_UNDERSTOOD,
  /** Too little at "anything else?" to be a request: asked again, with how to answer it. */
  ELSE_NOT_UNDERSTOOD,
  NOT_SURE_YET,
  OPTED_OUT
}
