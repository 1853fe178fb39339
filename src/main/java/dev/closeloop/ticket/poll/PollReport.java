package dev.closeloop.ticket.poll;

/**
 * What one {@link Poller#pollOnce()} did.
 *
 * @param pages pages fetched and committed
 * @param events events handed to the sink
 * @param cursor the cursor after the run (null when none was ever committed)
 */
public record PollReport(int pages, int events, String cursor) {}
