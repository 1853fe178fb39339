package dev.closeloop.digest.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.store.Database;
import dev.closeloop.testing.ScanCount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A click on "I'll take it" or "Followed up" redraws the entry in the digest messages that show it:
 * H2 is asked how many rows that look-up read on a store with thousands of survey DMs sent. Before,
 * it read every message ever sent (2,004 here); now the digest and alert messages only.
 */
class DigestEntryRefreshReadsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path dir;

  @Test
  void aClickReadsTheDigestMessagesNotEverySurveyDm() {
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db/c"), "", "")) {
      db.jdbi()
          .useTransaction(
              h -> {
                for (int i = 0; i < 2_000; i++) {
                  sent(h, "dm-" + i, "survey_dm", "{\"text\":\"How did we do?\"}");
                }
                for (int i = 0; i < 3; i++) {
                  sent(h, "dg-" + i, "digest", "{\"blocks\":[\"cl:i:5:own\"]}");
                }
              });
      long read =
          db.jdbi()
              .withHandle(
                  h ->
                      ScanCount.of(
                          h,
                          DigestEntryRefresh.SHOWING,
                          Map.of("m", "%cl:i:5:%", "since", NOW.minus(Duration.ofDays(30)))));
      assertThat(read).isLessThanOrEqualTo(4);
    }
  }

  private static void sent(Handle h, String key, String purpose, String payload) {
    h.createUpdate(
            """
            INSERT INTO outbox (msg_key, platform, kind, payload, purpose, state, next_attempt_at,
              created_at) VALUES (:k, 'slack', 'dm', :p, :purpose, 'sent', :t, :t)
            """)
        .bind("k", key)
        .bind("p", payload)
        .bind("purpose", purpose)
        .bind("t", NOW.minus(Duration.ofDays(1)))
        .execute();
  }
}
