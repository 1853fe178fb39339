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
 * A send that never answers is abandoned after {@code timeouts.slack}, left unconfirmed, and looked
 * up on the platform before anything is sent again; other conversations go out meanwhile. The real
 * app and Bolt client against the fake Slack, which carries out U1's post but never answers it.
 */
class UnansweredSendTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  final FakeSlack slack = FakeSlack.start();
  TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    slack.close();
  }

  @Test
  void aSendThatNeverAnswersIsAbandonedThenReconciledNotResentWhileOthersKeepMoving()
      throws Exception {
    for (String u : new String[] {"U1", "U2", "U3"}) {
      slack.user(u, u.toLowerCase() + "@example.com", "Person " + u, "UTC");
    }
    slack.neverAnswer("chat.postMessage", "U1");
    app =
        TestApp.start(
            dir,
            """
            slack: { botToken: "%s", signingSecret: "sig", apiUrl: "%s" }
            survey: { delay: PT0S, reminderAfter: PT0S, quietHours: "", weekends: true }
            timeouts: { slack: PT2S }
            """
                .formatted(FakeSlack.BOT_TOKEN, slack.apiUrl()),
            clock);
    for (int i = 1; i <= 3; i++) {
      assertThat(
              app.webhook(TestApp.closed("INC-" + i, T0, "{\"slackId\":\"U" + i + "\"}"))
                  .statusCode())
          .isEqualTo(202);
    }
    app.tick();

    app.deliver(); // returns: U1's post is abandoned after timeouts.slack

    assertThat(slack.messages(slack.dmChannel("U2"))).hasSize(1);
    assertThat(slack.messages(slack.dmChannel("U3"))).hasSize(1);
    OutboxRow u1 = dmRowOf("INC-1");
    assertThat(u1.state()).isEqualTo(OutboxRow.UNCONFIRMED);
    assertThat(u1.lastError()).contains("before any resend");
    assertThat(postsTo("U1")).isEqualTo(1);

    // before the row is due to be looked up, nothing happens to it
    app.deliver();
    assertThat(postsTo("U1")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    app.deliver();

    assertThat(postsTo("U1")).as("sent once, never again").isEqualTo(1);
    assertThat(slack.calls("conversations.history")).isNotEmpty();
    assertThat(dmRowOf("INC-1").state()).isEqualTo(OutboxRow.SENT);
    assertThat(survey("INC-1").path("state").asText()).isEqualTo("sent");
    assertThat(slack.messages(slack.dmChannel("U1"))).hasSize(1);
  }

  private long postsTo(String channel) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.param("channel")))
        .count();
  }

  private OutboxRow dmRowOf(String ticket) {
    long surveyId = survey(ticket).path("id").asLong();
    return app.app
        .db()
        .jdbi()
        .withHandle(
            h -> {
              long id =
                  h.createQuery(
                          "SELECT id FROM outbox WHERE survey_id = :s AND purpose = 'survey_dm'")
                      .bind("s", surveyId)
                      .mapTo(Long.class)
                      .one();
              return new Outbox(h).find(id).orElseThrow();
            });
  }

  private JsonNode survey(String ticket) {
    try {
      return JSON.readTree(app.admin("GET", "/admin/surveys?ticket=" + ticket, null).body())
          .path("surveys")
          .get(0);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
