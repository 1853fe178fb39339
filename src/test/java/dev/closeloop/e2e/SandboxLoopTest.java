package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.store.LinkRequests;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop through the sandbox chat: webhook → DM → answers → digest. */
class SandboxLoopTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  TestApp app;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

  @BeforeEach
  void start() {
    app =
        TestApp.start(
            dir,
            // webhook tickets are real tickets: they reach the sandbox only when it is enabled
            "survey: { delay: PT0S, quietHours: \"\", weekends: true, cooldown: PT0S }\n"
                + "sandbox: { enabled: true }",
            clock);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> sandbox(String path, String body) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url("/sandbox/api/" + path)))
            .header("Content-Type", "application/json")
            .method(
                body == null ? "GET" : "POST",
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private List<JsonNode> messages(String conversation) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(sandbox("messages", null).body()).get("messages")) {
      if (m.get("conversation").asText().equals(conversation)) {
        out.add(m);
      }
    }
    return out;
  }

  private void click(String user, String actionId) {
    assertThat(
            sandbox("click", "{\"user\":\"" + user + "\",\"actionId\":\"" + actionId + "\"}")
                .statusCode())
        .isEqualTo(200);
    app.deliver();
  }

  private void type(String user, String text) {
    assertThat(
            sandbox("type", JSON.createObjectNode().put("user", user).put("text", text).toString())
                .statusCode())
        .isEqualTo(200);
    app.deliver();
  }

  @Test
  @DisplayName("A negative answer with its comment reaches the digest; a positive one does not")
  void negativeReachesDigestPositiveDoesNot() throws Exception {
    String dana = "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}";
    String lee = "{\"email\":\"lee@example.com\",\"name\":\"Lee\"}";
    assertThat(app.webhook(TestApp.closed("INC-1", clock.instant(), dana)).statusCode())
        .isEqualTo(202);
    assertThat(app.webhook(TestApp.closed("INC-2", clock.instant(), lee)).statusCode())
        .isEqualTo(202);
    app.tick();
    app.deliver();

    List<JsonNode> danaDm = messages("dm:dana@example.com");
    assertThat(danaDm).hasSize(1);
    String dm = danaDm.get(0).toString();
    assertThat(dm)
        .contains(
            "INC-1 · VPN drops every hour", "Did we fix it?", "cl:s:1:rate:5", "cl:s:1:fixed:no");

    click("dana@example.com", "cl:s:1:fixed:no");
    click("dana@example.com", "cl:s:1:rate:2");
    type("dana@example.com", "Still drops every hour, nobody called me back");
    click("dana@example.com", "cl:s:1:else:no");
    assertThat(messages("dm:dana@example.com").toString())
        .contains(
            "What went wrong?",
            "Is there anything else",
            "Someone from the IT team will look at this");

    click("lee@example.com", "cl:s:2:rate:5");
    click("lee@example.com", "cl:s:2:fixed:yes");
    type("lee@example.com", "no");

    clock.advance(java.time.Duration.ofMinutes(5));
    HttpResponse<String> digest = app.admin("POST", "/admin/digest", null);
    assertThat(digest.statusCode()).isEqualTo(200);
    assertThat(digest.body()).contains("\"newNegatives\":1");
    app.deliver();
    String team = messages("channel:team").toString();
    assertThat(team)
        .contains(
            "INC-1",
            "Still drops every hour, nobody called me back",
            "Score 2/5 · Not fixed",
            "Dana",
            "Alex",
            "cl:i:1:own");
    assertThat(team).doesNotContain("INC-2");

    JsonNode survey =
        JSON.readTree(app.admin("GET", "/admin/surveys?ticket=INC-1", null).body())
            .get("surveys")
            .get(0);
    assertThat(survey.get("state").asText()).isEqualTo("answered");
    assertThat(survey.get("answers")).hasSize(3);
    assertThat(survey.get("incident").get("comment").asText()).contains("nobody called");
  }

  @Test
  @DisplayName(
      "The survey message is updated to show each answer; a second click is refused politely")
  void messageShowsAnswersAndRefusesSecondClick() throws Exception {
    app.webhook(TestApp.closed("INC-5", clock.instant(), "{\"email\":\"sam@example.com\"}"));
    app.tick();
    app.deliver();
    click("sam@example.com", "cl:s:1:rate:4");
    String dm = messages("dm:sam@example.com").get(0).toString();
    assertThat(dm).contains("4/5").doesNotContain("cl:s:1:rate:");
    HttpResponse<String> again =
        sandbox("click", "{\"user\":\"sam@example.com\",\"actionId\":\"cl:s:1:rate:1\"}");
    assertThat(again.body()).contains("ephemeral").contains("already answered");
    HttpResponse<String> stranger =
        sandbox("click", "{\"user\":\"eve@example.com\",\"actionId\":\"cl:s:1:rate:1\"}");
    assertThat(stranger.body()).contains("not yours");
  }

  @Test
  void typedStopOptsOutAndNextTicketIsSkipped() throws Exception {
    app.webhook(TestApp.closed("INC-7", clock.instant(), "{\"email\":\"kim@example.com\"}"));
    app.tick();
    app.deliver();
    type("kim@example.com", "stop");
    assertThat(messages("dm:kim@example.com").toString()).contains("we won't ask you");
    app.webhook(TestApp.closed("INC-8", clock.instant(), "{\"email\":\"kim@example.com\"}"));
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-8", null).body())
        .contains("\"state\":\"skipped\"")
        .contains("\"reason\":\"opted_out\"");
  }

  @Test
  @DisplayName(
      "erase-user leaves nothing of the person but the opt-out: their sandbox conversation and a"
          + " pending Discord link request go too")
  void eraseUserLeavesOnlyTheOptOut() throws Exception {
    app.webhook(TestApp.closed("INC-9", clock.instant(), "{\"email\":\"kim@example.com\"}"));
    app.tick();
    app.deliver();
    click("kim@example.com", "cl:s:1:rate:1");
    type("kim@example.com", "The dock at desk 4 is broken, call me on 555-0142");
    type("kim@example.com", "stop");
    app.app
        .db()
        .jdbi()
        .useHandle(
            h ->
                new LinkRequests(h)
                    .insert(
                        "kim@example.com",
                        "123456789012345678",
                        LinkRequests.PENDING,
                        clock.instant(),
                        null));
    assertThat(messages("dm:kim@example.com")).isNotEmpty();
    assertThat(app.admin("GET", "/admin/links?state=pending", null).body())
        .contains("kim@example.com");

    assertThat(
            app.admin("POST", "/admin/erase-user", "{\"user\":\"kim@example.com\"}").statusCode())
        .isEqualTo(200);

    assertThat(messages("dm:kim@example.com")).isEmpty();
    assertThat(sandbox("messages", null).body()).doesNotContain("kim@").doesNotContain("555-0142");
    assertThat(app.admin("GET", "/admin/links?state=pending", null).body())
        .doesNotContain("kim@example.com");
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-9", null).statusCode()).isEqualTo(404);
    // the keyed hash keeps the opt-out
    app.webhook(TestApp.closed("INC-10", clock.instant(), "{\"email\":\"kim@example.com\"}"));
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-10", null).body())
        .contains("\"reason\":\"opted_out\"");
  }

  @Test
  @DisplayName(
      "POST /admin/digest answers what was posted: a request made on a negative reply counts as"
          + " the headline counts it")
  void digestAnswerCountsRequestsAsItsHeadline() throws Exception {
    app.webhook(TestApp.closed("INC-11", clock.instant(), "{\"email\":\"lee@example.com\"}"));
    app.tick();
    app.deliver();
    click("lee@example.com", "cl:s:1:rate:1");
    type("lee@example.com", "Nobody came");
    click("lee@example.com", "cl:s:1:else:yes");
    type("lee@example.com", "Please call me about the dock");

    clock.advance(java.time.Duration.ofMinutes(5));
    JsonNode posted = JSON.readTree(app.admin("POST", "/admin/digest", null).body());
    app.deliver();
    assertThat(messages("channel:team").toString()).contains("1 new negative reply", "1 request");
    assertThat(posted.path("newNegatives").asInt()).isEqualTo(1);
    assertThat(posted.path("requests").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "'Anything else?' is updated to show its answer, clicked or typed, and loses its buttons")
  void anythingElseShowsItsAnswer() throws Exception {
    app.webhook(TestApp.closed("INC-12", clock.instant(), "{\"email\":\"ada@example.com\"}"));
    app.webhook(TestApp.closed("INC-13", clock.instant(), "{\"email\":\"bo@example.com\"}"));
    app.tick();
    app.deliver();
    click("ada@example.com", "cl:s:1:rate:5");
    click("ada@example.com", "cl:s:1:fixed:yes");
    click("ada@example.com", "cl:s:1:else:yes");
    app.deliver();
    JsonNode question = anythingElse("ada@example.com");
    assertThat(question.toString())
        .contains("Is there anything else we can help you with?", "Yes, please")
        .doesNotContain("cl:s:1:else:")
        .doesNotContain("No, that's all");
    // a second answer is still refused politely and changes nothing
    assertThat(
            sandbox("click", "{\"user\":\"ada@example.com\",\"actionId\":\"cl:s:1:else:no\"}")
                .body())
        .contains("already answered");

    click("bo@example.com", "cl:s:2:rate:4");
    click("bo@example.com", "cl:s:2:fixed:yes");
    type("bo@example.com", "no, that's all");
    app.deliver();
    assertThat(anythingElse("bo@example.com").toString())
        .contains("No, that's all")
        .doesNotContain("cl:s:2:else:");
  }

  /** The "anything else?" message of a conversation, as it stands now. */
  private JsonNode anythingElse(String user) throws Exception {
    for (JsonNode m : messages("dm:" + user)) {
      if (m.toString().contains("Is there anything else")) {
        return m;
      }
    }
    throw new AssertionError("no 'anything else?' for " + user);
  }

  @Test
  @DisplayName(
      "'/closeloop optin' typed while a survey is still open opts the person back in, as the"
          + " opt-out reply tells them to")
  void typedOptInWhileASurveyIsOpenOptsBackIn() throws Exception {
    app.webhook(TestApp.closed("INC-14", clock.instant(), "{\"email\":\"kai@example.com\"}"));
    app.tick();
    app.deliver();
    type("kai@example.com", "stop");
    assertThat(messages("dm:kai@example.com").toString()).contains("/closeloop optin");

    type("kai@example.com", "/closeloop optin");
    assertThat(messages("dm:kai@example.com").toString())
        .contains("Welcome back")
        .doesNotContain("didn't get that");
    app.webhook(TestApp.closed("INC-15", clock.instant(), "{\"email\":\"kai@example.com\"}"));
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-15", null).body())
        .doesNotContain("opted_out");
  }

  @Test
  @DisplayName(
      "A reason typed in two messages is one comment: both parts reach the digest, its language is"
          + " found again, and the person is told the second was added")
  void aReasonTypedInTwoMessagesIsOneComment() throws Exception {
    app.webhook(TestApp.closed("INC-16", clock.instant(), "{\"email\":\"uma@example.com\"}"));
    app.tick();
    app.deliver();
    type("uma@example.com", "Drucker langsam");
    type("uma@example.com", "und er druckt nur jede zweite Seite");
    assertThat(messages("dm:uma@example.com").toString())
        .contains("added that to your answer")
        .doesNotContain("already answered");
    click("uma@example.com", "cl:s:1:fixed:no");

    JsonNode survey =
        JSON.readTree(app.admin("GET", "/admin/surveys?ticket=INC-16", null).body())
            .get("surveys")
            .get(0);
    List<String> comments = new ArrayList<>();
    for (JsonNode a : survey.get("answers")) {
      if (a.get("kind").asText().equals("comment")) {
        comments.add(a.get("value").asText());
      }
    }
    assertThat(comments).containsExactly("Drucker langsam\nund er druckt nur jede zweite Seite");

    clock.advance(java.time.Duration.ofMinutes(5));
    assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
    app.deliver();
    String team = messages("channel:team").toString();
    assertThat(team).contains("INC-16", "Drucker langsam", "und er druckt nur jede zweite Seite");
    // the language mark is found on the whole comment, not on its first two words alone
    assertThat(team).contains("(German)");
  }

  @Test
  @DisplayName(
      "A score typed within the hour after 'anything else?' ended the survey unrated is its score;"
          + " later, it finds no survey")
  void aScoreTypedJustAfterTheEndIsStillTheScore() throws Exception {
    app.webhook(TestApp.closed("INC-17", clock.instant(), "{\"email\":\"vik@example.com\"}"));
    app.tick();
    app.deliver();
    click("vik@example.com", "cl:s:1:fixed:yes");
    type("vik@example.com", "the tech was quick");
    click("vik@example.com", "cl:s:1:else:no");
    clock.advance(java.time.Duration.ofMinutes(10));
    type("vik@example.com", "2");
    assertThat(messages("dm:vik@example.com").toString())
        .contains("The IT team will see it")
        .doesNotContain("no open survey");
    JsonNode survey =
        JSON.readTree(app.admin("GET", "/admin/surveys?ticket=INC-17", null).body())
            .get("surveys")
            .get(0);
    assertThat(survey.get("answers").toString()).contains("{\"kind\":\"rating\",\"value\":2,");
    assertThat(survey.get("incident").isNull()).as("a 2 is a negative").isFalse();

    app.webhook(TestApp.closed("INC-18", clock.instant(), "{\"email\":\"wen@example.com\"}"));
    app.tick();
    app.deliver();
    click("wen@example.com", "cl:s:2:fixed:yes");
    type("wen@example.com", "all good");
    click("wen@example.com", "cl:s:2:else:no");
    clock.advance(java.time.Duration.ofMinutes(61));
    type("wen@example.com", "4");
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-18", null).body())
        .doesNotContain("\"kind\":\"rating\"");
  }
}
