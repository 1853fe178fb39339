package dev.closeloop.ticket.poll;

import dev.closeloop.ticket.TicketEvent;
import java.util.List;

/**
 * The core's side of polling. Implementations insert the events idempotently (the core dedupes by
 * source, ticket id, event and closedAt) and store {@code cursor} under {@code poller} in the same
 * transaction: the cursor must never run ahead of the events it covers.
 */
@FunctionalInterface
public interface PollSink {
  /**
   * Commits one page. Throwing means nothing was committed; the poller stops and the next run
   * starts again from the previous cursor.
   *
   * @param poller {@link Poller#name()}
   * @param events the page's events, possibly empty
   * @param cursor the cursor to resume from after this page; never null
   */
  void commit(String poller, List<TicketEvent> events, String cursor);
}
