package dev.closeloop.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;

/**
 * The store's figures that {@code /metrics} shows, read in one statement per scrape: each part an
 * index range (outbox by state, incidents not followed up, surveys sent since a week ago) or a tiny
 * table (digests, one row a day).
 */
public final class Vitals {
  private final Handle h;

  public Vitals(Handle h) {
    this.h = h;
  }

  /**
   * What the store holds now; the response figures count surveys sent at or after {@code since}.
   */
  public record Snapshot(
      long outboxPending,
      long outboxDead,
      long incidentsOpen,
      Instant lastDigestAt,
      long surveysSent,
      long surveysAnswered) {}

  public Snapshot read(Instant since) {
    return h.createQuery(
            """
            SELECT
              (SELECT COUNT(*) FROM outbox WHERE state = 'pending') AS outbox_pending,
              (SELECT COUNT(*) FROM outbox WHERE state = 'dead') AS outbox_dead,
              (SELECT COUNT(*) FROM incidents WHERE followed_up_at IS NULL) AS incidents_open,
              (SELECT MAX(created_at) FROM digests WHERE kind IN ('scheduled', 'on_demand'))
                AS last_digest,
              (SELECT COUNT(*) FROM surveys WHERE sent_at >= :since AND source <> 'sandbox')
                AS surveys_sent,
              (SELECT COUNT(answered_at) FROM surveys WHERE sent_at >= :since
                AND source <> 'sandbox') AS surveys_answered
            """)
        .bind("since", since)
        .map(
            (rs, ctx) -> {
              OffsetDateTime last = rs.getObject("last_digest", OffsetDateTime.class);
              return new Snapshot(
                  rs.getLong("outbox_pending"),
                  rs.getLong("outbox_dead"),
                  rs.getLong("incidents_open"),
                  last == null ? null : last.toInstant(),
                  rs.getLong("surveys_sent"),
                  rs.getLong("surveys_answered"));
            })
        .one();
  }
}
