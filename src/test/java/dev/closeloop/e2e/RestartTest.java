package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durable state: stop the app mid-survey with a digest due, start it again on the same H2 file. */
class RestartTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG =
      "survey: { delay: PT0S, quietHours: \"\", weekends: true }\ndigest: { time: \"09:00\", zone: \"Europe/Berlin\" }\n"
          + "sandbox: { enabled: true }";
  @TempDir Path dir;

  private static int count(TestApp app, String conversation, String needle) throws Exception {
    JsonNode all =
        JSON.readTree(
                app.send(
                        HttpRequest.newBuilder(URI.create(app.url("/sandbox/api/messages")))
                            .build())
                    .body())
            .get("messages");
    int n = 0;
    for (JsonNode m : all) {
      if (m.get("conversation").asText().equals(conversation) && m.toString().contains(needle)) {
        n++;
      }
    }
    return n;
  }

  @Test
  @DisplayName(
      "A half-answered survey continues after a restart, and the due digest posts exactly once")
  void survivesRestart() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T07:00:00Z")); // 08:00 in Berlin
    try (TestApp first = TestApp.start(dir, CONFIG, clock)) {
      first.webhook(
          TestApp.closed(
              "INC-1", clock.instant(), "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}"));
      first.tick();
      first.deliver();
      first.postJson(
          "/sandbox/api/click", "{\"user\":\"dana@example.com\",\"actionId\":\"cl:s:1:rate:1\"}");
      first.deliver();
    }
    clock.advance(Duration.ofHours(2)); // 10:00 Berlin: today's 09:00 digest came due while down
    try (TestApp second = TestApp.start(dir, CONFIG, clock)) {
      second.postJson(
          "/sandbox/api/type", "{\"user\":\"dana@example.com\",\"text\":\"the VPN still drops\"}");
      second.deliver();
      second.postJson(
          "/sandbox/api/click", "{\"user\":\"dana@example.com\",\"actionId\":\"cl:s:1:fixed:no\"}");
      second.deliver();
      String survey = second.admin("GET", "/admin/surveys?ticket=INC-1", null).body();
      assertThat(survey)
          .contains("\"kind\":\"rating\",\"value\":1")
          .contains("the VPN still drops")
          .contains("\"kind\":\"fixed\",\"value\":false");
      assertThat(count(second, "dm:dana@example.com", "Is there anything else")).isEqualTo(1);

      second.tick();
      second.deliver();
      second.tick();
      second.deliver();
      assertThat(count(second, "channel:team", "Closeloop digest")).isEqualTo(1);
      assertThat(count(second, "channel:team", "the VPN still drops")).isEqualTo(1);
    }
    try (TestApp third = TestApp.start(dir, CONFIG, clock)) {
      third.tick();
      third.deliver();
      assertThat(count(third, "channel:team", "Closeloop digest"))
          .as("no second digest after another restart")
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName("A survey queued but not sent when the app stops is sent once after the restart")
  void queuedSendSurvivesStop() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    try (TestApp first = TestApp.start(dir, CONFIG, clock)) {
      first.webhook(TestApp.closed("INC-2", clock.instant(), "{\"email\":\"lee@example.com\"}"));
      first.tick(); // queued in the outbox, never delivered
    }
    try (TestApp second = TestApp.start(dir, CONFIG, clock)) {
      second.deliver();
      second.tick();
      second.deliver();
      assertThat(count(second, "dm:lee@example.com", "INC-2")).isEqualTo(1);
      assertThat(second.admin("GET", "/admin/surveys?ticket=INC-2", null).body())
          .contains("\"state\":\"sent\"");
    }
  }
}
