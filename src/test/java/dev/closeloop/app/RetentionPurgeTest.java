package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention purge, cut in batches along the primary key. */
class RetentionPurgeTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant OLD = NOW.minus(Duration.ofDays(40));
  private static final Instant RECENT = NOW.minus(Duration.ofDays(2));

  @TempDir Path dir;
  TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(dir, "retention: { keep: P30D }", new MutableClock(NOW));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void removesWhatIsOlderThanKeepAcrossManyBatchesAndNothingElse() {
    app.app
        .db()
        .jdbi()
        .useTransaction(
            h -> {
              // ids with gaps, kinds interleaved, so that batches of 7 ids cut across all of them
              for (int i = 1; i <= 60; i++) {
                long id = i * 3L;
                boolean old = i % 4 != 0;
                String state = i % 10 == 0 ? "sent" : "answered";
                survey(h, id, old ? OLD : RECENT, state);
                event(h, id, old ? OLD : RECENT);
                outbox(h, id, old ? OLD : RECENT, i % 5 == 0 ? "pending" : "sent");
              }
            });

    int removed = new Retention(app.app).purge(7);

    // old: 45 of 60 (every 4th is recent); of those, the 'sent' surveys (i = 10, 30, 50) stay
    assertThat(count("surveys")).isEqualTo(15 + 3);
    assertThat(count("answers")).isEqualTo(15 + 3);
    assertThat(count("ticket_events")).isEqualTo(15);
    // old and pending (i = 5, 10, 15, 25, 30, 35, 45, 50, 55) stay, with the 15 recent
    assertThat(count("outbox")).isEqualTo(15 + 9);
    assertThat(removed).isEqualTo(42 + 45);
    // a second purge finds nothing more
    assertThat(new Retention(app.app).purge(7)).isZero();
  }

  private long count(String table) {
    return app.app
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  private static void survey(Handle h, long id, Instant at, String state) {
    h.createUpdate(
            """
            INSERT INTO surveys (id, source, ticket_id, person_key, title, closed_at, state, step,
              created_at) VALUES (:id, 'jira', :ticket, 'email:p@example.com', 'VPN', :at, :state,
              'done', :at)
            """)
        .bind("id", id)
        .bind("ticket", "IT-" + id)
        .bind("at", at)
        .bind("state", state)
        .execute();
    h.createUpdate(
            "INSERT INTO answers (survey_id, kind, answer, at) VALUES (:id, 'rating', '2', :at)")
        .bind("id", id)
        .bind("at", at)
        .execute();
  }

  private static void event(Handle h, long id, Instant at) {
    h.createUpdate(
            """
            INSERT INTO ticket_events (id, dedupe_key, source, ticket_id, event, received_at,
              outcome) VALUES (:id, :key, 'jira', :ticket, 'closed', :at, 'accepted')
            """)
        .bind("id", id)
        .bind("key", "k" + id)
        .bind("ticket", "IT-" + id)
        .bind("at", at)
        .execute();
  }

  private static void outbox(Handle h, long id, Instant at, String state) {
    h.createUpdate(
            """
            INSERT INTO outbox (id, msg_key, platform, kind, payload, purpose, state,
              next_attempt_at, created_at) VALUES (:id, :key, 'slack', 'dm', '{}', 'survey', :state,
              :at, :at)
            """)
        .bind("id", id)
        .bind("key", "m" + id)
        .bind("at", at)
        .bind("state", state)
        .execute();
  }
}
