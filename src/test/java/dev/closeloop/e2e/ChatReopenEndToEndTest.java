package dev.closeloop.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.slack.FakeSlack;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reopen question through the real Bolt and JDA clients against the fake Slack and Discord: the
 * two buttons render on each platform, a tap (or a typed "nein") answers it, and the reopen goes to
 * the helpdesk (here the generic connector's receiver on WireMock).
 */
class ChatReopenEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DANA = "U0DANA";

  WireMockServer receiver;

  @BeforeEach
  void startReceiver() {
    receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop();
  }

  private String generic() {
    return """
        connectors: { generic: { writeBackUrl: "http://127.0.0.1:%d/events", writeBackSecret: "wb" } }
        """
        .formatted(receiver.port());
  }

  private List<String> events() throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (LoggedRequest r : receiver.findAll(postRequestedFor(urlPathEqualTo("/events")))) {
      out.add(JSON.readTree(r.getBodyAsString()).path("event").asText());
    }
    return out;
  }

  @Test
  @DisplayName("Slack: 'Reopen the ticket' is a button of the reopen message; a tap reopens")
  void slackButtons() throws Exception {
    FakeSlack slack = FakeSlack.start();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    slack.user(DANA, "dana@example.com", "Dana", "Europe/Berlin");
    try (TestApp app =
        TestApp.start(
            TestApp.tempDir("e2e-slack-reopen"),
            """
            slack: { botToken: "%s", appToken: "%s", apiUrl: "%s" }
            survey: { delay: PT0S, quietHours: "", weekends: true }
            %s
            """
                .formatted(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN, slack.apiUrl(), generic()),
            clock)) {
      assertThat(
              app.webhook(
                      TestApp.closed(
                          "INC-S1", clock.instant(), "{\"slackId\":\"U0DANA\",\"name\":\"Dana\"}"))
                  .statusCode())
          .isEqualTo(202);
      app.tick();
      Callable<List<FakeSlack.Message>> dms = () -> slack.messages(slack.dmChannel(DANA));
      awaitDelivered(app, clock, () -> !dms.call().isEmpty());
      FakeSlack.Message survey = dms.call().get(0);
      slack.sendBlockAction(
          DANA,
          new MessageRef(survey.channel(), survey.ts()),
          actionIdEndingWith(survey.blocks(), ":fixed:no"),
          "no");
      awaitDelivered(app, clock, () -> dms.call().size() >= 2);
      FakeSlack.Message offer = dms.call().get(1);
      assertThat(offer.blocks().toString())
          .contains("Shall I reopen INC-S1", "Reopen the ticket", "No, leave it closed");
      slack.sendBlockAction(
          DANA,
          new MessageRef(offer.channel(), offer.ts()),
          actionIdEndingWith(offer.blocks(), ":reopen:yes"),
          "yes");
      awaitDelivered(
          app,
          clock,
          () ->
              dms.call().stream()
                  .anyMatch(m -> m.text().contains("Reopened INC-S1 — the network team")));
      assertThat(events()).containsExactly("reopen");
      // the yes is acknowledged where the next question is asked: the helpdesk's confirmation
      // ("Reopened …") only comes once the write went through, after that question
      assertThat(dms.call().get(2).text())
          .startsWith("OK, I'm reopening INC-S1.")
          .contains("What went wrong?");
    } finally {
      slack.close();
    }
  }

  @Test
  @DisplayName("Discord: the same buttons; a typed 'nein' leaves the ticket closed")
  void discordButtonsAndTypedNo() throws Exception {
    try (DiscordE2E e2e = DiscordE2E.start(generic())) {
      JsonNode survey = e2e.surveyDm("INC-D1", "400000000000000001");
      e2e.click("400000000000000001", survey, ":fixed:no");
      JsonNode offer =
          e2e.awaitDm("400000000000000001", m -> DiscordE2E.hasButtonEnding(m, ":reopen:yes"));
      assertThat(offer.toString())
          .contains(
              "Shall I reopen INC", "D1 so the team", "Reopen the ticket", "No, leave it closed");
      e2e.type("400000000000000001", "nein", "What went wrong?");
      assertThat(events()).isEmpty();

      JsonNode second = e2e.surveyDm("INC-D2", "400000000000000002");
      e2e.click("400000000000000002", second, ":fixed:no");
      JsonNode offer2 =
          e2e.awaitDm("400000000000000002", m -> DiscordE2E.hasButtonEnding(m, ":reopen:yes"));
      e2e.click("400000000000000002", offer2, ":reopen:yes");
      e2e.awaitDmText("400000000000000002", "the network team has it again");
      assertThat(events()).containsExactly("reopen");
    }
  }

  private static void awaitDelivered(TestApp app, MutableClock clock, Callable<Boolean> done) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(
            () -> {
              clock.advance(Duration.ofSeconds(2));
              app.deliver();
              return done.call();
            });
  }

  private static String actionIdEndingWith(JsonNode blocks, String suffix) {
    for (JsonNode b : blocks) {
      for (JsonNode el : b.path("elements")) {
        String id = el.path("action_id").asText("");
        if (id.endsWith(suffix)) {
          return id;
        }
      }
    }
    throw new AssertionError("no button ending with " + suffix + " in " + blocks);
  }
}
