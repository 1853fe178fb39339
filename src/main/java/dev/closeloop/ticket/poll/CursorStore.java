package dev.closeloop.ticket.poll;

import java.util.Optional;

/** Reads what {@link PollSink#commit} stored. */
@FunctionalInterface
public interface CursorStore {
  /** The last committed cursor of {@code poller}; empty before its first commit. */
  Optional<String> cursor(String poller);
}
