package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.slack.FakeSlack;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestApp;
import dev.closeloop.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store, survey scheduling, the outbox dispatcher and the digest on a real PostgreSQL: the
 * migrations apply and every statement on these paths runs there as it does on H2.
 */
@ExtendWith(PostgresExtension.class)
class PostgresFlowTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z"); // a Tuesday

  @TempDir Path dir;
  FakeSlack slack;
  TestApp app;
  MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void start(TestPostgres.Db db) {
    slack = FakeSlack.start();
    slack.channel("C0DIGEST");
    app = TestApp.start(dir, config(slack, db), clock);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    slack.close();
  }

  static String config(FakeSlack slack, TestPostgres.Db db) {
    return db.storageYaml()
        + "\n"
        + """
        slack: { botToken: "%s", signingSecret: "sig", apiUrl: "%s" }
        survey: { delay: PT0S, quietHours: "", weekends: true }
        digest: { time: "09:00", zone: "UTC", slackChannel: "C0DIGEST" }
        """
            .formatted(FakeSlack.BOT_TOKEN, slack.apiUrl());
  }

  @Test
  void closedTicketsAreSurveyedOnceAndDuplicatesAreRecognised() {
    for (int i = 0; i < 5; i++) {
      slack.user("U" + i, "p" + i + "@example.com", "P" + i, "UTC");
      String body =
          TestApp.closed(
              "INC-" + i, T0, "{\"email\":\"p" + i + "@example.com\",\"slackId\":\"U" + i + "\"}");
      assertThat(app.webhook(body).statusCode()).isEqualTo(202);
      assertThat(app.webhook(body).body()).contains("duplicate");
    }
    app.tick();
    // the pacer spreads Slack posts (at most 3 per 0.309 s): the clock moves on as a real one would
    int sent = 0;
    for (int pass = 0; pass < 5; pass++) {
      sent += app.deliver();
      clock.advance(Duration.ofMillis(400));
    }
    assertThat(sent).isEqualTo(5);
    app.tick();
    assertThat(app.deliver()).isZero();
    for (int i = 0; i < 5; i++) {
      assertThat(slack.messages(slack.dmChannel("U" + i))).hasSize(1);
      assertThat(app.admin("GET", "/admin/surveys?ticket=INC-" + i, null).body())
          .contains("\"state\":\"sent\"");
    }
    var stats = app.admin("GET", "/admin/stats", null);
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(stats.body()).contains("\"sent\":5");
  }

  @Test
  void reopenCancelsAndReminderAndExpiryRunOnSchedule() {
    slack.user("U1", "dana@example.com", "Dana", "UTC");
    slack.user("U2", "sam@example.com", "Sam", "UTC");
    assertThat(app.webhook(TestApp.closed("INC-1", T0, "{\"slackId\":\"U1\"}")).statusCode())
        .isEqualTo(202);
    assertThat(app.webhook(TestApp.closed("INC-2", T0, "{\"slackId\":\"U2\"}")).statusCode())
        .isEqualTo(202);
    assertThat(
            app.webhook("{\"event\":\"ticket.reopened\",\"ticket\":{\"id\":\"INC-2\"}}")
                .statusCode())
        .isEqualTo(202);
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-2", null).body())
        .contains("\"state\":\"cancelled\"")
        .contains("\"reason\":\"reopened\"");
    app.tick();
    app.deliver();
    clock.advance(Duration.ofHours(25));
    app.tick();
    app.deliver();
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-1", null).body())
        .contains("\"state\":\"reminded\"");
    clock.advance(Duration.ofHours(48));
    app.tick();
    app.deliver();
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-1", null).body())
        .contains("\"state\":\"expired\"");
    assertThat(slack.messages(slack.dmChannel("U2"))).isEmpty();
  }

  @Test
  void scheduledDigestPostsOncePerSlot() {
    clock.advance(Duration.ofDays(1)); // past the next 09:00
    app.tick();
    app.tick();
    app.deliver();
    assertThat(slack.messages("C0DIGEST")).hasSize(1);
    assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(2)); // the pacer allows about one post a second per channel
    app.deliver();
    assertThat(slack.messages("C0DIGEST")).hasSize(2);
    assertThat(app.admin("GET", "/admin/outbox?state=dead", null).body()).doesNotContain("\"id\"");
  }
}
