package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.closeloop.chat.slack.FakeSlack;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestApp;
import dev.closeloop.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances, each with its real db-scheduler running, on one PostgreSQL and one fake Slack:
 * every survey DM goes out once and the day's digest is posted once, whichever instance took the
 * webhook and whichever runs the recurring tasks.
 */
@ExtendWith(PostgresExtension.class)
class TwoInstancesPostgresTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final int SURVEYS = 40;

  @TempDir Path dirA;
  @TempDir Path dirB;
  final MutableClock clock = new MutableClock(T0);
  final FakeSlack slack = FakeSlack.start();
  final List<TestApp> apps = new ArrayList<>();

  @AfterEach
  void stop() {
    apps.forEach(TestApp::close);
    slack.close();
  }

  @Test
  void everySurveyIsSentOnceAndTheDigestPostedOnce(TestPostgres.Db db) {
    slack.channel("C0DIGEST");
    String yaml =
        db.storageYaml()
            + "\n"
            + """
        slack: { botToken: "%s", signingSecret: "sig", apiUrl: "%s" }
        survey: { delay: PT0S, reminderAfter: PT0S, expireAfter: P30D, quietHours: "", weekends: true }
        digest: { time: "09:00", zone: "UTC", slackChannel: "C0DIGEST" }
        """
                .formatted(FakeSlack.BOT_TOKEN, slack.apiUrl());
    TestApp a = TestApp.startScheduled(dirA, yaml, clock);
    apps.add(a);
    TestApp b = TestApp.startScheduled(dirB, yaml, clock);
    apps.add(b);

    for (int i = 0; i < SURVEYS; i++) {
      slack.user("U" + i, "p" + i + "@example.com", "P" + i, "UTC");
      String body = TestApp.closed("INC-" + i, T0, "{\"email\":\"p" + i + "@example.com\"}");
      // the same event reaches both instances at once: one accepts it, the other calls it a
      // duplicate
      var fromA = CompletableFuture.supplyAsync(() -> a.webhook(body));
      var fromB = CompletableFuture.supplyAsync(() -> b.webhook(body));
      List<Integer> codes = List.of(fromA.join().statusCode(), fromB.join().statusCode());
      assertThat(codes).as("INC-%d", i).containsExactlyInAnyOrder(202, 200);
    }
    clock.advance(Duration.ofDays(1)); // past Wednesday 09:00: the digest slot has come

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              clock.advance(Duration.ofSeconds(1)); // lets the pacer's buckets refill
              for (int i = 0; i < SURVEYS; i++) {
                assertThat(slack.messages(slack.dmChannel("U" + i)))
                    .as("DM to U%d", i)
                    .isNotEmpty();
              }
              assertThat(slack.messages("C0DIGEST")).isNotEmpty();
            });
    // let both schedulers run their tasks several more times, then count again
    Instant settled = Instant.now();
    await().atMost(Duration.ofSeconds(30)).until(() -> bothTasksRanSince(a, settled));
    a.app.tick(); // and a tick by hand on each instance at once, racing the scheduler
    b.app.tick();

    for (int i = 0; i < SURVEYS; i++) {
      String user = "U" + i;
      String dm = slack.dmChannel(user);
      assertThat(slack.messages(dm)).as("DMs to U%d", i).hasSize(1);
      assertThat(
              slack.calls("chat.postMessage").stream()
                  .filter(c -> user.equals(c.param("channel")) || dm.equals(c.param("channel"))))
          .as("posts to U%d", i)
          .hasSize(1);
      HttpResponse<String> survey = a.admin("GET", "/admin/surveys?ticket=INC-" + i, null);
      assertThat(survey.body()).contains("\"state\":\"sent\"");
    }
    assertThat(slack.messages("C0DIGEST")).hasSize(1);
    Integer digests =
        a.app
            .db()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM digests").mapTo(Integer.class).one());
    assertThat(digests).isEqualTo(1);
  }

  /**
   * True once 'survey-tick' and 'outbox-dispatch' have both completed a run after {@code since}.
   */
  private static boolean bothTasksRanSince(TestApp app, Instant since) {
    return app.app
            .db()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
            SELECT COUNT(*) FROM scheduled_tasks
            WHERE task_name IN ('survey-tick', 'outbox-dispatch') AND last_success > :since
            """)
                        .bind("since", since.plusSeconds(2))
                        .mapTo(Integer.class)
                        .one())
        == 2;
  }
}
