package dev.closeloop.ticket.writeback;

/**
 * The answer to "did this write already happen?", asked before repeating a write whose outcome was
 * never recorded (a crash between the call and its bookkeeping).
 */
public sealed interface LookUp {
  /** It did: record it as done, do not write again. */
  record Written(WriteOutcome.Done done) implements LookUp {}

  /** It did not: write now. */
  record NotWritten() implements LookUp {}

  /** The helpdesk could not be asked; treat {@code failure} as the attempt's outcome. */
  record CannotTell(WriteOutcome.Failure failure) implements LookUp {}
}
