package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.PlatformId;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lanes of one outbox run, and when the run is over for all of them. A lane with nothing to do
 * keeps looking while another lane still has work (a reply queued meanwhile must not wait for the
 * next run, which starts only when this one has ended); the first moment no lane has work ends the
 * run for every lane at once. Before, an idle lane looked again for as long as another lane was
 * merely running, so two idle lanes kept each other polling the store for the whole run, back to
 * back; and a lane must not end alone while another goes on, or rows for its platform queued
 * meanwhile wait until the other's run is over.
 */
final class LaneCrew {
  private final Set<PlatformId> working = ConcurrentHashMap.newKeySet();
  private volatile boolean over;

  LaneCrew(Collection<PlatformId> lanes) {
    working.addAll(lanes);
  }

  /**
   * The lane has read rows to send: it works (sends, waits for its sends or for the pacer) until it
   * reports {@link #idle} — the only way a lane leaves the working set.
   */
  void working(PlatformId lane) {
    working.add(lane);
  }

  /**
   * The lane has nothing to do; true while the run goes on for another lane (look again later),
   * false when no lane has work left: the run is over for all.
   */
  boolean idle(PlatformId lane) {
    working.remove(lane);
    if (working.isEmpty()) {
      over = true;
    }
    return !over;
  }

  /** True once no lane had anything to do at the same moment: every lane ends. */
  boolean over() {
    return over;
  }
}
