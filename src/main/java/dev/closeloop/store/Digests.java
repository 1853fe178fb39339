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

  /**
   * The last daily digest (scheduled or on demand): the next window starts at its end. Plain JDBC
   * and mapped by hand, as are the two statements of {@link #insert}: Jdbi's set-up and its
   * constructor mapper were a measurable share of building a digest, once a day or on demand.
   */
  public Optional<DigestRow> latestDaily() {
    return Jdbc.first(
        h,
        """
        SELECT * FROM digests WHERE kind IN ('scheduled', 'on_demand') ORDER BY window_end DESC, id DESC LIMIT 1
        """,
        ps -> {},
        rs ->
            new DigestRow(
                rs.getLong("id"),
                rs.getString("slot"),
                rs.getString("kind"),
                Rows.instant(rs, "window_start"),
                Rows.instant(rs, "window_end"),
                Rows.instant(rs, "created_at"),
                rs.getInt("entries"),
                rs.getString("body")));
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
        Jdbc.update(
            h,
            """
            INSERT INTO digests (slot, kind, window_start, window_end, created_at, entries, body)
            SELECT ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM digests WHERE slot = ?)
            """,
            ps -> {
              Jdbc.texts(ps, 1, slot, kind);
              Jdbc.instant(ps, 3, from);
              Jdbc.instant(ps, 4, to);
              Jdbc.instant(ps, 5, now);
              ps.setInt(6, entries);
              Jdbc.text(ps, 7, body);
              Jdbc.text(ps, 8, slot);
            });
    if (n == 0) {
      return Optional.empty();
    }
    return Jdbc.first(
        h,
        "SELECT id FROM digests WHERE slot = ?",
        ps -> Jdbc.text(ps, 1, slot),
        rs -> rs.getLong(1));
  }
}
