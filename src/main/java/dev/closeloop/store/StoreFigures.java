package dev.closeloop.store;

import org.jdbi.v3.core.Jdbi;

/**
 * The store's figures for {@code /metrics}, read with one query per scrape: {@link #refresh} runs
 * it, and the gauges read the values it left. Counts only: no row is read into memory.
 */
public final class StoreFigures {
  /** One snapshot; -1 until the first refresh (or after a failed one). */
  public record Snapshot(long outboxPending, long outboxDead, long incidentsOpen) {}

  private final Jdbi jdbi;
  private volatile Snapshot last = new Snapshot(-1, -1, -1);

  public StoreFigures(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Snapshot refresh() {
    last =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'pending') AS outbox_pending,
                       (SELECT COUNT(*) FROM outbox WHERE state = 'dead') AS outbox_dead,
                       (SELECT COUNT(*) FROM incidents WHERE followed_up_at IS NULL) AS incidents_open
                """)
                    .map(
                        (rs, ctx) ->
                            new Snapshot(
                                rs.getLong("outbox_pending"),
                                rs.getLong("outbox_dead"),
                                rs.getLong("incidents_open")))
                    .one());
    return last;
  }

  public Snapshot last() {
    return last;
  }
}
