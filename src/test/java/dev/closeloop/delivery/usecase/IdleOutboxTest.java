package dev.closeloop.delivery.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.PlatformId;
import dev.closeloop.store.Database;
import dev.closeloop.store.Outbox;
import dev.closeloop.testing.Statements;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An idle app's outbox run asks the store one question, not a run's worth of empty queries (it runs
 * several times a second, for ever); whatever a run would find still makes it run.
 */
class IdleOutboxTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;
  Database db;
  AtomicInteger statements;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "", "");
    statements = Statements.counted(db.jdbi());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anIdleRunOnTwoPlatformsIsOneQuery() {
    OutboxDispatcher dispatcher =
        OutboxLanesTest.dispatcher(
            db.jdbi(),
            Clock.fixed(T0, ZoneOffset.UTC),
            new OutboxLanesTest.Recording(PlatformId.SLACK),
            new OutboxLanesTest.Recording(PlatformId.DISCORD));

    assertThat(dispatcher.drain(Duration.ofSeconds(10), true)).isZero();

    assertThat(statements).as("statements of one idle run").hasValue(1);
  }

  @Test
  void theQuestionSeesEveryRowARunWouldLookAt() {
    assertThat(chatWork()).isFalse();
    assertThat(writeBackWork()).isFalse();

    enqueue("later", "slack", "directmessage", T0.plusSeconds(60));
    assertThat(chatWork()).as("not due yet").isFalse();

    enqueue("w1", "zendesk", "writeback", T0);
    assertThat(chatWork()).as("a helpdesk write is not chat work").isFalse();
    assertThat(writeBackWork()).isTrue();

    enqueue("due", "slack", "directmessage", T0);
    assertThat(chatWork()).as("due").isTrue();
  }

  @Test
  void aRowLeftInFlightOrUnconfirmedIsWorkWhateverItsTime() {
    enqueue("m1", "slack", "directmessage", T0);
    long id = db.jdbi().withHandle(h -> new Outbox(h).notSent(0, 1).get(0).id());
    db.jdbi().useHandle(h -> new Outbox(h).claim(id, "crashed", T0)); // in flight
    db.jdbi()
        .useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = ?", T0.plusSeconds(3600)));
    assertThat(chatWork()).as("in flight").isTrue();

    db.jdbi().useHandle(h -> new Outbox(h).unconfirmed(id, T0.plusSeconds(3600), "timeout"));
    assertThat(chatWork()).as("unconfirmed").isTrue();
  }

  private boolean chatWork() {
    return db.jdbi().withHandle(h -> new Outbox(h).chatWorkAt(T0));
  }

  private boolean writeBackWork() {
    return db.jdbi().withHandle(h -> new Outbox(h).writeBackWorkAt(T0));
  }

  private void enqueue(String key, String platform, String kind, Instant notBefore) {
    db.jdbi()
        .useTransaction(
            h ->
                new Outbox(h)
                    .enqueue(
                        new Outbox.New(key, platform, kind, "{}", null, "test", notBefore), T0));
  }
}
