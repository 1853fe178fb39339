package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link People#ensure}: insert when new, update only what a ticket changes, keep the opt-out. */
class PeopleTest {
  @TempDir Path dir;

  @Test
  void ensureInsertsThenMergesGivenValuesAndKeepsWhatItIsNotGiven() {
    try (Database db =
        Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "", "")) {
      db.jdbi()
          .useTransaction(
              h -> {
                People people = new People(h);
                PersonRow fresh =
                    people.ensure(
                        "dana@example.com",
                        "dana@example.com",
                        "Dana",
                        null,
                        null,
                        "Europe/Berlin");
                assertThat(fresh.optedOut()).isFalse();
                assertThat(people.find("dana@example.com")).contains(fresh);

                people.setOptedOut("dana@example.com", true, Instant.parse("2026-11-24T10:00:00Z"));
                PersonRow again =
                    people.ensure("dana@example.com", null, "Dana K.", "U1", null, null);
                assertThat(again.name()).isEqualTo("Dana K.");
                assertThat(again.slackId()).isEqualTo("U1");
                assertThat(again.timezone()).isEqualTo("Europe/Berlin");
                assertThat(again.optedOut()).isTrue();
                assertThat(people.find("dana@example.com")).contains(again);

                assertThat(people.ensure("dana@example.com", null, null, null, null, null))
                    .isEqualTo(again);
              });
    }
  }
}
