package dev.closeloop.ticket.usecase;

import dev.closeloop.store.OutboxRow;
import dev.closeloop.ticket.writeback.Write;
import dev.closeloop.ticket.writeback.WriteOutcome;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told what became of a helpdesk write, inside the transaction that settles its outbox row: done
 * (the reopen happened, the request became a ticket) or ended without being written (the ticket is
 * gone, the credentials were refused, the helpdesk rejected it, or delivery gave up).
 */
public interface WriteBackListener {
  void done(Handle h, OutboxRow row, Write write, WriteOutcome.Done done, Instant now);

  void ended(Handle h, OutboxRow row, Write write, WriteOutcome.Failure why, Instant now);

  /**
   * After it is recorded, outside any transaction: an attempt's outcome, for reporting (job
   * health), not for state.
   */
  default void attempted(String helpdesk, Write write, WriteOutcome outcome, Instant now) {}
}
