package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2 the real scheduler keeps its table in memory: its jobs run and deliver, and the store
 * file's own {@code scheduled_tasks} never gets a row (each pick and completion there was a chunk
 * written to disk, a dozen a second while idle). A restart on the same store schedules again.
 */
class SchedulerTableTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String YAML =
      """
      sandbox: { enabled: true }
      survey: { delay: PT0S, quietHours: "", weekends: true }
      """;

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theJobsRunAndDeliverWithoutWritingTheirScheduleIntoTheStore() throws Exception {
    for (String ticket : new String[] {"INC-1", "INC-2"}) { // the second after a restart
      app = TestApp.startScheduled(dir, YAML, clock);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !health().path("jobs").path("surveys").path("lastSuccess").isNull());
      assertThat(
              app.webhook(
                      TestApp.closed(
                          ticket,
                          clock.instant(),
                          "{\"email\":\"" + ticket.toLowerCase() + "@example.com\"}"))
                  .statusCode())
          .isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> app.get("/sandbox/api/messages").contains(ticket));

      assertThat(storeRows()).as("rows in the store's scheduled_tasks").isZero();
      app.close();
      app = null;
      clock.advance(Duration.ofHours(1));
    }
  }

  private int storeRows() {
    return app.app
        .db
        .jdbi()
        .withHandle(
            h -> h.select("SELECT COUNT(*) FROM scheduled_tasks").mapTo(Integer.class).one());
  }

  private JsonNode health() throws Exception {
    return JSON.readTree(app.get("/health"));
  }
}
