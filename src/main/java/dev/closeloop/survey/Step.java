package dev.closeloop.survey;

/** Where a survey conversation stands. */
public enum Step {
  /** the DM is out: fixed / rating buttons open, in any order */
  OPEN,
  /** a low score or "not fixed" came in: the next free text is what went wrong */
  AWAIT_COMMENT,
  /**
   * "not fixed" came in and the requester was offered to reopen the ticket: a tap or a typed yes /
   * no answers it
   */
  AWAIT_REOPEN,
  /**
   * as {@link #AWAIT_REOPEN}, offered while "anything else?" was open ("not fixed" tapped after
   * it): once answered, that question is open again, not asked a second time
   */
  AWAIT_REOPEN_AFTER_ELSE,
  /** "anything else we can help with?" was asked */
  AWAIT_ANYTHING_ELSE,
  /** the person said yes: the next free text is their request */
  AWAIT_REQUEST,
  /** done: nothing more is taken */
  FINISHED;

  /** "Shall I reopen the ticket?" is the open question. */
  public boolean reopenOffered() {
    return this == AWAIT_REOPEN || this == AWAIT_REOPEN_AFTER_ELSE;
  }
}
