package dev.closeloop.ticket.poll;

import java.time.Duration;

/**
 * Pulls closed and reopened tickets from a helpdesk that cannot reach Closeloop (a bot behind a
 * firewall). The core's scheduler calls {@link #pollOnce()} every {@link #every()}, never two at a
 * time for one poller. Each page is handed to the {@link PollSink} with the cursor that follows it,
 * so a crash mid-run resumes from the last committed page.
 */
public interface Poller {
  /** The poller's name, which is also its events' source and its cursor's key: "jira", … */
  String name();

  /** {@code connectors.<name>.pollEvery}. */
  Duration every();

  /**
   * One run: from the stored cursor (or {@code backfill} ago) to the end of the helpdesk's list.
   *
   * @throws PollException when the helpdesk answers with an error, cannot be reached, or keeps
   *     answering 429/503; pages committed before that stay committed
   */
  PollReport pollOnce();
}
