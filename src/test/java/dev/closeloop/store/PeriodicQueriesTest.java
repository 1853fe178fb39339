package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.ScanCount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs that run every second or few read what is due, not every row an index range could hold:
 * H2 (which sorts nulls first) is asked how many rows each query read, on a store with many rows
 * the query must pass over — surveys not sent yet (no expiry, no reminder), incidents nobody owns.
 * Before, expiry read every survey not sent yet, each second, and owner reminders every open
 * incident.
 */
class PeriodicQueriesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final int BACKLOG = 2_000;
  private static final int DUE = 3;

  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void fill() {
    db = Database.open("jdbc:h2:file:" + dir.resolve("db/c"), "", "");
    db.jdbi()
        .useTransaction(
            h -> {
              long id = 0;
              Instant past = NOW.minus(Duration.ofDays(2));
              for (int i = 0; i < BACKLOG; i++) {
                // scheduled for Monday morning: nothing sent, so no reminder and no expiry yet
                survey(h, ++id, "scheduled", NOW.plus(Duration.ofDays(2)), null, null, null);
                // answered and done, with an incident nobody has taken
                survey(h, ++id, "answered", null, null, null, past);
                new Incidents(h).open(id, "negative", past);
              }
              for (int i = 0; i < DUE; i++) {
                survey(h, ++id, "scheduled", past, null, null, null);
                survey(h, ++id, "sent", null, past, past, null);
                survey(h, ++id, "answered", null, null, null, past);
                new Incidents(h).open(id, "negative", past);
                new Incidents(h).take(id, "Alex", "slack:U1", past);
              }
            });
  }

  @Test
  void eachPeriodicQueryReadsWhatIsDueNotTheBacklog() {
    Map<String, String> queries =
        Map.of(
            "due to send", Surveys.DUE_TO_SEND,
            "due a reminder", Surveys.DUE_TO_REMIND,
            "due to expire", Surveys.DUE_TO_EXPIRE,
            "owned and stale", Incidents.OWNED_AND_STALE);
    Map<String, Long> read = new TreeMap<>();
    queries.forEach((name, sql) -> read.put(name, db.jdbi().withHandle(h -> scanCount(h, sql))));
    assertThat(read).allSatisfy((name, rows) -> assertThat(rows).isLessThanOrEqualTo(DUE + 1));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static long scanCount(Handle h, String sql) {
    Map<String, Object> binds = new java.util.HashMap<>();
    for (String name : new String[] {"now", "t", "epoch", "limit"}) {
      if (sql.contains(":" + name)) {
        binds.put(name, name.equals("limit") ? 100 : name.equals("epoch") ? Instant.EPOCH : NOW);
      }
    }
    return ScanCount.of(h, sql, binds);
  }

  private static void survey(
      Handle h,
      long id,
      String state,
      Instant dueAt,
      Instant remindAt,
      Instant expiresAt,
      Instant finishedAt) {
    h.createUpdate(
            """
            INSERT INTO surveys (id, source, ticket_id, person_key, closed_at, state, step, due_at,
              remind_at, expires_at, finished_at, created_at)
            VALUES (:id, 'jira', :ticket, 'email:p@example.com', :t, :state, 'fixed', :due,
              :remind, :expires, :finished, :t)
            """)
        .bind("id", id)
        .bind("ticket", "IT-" + id)
        .bind("t", NOW.minus(Duration.ofDays(3)))
        .bind("state", state)
        .bind("due", dueAt)
        .bind("remind", remindAt)
        .bind("expires", expiresAt)
        .bind("finished", finishedAt)
        .execute();
  }
}
