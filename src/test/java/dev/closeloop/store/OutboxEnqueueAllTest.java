package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows added together ({@link Outbox#enqueueAll}, a digest's pages) are stored exactly as rows
 * added one at a time ({@link Outbox#enqueue}): in order, a key that exists (before, or earlier in
 * the same batch) skipped, a missing survey id stored as null, text without U+0000.
 */
class OutboxEnqueueAllTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(60);

  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:h2:file:" + dir.resolve("db/c"), "", "");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Outbox.New row(String key, Long surveyId, String payload) {
    return new Outbox.New(key, "slack", "channelpost", payload, surveyId, "digest", LATER);
  }

  @Test
  void rowsAddedTogetherAreStoredAsRowsAddedOneByOne() {
    List<Outbox.New> rows =
        List.of(
            row("a", null, "{\"p\":1}"),
            row("b", 7L, "{\"p\":\"x\u0000y\"}"),
            row("a", 8L, "{\"p\":\"again\"}"),
            row("c", null, "{\"p\":3}"));
    int added = db.jdbi().inTransaction(h -> new Outbox(h).enqueueAll(rows, NOW));
    db.jdbi().useTransaction(h -> new Outbox(h).enqueue(row("c", null, "{}"), NOW));
    List<OutboxRow> together = db.jdbi().withHandle(h -> new Outbox(h).notSent(0, 10));

    Database other = Database.open("jdbc:h2:file:" + dir.resolve("db/o"), "", "");
    try {
      for (Outbox.New n : rows) {
        other.jdbi().useTransaction(h -> new Outbox(h).enqueue(n, NOW));
      }
      List<OutboxRow> oneByOne = other.jdbi().withHandle(h -> new Outbox(h).notSent(0, 10));

      assertThat(added).isEqualTo(3);
      assertThat(together)
          .extracting(OutboxRow::msgKey, OutboxRow::surveyId, OutboxRow::payload)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("a", null, "{\"p\":1}"),
              org.assertj.core.groups.Tuple.tuple("b", 7L, "{\"p\":\"xy\"}"),
              org.assertj.core.groups.Tuple.tuple("c", null, "{\"p\":3}"));
      assertThat(together)
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
          .containsExactlyElementsOf(oneByOne);
      assertThat(together.get(0).nextAttemptAt()).isEqualTo(LATER);
      assertThat(together.get(0).createdAt()).isEqualTo(NOW);
      assertThat(together.get(0).state()).isEqualTo("pending");
    } finally {
      other.close();
    }
  }
}
