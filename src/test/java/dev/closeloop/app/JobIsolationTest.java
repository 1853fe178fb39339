package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.slack.FakeSlack;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Each periodic job runs on its own: one that throws stops no other, and {@code GET /health} shows
 * every job's last success and last error. A digest that cannot be posted shows there, and in the
 * log, with what to do about it.
 */
class JobIsolationTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> JOBS =
      List.of("surveys", "reminders", "digest", "weekly", "purge", "pollers", "outbox");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  TestApp app;
  FakeSlack slack;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (slack != null) {
      slack.close();
    }
  }

  @Test
  void aDigestJobThatThrowsStopsNeitherSurveysNorPurgeAndShowsOnHealth() throws Exception {
    app = TestApp.start(dir, "survey: { delay: PT0S, quietHours: \"\", weekends: true }", clock);
    app.tick(); // installed at T0: the first digest is due tomorrow at 09:00
    breakDigests();
    oldTicketEvent();
    clock.advance(Duration.ofDays(1)); // the digest's slot has come: it throws from now on
    closeSandboxTicket("DEMO-1");

    app.tick();
    app.deliver();

    assertThat(sandboxMessages()).contains("DEMO-1");
    assertThat(oldTicketEvents()).as("purge ran after the digest threw").isZero();
    JsonNode health = health();
    assertThat(health.path("jobs").path("digest").path("lastError").asText()).contains("digests");
    assertThat(health.path("jobs").path("digest").path("lastErrorAt").asText())
        .isEqualTo(clock.instant().toString());
    assertThat(health.path("jobs").path("surveys").path("lastSuccess").asText())
        .isEqualTo(clock.instant().toString());
    assertThat(health.path("jobs").path("surveys").path("lastError").isNull()).isTrue();
    assertThat(health.path("jobs").path("purge").path("lastSuccess").isNull()).isFalse();
    assertThat(health.path("status").asText()).isEqualTo("degraded");
    for (String job : JOBS) {
      assertThat(health.path("jobs").path(job).isObject()).as(job).isTrue();
      assertThat(fieldNames(health.path("jobs").path(job)))
          .as(job)
          .containsExactly("lastSuccess", "lastError", "lastErrorAt");
    }
  }

  @Test
  void withTheRealSchedulerAThrowingDigestLeavesSurveysGoing() throws Exception {
    app =
        TestApp.startScheduled(
            dir,
            """
            sandbox: { enabled: true }
            survey: { delay: PT0S, quietHours: "", weekends: true }
            """,
            clock);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !health().path("jobs").path("surveys").path("lastSuccess").isNull());
    breakDigests();
    clock.advance(Duration.ofDays(1));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !health().path("jobs").path("digest").path("lastError").isNull());

    assertThat(
            app.webhook(
                    TestApp.closed("INC-7", clock.instant(), "{\"email\":\"dana@example.com\"}"))
                .statusCode())
        .isEqualTo(202);

    await().atMost(Duration.ofSeconds(20)).until(() -> sandboxMessages().contains("INC-7"));
    assertThat(health().path("jobs").path("digest").path("lastError").asText()).contains("digests");
  }

  @Test
  void aDigestThatCannotBePostedShowsOnHealthAndInTheLogWithTheRemedy() throws Exception {
    slack = FakeSlack.start();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logs);
    try {
      app =
          TestApp.start(
              dir,
              """
              slack: { botToken: "%s", signingSecret: "sig", apiUrl: "%s" }
              digest: { slackChannel: C0GONE }
              """
                  .formatted(FakeSlack.BOT_TOKEN, slack.apiUrl()),
              clock);

      assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
      app.deliver();

      JsonNode digest = health().path("jobs").path("digest");
      assertThat(digest.path("lastError").asText())
          .contains("C0GONE", "channel_not_found", "invite the bot");
      assertThat(health().path("status").asText()).isEqualTo("degraded");
      assertThat(logs.list)
          .map(ILoggingEvent::getFormattedMessage)
          .anySatisfy(line -> assertThat(line).contains("C0GONE", "invite the bot"));
    } finally {
      root.detachAppender(logs);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private void breakDigests() {
    app.app.db().jdbi().useHandle(h -> h.execute("ALTER TABLE digests RENAME TO digests_away"));
  }

  /** A ticket event far older than retention.keep: the daily purge removes it. */
  private void oldTicketEvent() {
    app.app
        .db()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                    INSERT INTO ticket_events (dedupe_key, source, ticket_id, event, received_at, outcome)
                    VALUES ('old', 'generic', 'OLD-1', 'closed', :t, 'accepted')
                    """)
                    .bind("t", T0.minus(Duration.ofDays(800)))
                    .execute());
  }

  private int oldTicketEvents() {
    return app.app
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM ticket_events WHERE dedupe_key = 'old'")
                    .mapTo(Integer.class)
                    .one());
  }

  private void closeSandboxTicket(String id) {
    var r =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/sandbox/api/tickets")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"" + id + "\",\"email\":\"dana@example.com\"}"))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  private String sandboxMessages() {
    return app.get("/sandbox/api/messages");
  }

  private JsonNode health() throws Exception {
    var r = app.send(HttpRequest.newBuilder(URI.create(app.url("/health"))).build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
