package dev.closeloop.delivery.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.delivery.Pacer;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.store.Database;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send that returned is never sent again: when recording it fails (the database hiccups, or the
 * listener's own update throws), the recording is retried as recording, not as a send. Real H2, and
 * the recording platform of {@link OutboxLanesTest}.
 */
class OutboxBookkeepingTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;
  Database db;
  final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void open() {
    db = Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "", "");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void bookkeepingThatThrowsAfterASendIsRetriedAsBookkeepingAndThePlatformSeesOneMessage() {
    OutboxLanesTest.Recording slack = new OutboxLanesTest.Recording(PlatformId.SLACK);
    Flaky listener = new Flaky(1);
    long id = enqueue("k1", "U1");
    OutboxDispatcher dispatcher = dispatcher(slack, listener);

    dispatcher.drain(Duration.ofSeconds(10));
    clock.advance(Duration.ofMinutes(5)); // past any backoff
    dispatcher.drain(Duration.ofSeconds(10));
    clock.advance(Duration.ofMinutes(5));
    dispatcher.drain(Duration.ofSeconds(10));

    assertThat(slack.sent).containsExactly("k1");
    assertThat(row(id).state()).isEqualTo(OutboxRow.SENT);
    assertThat(row(id).messageId()).isEqualTo("k1");
    assertThat(listener.recorded).containsExactly(id);
  }

  @Test
  void bookkeepingThatNeverSucceedsStillEndsWithTheRowSentOnceAndTheReasonKept() {
    OutboxLanesTest.Recording slack = new OutboxLanesTest.Recording(PlatformId.SLACK);
    Flaky listener = new Flaky(Integer.MAX_VALUE);
    long id = enqueue("k1", "U1");
    OutboxDispatcher dispatcher = dispatcher(slack, listener);

    for (int i = 0; i < 6; i++) {
      dispatcher.drain(Duration.ofSeconds(10));
      clock.advance(Duration.ofMinutes(5));
    }

    assertThat(slack.sent).containsExactly("k1");
    OutboxRow row = row(id);
    assertThat(row.state()).isEqualTo(OutboxRow.SENT);
    assertThat(row.lastError()).contains("bookkeeping");
  }

  /** Throws from {@link #sent} the first {@code failures} times, then records. */
  static final class Flaky implements DeliveryListener {
    final List<Long> recorded = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger left;

    Flaky(int failures) {
      this.left = new AtomicInteger(failures);
    }

    @Override
    public void sent(Handle h, OutboxRow row, MessageRef ref, Instant now) {
      if (left.getAndDecrement() > 0) {
        throw new IllegalStateException("survey update failed (simulated)");
      }
      recorded.add(row.id());
    }

    @Override
    public void dead(Handle h, OutboxRow row, DeliveryException.Kind kind, Instant now) {}
  }

  private OutboxDispatcher dispatcher(ChatPlatform platform, DeliveryListener listener) {
    return new OutboxDispatcher(
        db.jdbi(),
        Map.of(platform.id(), platform),
        new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0.5),
        new Pacer(),
        listener,
        clock,
        "test",
        null);
  }

  private long enqueue(String key, String user) {
    Outgoing o = new Outgoing.DirectMessage(key, user, ChatMessage.plainText("hello " + key));
    db.jdbi()
        .useTransaction(
            h ->
                new Outbox(h)
                    .enqueue(
                        new Outbox.New(
                            key,
                            "slack",
                            "directmessage",
                            OutgoingCodec.encode(o),
                            null,
                            "test",
                            T0),
                        T0));
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM outbox WHERE msg_key = :k")
                    .bind("k", key)
                    .mapTo(Long.class)
                    .one());
  }

  private OutboxRow row(long id) {
    return db.jdbi().withHandle(h -> new Outbox(h).find(id)).orElseThrow();
  }
}
