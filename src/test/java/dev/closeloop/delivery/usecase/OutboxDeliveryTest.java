package dev.closeloop.delivery.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.slack.FakeSlack;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbox retry, backoff and dead letter through the real app and Slack adapter against the fake
 * Slack, on H2; {@link OutboxDeliveryPostgresTest} runs the same on PostgreSQL.
 */
class OutboxDeliveryTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  final FakeSlack slack = FakeSlack.start();
  TestApp app;

  /** The storage section; H2 in the temp dir unless a subclass says otherwise. */
  String storageYaml() {
    return "";
  }

  void start() {
    slack.user("U1", "dana@example.com", "Dana", "UTC");
    app =
        TestApp.start(
            dir,
            storageYaml()
                + "\n"
                + """
        slack: { botToken: "%s", signingSecret: "sig", apiUrl: "%s" }
        survey: { delay: PT0S, reminderAfter: PT0S, quietHours: "", weekends: true }
        delivery: { maxAttempts: 4, backoff: PT2S, backoffMax: PT5S }
        """
                    .formatted(FakeSlack.BOT_TOKEN, slack.apiUrl()),
            clock);
    assertThat(app.webhook(TestApp.closed("INC-1", T0, "{\"slackId\":\"U1\"}")).statusCode())
        .isEqualTo(202);
    app.tick();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    slack.close();
  }

  @Test
  void transientFailuresBackOffWithGrowingJitteredDelaysThenTheRowIsDeadAndTheSurveySkipped()
      throws Exception {
    slack.failWithStatus("chat.postMessage", 500, FakeSlack.ALWAYS);
    start();
    long id = dmRow().id();
    Duration[] steps = {Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5)};
    for (int attempt = 1; attempt <= 3; attempt++) {
      app.deliver();
      OutboxRow row = row(id);
      assertThat(row.state()).isEqualTo("pending");
      assertThat(row.attempts()).isEqualTo(attempt);
      Duration wait = Duration.between(clock.instant(), row.nextAttemptAt());
      Duration step = steps[attempt - 1];
      assertThat(wait).as("wait after attempt %d", attempt).isBetween(step.dividedBy(2), step);
      app.deliver(); // not due yet: nothing is tried
      assertThat(row(id).attempts()).isEqualTo(attempt);
      // due now; a little later too, so that Slack's 1 post per 1.03 s to one person (the pacer)
      // never holds a retry whose jittered wait came out under that (the first is 1-2 s)
      clock.set(row.nextAttemptAt().plusMillis(100));
    }
    app.deliver();
    assertThat(row(id).state()).isEqualTo("dead");
    assertThat(row(id).attempts()).isEqualTo(4);
    assertThat(slack.calls("chat.postMessage")).hasSize(4);
    assertThat(slack.messages(slack.dmChannel("U1"))).isEmpty();
    JsonNode survey = survey();
    assertThat(survey.path("state").asText()).isEqualTo("skipped");
    assertThat(survey.path("reason").asText()).isEqualTo("delivery_failed");

    JsonNode dead =
        JSON.readTree(app.admin("GET", "/admin/outbox?state=dead", null).body()).path("outbox");
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).path("id").asLong()).isEqualTo(id);
    assertThat(dead.get(0).path("attempts").asInt()).isEqualTo(4);
    assertThat(dead.get(0).path("lastError").asText()).contains("500");
    assertThat(
            JSON.readTree(app.admin("GET", "/admin/outbox?state=pending", null).body())
                .path("outbox"))
        .isEmpty();

    // the platform recovers; an operator retries the dead row: the survey is scheduled, due now
    slack.clearFailures();
    clock.advance(Duration.ofMinutes(30));
    var retried = app.admin("POST", "/admin/outbox/" + id + "/retry", null);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(survey().path("state").asText()).isEqualTo("scheduled");
    assertThat(Instant.parse(survey().path("dueAt").asText())).isEqualTo(clock.instant());
    app.tick();
    app.deliver();
    assertThat(survey().path("state").asText()).isEqualTo("sent");
    assertThat(slack.messages(slack.dmChannel("U1"))).hasSize(1);
    assertThat(
            JSON.readTree(app.admin("GET", "/admin/outbox?state=dead", null).body()).path("outbox"))
        .isEmpty();
    assertThat(app.admin("POST", "/admin/outbox/" + id + "/retry", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aRetryAfterOfYearsWaitsAnHourAtMost() {
    // a broken or hostile Slack asks for 10^9 seconds (31 years)
    slack.rateLimit("chat.postMessage", 1, 1_000_000_000);
    start();
    long id = dmRow().id();
    app.deliver();
    // before: next attempt in 2057, and the pacer held every Slack message as long
    assertThat(row(id).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(1));
    app.deliver();
    assertThat(row(id).state()).isEqualTo("sent");
    assertThat(slack.messages(slack.dmChannel("U1"))).hasSize(1);
  }

  @Test
  void rateLimitWaitsExactlyRetryAfterAndThenSendsOnce() {
    slack.rateLimit("chat.postMessage", 1, 3);
    start();
    long id = dmRow().id();
    app.deliver();
    OutboxRow row = row(id);
    assertThat(row.state()).isEqualTo("pending");
    assertThat(row.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(3));
    clock.advance(Duration.ofSeconds(3));
    app.deliver();
    assertThat(row(id).state()).isEqualTo("sent");
    assertThat(slack.messages(slack.dmChannel("U1"))).hasSize(1);
    assertThat(survey().path("state").asText()).isEqualTo("sent");
  }

  @Test
  void aPermanentRefusalIsDeadAtOnce() {
    slack.failWith("chat.postMessage", "invalid_auth", FakeSlack.ALWAYS);
    start();
    long id = dmRow().id();
    app.deliver();
    assertThat(row(id).state()).isEqualTo("dead");
    assertThat(row(id).attempts()).isEqualTo(1);
    assertThat(survey().path("state").asText()).isEqualTo("skipped");
  }

  private OutboxRow dmRow() {
    return app.app.db().jdbi().withHandle(h -> new Outbox(h).inState("pending", 0, 10)).stream()
        .filter(r -> "survey_dm".equals(r.purpose()))
        .findFirst()
        .orElseThrow();
  }

  private OutboxRow row(long id) {
    return app.app.db().jdbi().withHandle(h -> new Outbox(h).find(id)).orElseThrow();
  }

  private JsonNode survey() {
    try {
      return JSON.readTree(app.admin("GET", "/admin/surveys?ticket=INC-1", null).body())
          .path("surveys")
          .get(0);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
