package dev.closeloop.digest.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures: CSAT beside the response rate, the same in /admin/stats and in the digest. */
class StatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static void click(TestApp app, String user, String action) {
    app.app
        .conversations()
        .handle(
            new ChatEvent.ButtonClick(
                PlatformId.SANDBOX, user, user, action, "", new MessageRef("dm:" + user, "1")));
  }

  @Test
  @DisplayName("Three sent, two answered (5 and 2, one not fixed): CSAT 0.5, response rate 2/3")
  void figures() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true, cooldown: PT0S }\n"
                + "digest: { zone: UTC }\nsandbox: { enabled: true }",
            clock)) {
      for (String who : new String[] {"a", "b", "c"}) {
        app.webhook(
            TestApp.closed("T-" + who, clock.instant(), "{\"email\":\"" + who + "@example.com\"}"));
      }
      app.tick();
      app.deliver();
      clock.advance(Duration.ofMinutes(30));
      click(app, "a@example.com", "cl:s:1:rate:5");
      click(app, "b@example.com", "cl:s:2:rate:2");
      click(app, "b@example.com", "cl:s:2:fixed:no");
      JsonNode stats =
          JSON.readTree(
              app.admin("GET", "/admin/stats?since=2026-11-24&until=2026-11-24", null).body());
      assertThat(stats.get("csat").asDouble()).isEqualTo(0.5);
      assertThat(stats.get("responseRate").asDouble()).isEqualTo(2.0 / 3);
      assertThat(stats.get("sent").asInt()).isEqualTo(3);
      assertThat(stats.get("notFixedShare").asDouble()).isEqualTo(1.0);
      assertThat(stats.get("medianTimeToAnswer").asText()).isEqualTo("PT30M");
      assertThat(stats.get("byWeek").has("2026-W48")).isTrue();
      assertThat(stats.get("byTeam").get("network").get("sent").asInt()).isEqualTo(3);
      JsonNode none = JSON.readTree(app.admin("GET", "/admin/stats?since=2026-11-25", null).body());
      assertThat(none.get("csat").isNull()).isTrue();
      assertThat(none.get("responseRate").isNull()).isTrue();

      JsonNode digest = JSON.readTree(app.admin("POST", "/admin/digest", null).body());
      assertThat(digest.get("csat").asDouble()).isEqualTo(0.5);
      assertThat(digest.get("responseRate").asDouble()).isEqualTo(2.0 / 3);
    }
  }
}
