package dev.closeloop.delivery.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.store.Outbox;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One row that cannot be read or routed never stops delivery for everyone: it is dead-lettered with
 * its reason, shown in {@code /admin/outbox}, and the good rows around it go out. Through the real
 * app and its sandbox platform.
 */
class OutboxPoisonRowTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void poisonRowsAmongGoodOnesAreDeadLetteredWithTheirReasonAndTheRestIsDelivered()
      throws Exception {
    app = TestApp.start(dir, "", new MutableClock(T0));
    good("good-1", "dana@example.com");
    // left in flight by a crash, and unreadable: reconciliation must not stop at it
    raw("poison-inflight", "sandbox", "{not json", "inflight");
    good("good-2", "sam@example.com");
    raw("poison-pending", "sandbox", "{\"type\":\"NoSuchKind\"}", "pending");
    // a platform name this version does not know, in flight
    raw("poison-platform", "carrier-pigeon", "{}", "inflight");
    good("good-3", "kim@example.com");

    app.deliver();

    String sandbox = app.get("/sandbox/api/messages");
    assertThat(sandbox).contains("hello good-1", "hello good-2", "hello good-3");

    JsonNode dead =
        JSON.readTree(app.admin("GET", "/admin/outbox?state=dead", null).body()).path("outbox");
    List<String> keys = new ArrayList<>();
    for (JsonNode d : dead) {
      keys.add(d.path("key").asText());
      assertThat(d.path("lastError").asText()).as(d.toString()).isNotBlank();
    }
    assertThat(keys)
        .containsExactlyInAnyOrder("poison-inflight", "poison-pending", "poison-platform");
    assertThat(lastError(dead, "poison-inflight")).contains("unreadable outbox payload");
    assertThat(lastError(dead, "poison-pending")).contains("unreadable outbox payload");
    assertThat(lastError(dead, "poison-platform")).contains("carrier-pigeon");

    // and the next run is not stopped either
    good("good-4", "lee@example.com");
    app.deliver();
    assertThat(app.get("/sandbox/api/messages")).contains("hello good-4");
  }

  private static String lastError(JsonNode rows, String key) {
    for (JsonNode d : rows) {
      if (d.path("key").asText().equals(key)) {
        return d.path("lastError").asText();
      }
    }
    throw new AssertionError("no dead row " + key);
  }

  private void good(String key, String user) {
    Outgoing o = new Outgoing.DirectMessage(key, user, ChatMessage.plainText("hello " + key));
    app.app
        .db()
        .jdbi()
        .useTransaction(
            h ->
                new Outbox(h)
                    .enqueue(
                        new Outbox.New(
                            key,
                            "sandbox",
                            "directmessage",
                            OutgoingCodec.encode(o),
                            null,
                            "test",
                            T0),
                        T0));
  }

  private void raw(String key, String platform, String payload, String state) {
    app.app
        .db()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                    INSERT INTO outbox (msg_key, platform, kind, payload, purpose, state, attempts,
                        next_attempt_at, created_at)
                    VALUES (:k, :p, 'directmessage', :payload, 'test', :s, 0, :t, :t)
                    """)
                    .bind("k", key)
                    .bind("p", platform)
                    .bind("payload", payload)
                    .bind("s", state)
                    .bind("t", T0)
                    .execute());
  }
}
