package dev.closeloop.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code digests}. The slot is unique: a scheduled digest is recorded once, ever. */
public final class Digests {
  private final Handle h;

  public Digests(Handle h) {
    this.h = h;
  }

  /** The last daily digest (scheduled or on demand): the next window starts at its end. */
  public Optional<DigestRow> latestDaily() {
    return h.createQuery(
            """
            SELECT * FROM digests WHERE kind IN ('scheduled', 'on_demand') ORDER BY window_end DESC, id DESC LIMIT 1
            """)
        .mapTo(DigestRow.class)
        .findOne();
  }

  public boolean slotTaken(String slot) {
    return h.createQuery("SELECT COUNT(*) FROM digests WHERE slot = :s")
            .bind("s", slot)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Records a digest; empty when its slot was taken (by another instance, or before a restart). */
  public Optional<Long> insert(
      String slot, String kind, Instant from, Instant to, Instant now, int entries, String body) {
    int n =
        h.createUpdate(
                """
            INSERT INTO digests (slot, kind, window_start, window_end, created_at, entries, body)
            SELECT :slot, :kind, :from, :to, :now, :entries, :body
            WHERE NOT EXISTS (SELECT 1 FROM digests WHERE slot = :slot)
            """)
            .bind("slot", slot)
            .bind("kind", kind)
            .bind("from", from)
            .bind("to", to)
            .bind("now", now)
            .bind("entries", entries)
            .bind("body", body)
            .execute();
    if (n == 0) {
      return Optional.empty();
    }
    return h.createQuery("SELECT id FROM digests WHERE slot = :slot")
        .bind("slot", slot)
        .mapTo(Long.class)
        .findOne();
  }
}
