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
  /** "anything else we can help with?" was asked */
  AWAIT_ANYTHING_ELSE,
  /** the person said yes: the next free text is their request */
  AWAIT_REQUEST,
  /** done: nothing more is taken */
  FINISHED
}
