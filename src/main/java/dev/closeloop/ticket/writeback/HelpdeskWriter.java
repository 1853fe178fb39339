package dev.closeloop.ticket.writeback;

/**
 * The port of one helpdesk's write-back API. Adapters translate only: no store, no policy (whether
 * to write at all is the caller's {@code writeBack} setting). Every call is bounded by the timeout
 * the adapter was built with and never throws for an HTTP or network failure: the outcome says what
 * happened.
 *
 * <p>Exactly once: every write carries its {@link Write#marker()} into the helpdesk (note text,
 * label, tag, external id, correlation id). A write whose outcome was never recorded is first
 * {@link #lookUp looked up}; only {@link LookUp.NotWritten} allows writing it again. Where a write
 * takes two calls (a status change, then the note), the marker travels in the last one, so a write
 * found is a write complete.
 */
public interface HelpdeskWriter {
  /** The connector's name: {@code jira}, {@code zendesk}, …, {@code generic}. */
  String system();

  WriteOutcome write(Write write);

  /** Did {@code write} already happen? Read-only. */
  LookUp lookUp(Write write);

  /** Checks credentials and permissions with read-only calls. */
  ProbeReport probe();
}
