package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox page asks only for what is new or edited since its last look, and the sandbox's
 * messages are purged with the rest of the data after {@code retention.keep}.
 */
class SandboxPollingTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  TestApp app;

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aPollSinceTheLastCursorGetsOnlyNewAndEditedMessages() throws Exception {
    app = TestApp.start(dir, "", clock);
    MessageRef first = send(new Outgoing.DirectMessage("m1", "dana@example.com", text("one")));
    send(new Outgoing.DirectMessage("m2", "dana@example.com", text("two")));

    JsonNode all = poll(null);
    assertThat(all.path("messages")).hasSize(2);
    String cursor = all.path("next").asText();
    assertThat(poll(cursor).path("messages")).isEmpty();
    assertThat(poll(cursor).path("next").asText()).isEqualTo(cursor);

    send(new Outgoing.Update("m1-edit", first, text("one, edited")));
    send(new Outgoing.DirectMessage("m3", "dana@example.com", text("three")));

    JsonNode fresh = poll(cursor);
    assertThat(fresh.path("messages")).hasSize(2);
    assertThat(fresh.path("messages").toString())
        .contains("one, edited", "three")
        .doesNotContain("\"two\"");
    assertThat(poll(fresh.path("next").asText()).path("messages")).isEmpty();
  }

  @Test
  void sandboxMessagesArePurgedAfterRetention() throws Exception {
    app = TestApp.start(dir, "retention: { keep: P30D }", clock);
    send(new Outgoing.DirectMessage("old", "dana@example.com", text("old")));
    clock.advance(Duration.ofDays(31));
    send(new Outgoing.DirectMessage("new", "dana@example.com", text("new")));

    app.app.retention.purge();

    assertThat(poll(null).path("messages").toString()).contains("new").doesNotContain("old");
  }

  private MessageRef send(Outgoing o) throws Exception {
    ChatPlatform sandbox = app.app.platforms().get(PlatformId.SANDBOX);
    return sandbox.send(o);
  }

  private static ChatMessage text(String s) {
    return ChatMessage.plainText(s);
  }

  private JsonNode poll(String since) throws Exception {
    var r =
        app.send(
            HttpRequest.newBuilder(
                    URI.create(
                        app.url(
                            "/sandbox/api/messages" + (since == null ? "" : "?since=" + since))))
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
