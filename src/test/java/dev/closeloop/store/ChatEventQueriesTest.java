package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.ScanCount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every chat event asks the store about its sender (who they are, their language, their
 * scheduled survey's language) is a few index look-ups: H2 is asked how many rows each query read
 * on a store of thousands of people, links and scheduled surveys. Before, ORs across columns made
 * H2 read every person three times per event, and every scheduled survey once.
 */
class ChatEventQueriesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final int PEOPLE = 2_000;

  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void fill() {
    db = Database.open("jdbc:h2:file:" + dir.resolve("db/c"), "", "");
    db.jdbi()
        .useTransaction(
            h -> {
              for (int i = 0; i < PEOPLE; i++) {
                String email = "p" + i + "@example.com";
                h.createUpdate(
                        "INSERT INTO people (person_key, email, slack_id, discord_id, locale)"
                            + " VALUES (:k, :k, :s, :d, 'de')")
                    .bind("k", email)
                    .bind("s", "U" + i)
                    .bind("d", "D" + i)
                    .execute();
                h.createUpdate("INSERT INTO links (email, discord_id) VALUES (:e, :d)")
                    .bind("e", email)
                    .bind("d", "9" + i)
                    .execute();
                h.createUpdate(
                        """
                        INSERT INTO surveys (source, ticket_id, person_key, closed_at, state, step,
                          due_at, locale, created_at)
                        VALUES ('jira', :t, :k, :at, 'scheduled', 'fixed', :due, 'de', :at)
                        """)
                    .bind("t", "IT-" + i)
                    .bind("k", email)
                    .bind("at", NOW)
                    .bind("due", NOW.plus(Duration.ofDays(2)))
                    .execute();
              }
            });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void whatAChatEventAsksAboutItsSenderReadsAFewRows() {
    Map<String, Object> slack = Map.of("id", "U7", "key", "slack:U7", "pk", "", "l", "fr");
    Map<String, Object> discord = Map.of("id", "97", "key", "discord:97", "pk", "", "l", "fr");
    Map<String, Long> read = new TreeMap<>();
    db.jdbi()
        .useHandle(
            h -> {
              read.put("byPlatformId", ScanCount.of(h, People.byPlatformId("slack_id"), slack));
              read.put("localeOf", ScanCount.of(h, People.localeOf("discord_id"), discord));
              read.put("rememberLocale", ScanCount.of(h, People.rememberLocale("slack_id"), slack));
              read.put(
                  "latestLocaleOf",
                  ScanCount.of(
                      h,
                      Surveys.latestLocaleOf("discord_id"),
                      Map.of("platform", "discord", "id", "97", "key", "discord:97")));
            });
    assertThat(read).allSatisfy((query, rows) -> assertThat(rows).isLessThanOrEqualTo(12));
  }
}
