package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.chat.LineLimit;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.slack.FakeSlack;
import dev.closeloop.survey.usecase.Conversations;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole app (webhook intake, store, scheduler work, outbox, Slack adapter) through the real
 * Bolt client against {@link FakeSlack}: what the requester and the IT channel see, and what the
 * admin API reports. Time is a {@link MutableClock}; due work runs by {@code tick()} and the outbox
 * by {@code deliver()}; asynchronous Socket Mode handling is awaited, never slept on.
 */
class SlackEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday
  static final String DANA = "U0DANA";
  static final String ALEX = "U0ALEX";
  static final String DIGEST = "C0DIGEST";
  static final String SIGNING_SECRET = "signing-secret";

  FakeSlack fake;
  MutableClock clock;
  Path dir;
  TestApp app;

  @BeforeEach
  void setUp() {
    fake = FakeSlack.start();
    fake.user(DANA, "dana@example.com", "Dana", "Europe/Berlin");
    fake.user(ALEX, "alex@example.com", "Alex Kim", "Europe/Berlin");
    fake.channel(DIGEST);
    clock = new MutableClock(T0);
    dir = TestApp.tempDir("e2e-slack");
  }

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.close();
    }
    fake.close();
  }

  void startSocketMode() {
    startSocketMode("");
  }

  /** {@code digest} holds more digest keys, e.g. {@code ", locale: de"}. */
  void startSocketMode(String digest) {
    app =
        TestApp.start(
            dir,
            """
        slack: { botToken: "%s", appToken: "%s", apiUrl: "%s" }
        survey: { delay: PT0S, quietHours: "", weekends: true }
        digest: { slackChannel: %s%s }
        """
                .formatted(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN, fake.apiUrl(), DIGEST, digest),
            clock);
  }

  // ------------------------------------------------------------------ scenarios

  @Test
  void statsWithAUsergroupAnswerItsMembersOnlyWhateverTheChannelSays() {
    app =
        TestApp.start(
            dir,
            """
        slack: { botToken: "%s", appToken: "%s", apiUrl: "%s" }
        digest: { slackChannel: %s }
        stats: { slackUsergroup: S0ITTEAM }
        """
                .formatted(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN, fake.apiUrl(), DIGEST),
            clock);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> app.app.platforms().get(PlatformId.SLACK).connected());
    fake.usergroup("S0ITTEAM", ALEX);
    fake.channelMembers(DIGEST, DANA);

    fake.sendSlashCommand(DANA, "stats");
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.responseUrlPosts().size() >= 1);
    fake.sendSlashCommand(ALEX, "stats");
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.responseUrlPosts().size() >= 2);

    assertThat(fake.responseUrlPosts().get(0).path("text").asText()).contains("for the IT team");
    assertThat(fake.responseUrlPosts().get(1).path("text").asText()).containsIgnoringCase("CSAT");
  }

  @Test
  void fullSurveyByButtons() {
    startSocketMode();
    MessageRef dm = closeTicketAndDeliverSurvey("INC-1", DANA, "dana@example.com");
    JsonNode blocks = fake.message(dm).orElseThrow().blocks();
    assertThat(blocks.toString()).contains("INC-1").contains("VPN drops every hour");
    assertThat(buttonValues(blocks)).contains("yes", "no", "1", "2", "3", "4", "5", "more", "stop");
    String rateFive = actionIdEndingWith(blocks, ":rate:5");

    click(DANA, dm, "fixed:no", "no");
    awaitDelivered(() -> dmTexts(DANA).stream().anyMatch(t -> t.contains("What went wrong?")));
    click(DANA, dm, "rate:2", "2");
    awaitDelivered(
        () -> {
          String shown = fake.message(dm).orElseThrow().blocks().toString();
          return shown.contains("Not fixed") && shown.contains("2/5");
        });
    assertThat(fake.calls("chat.update")).isNotEmpty();
    assertThat(buttonValues(fake.message(dm).orElseThrow().blocks()))
        .doesNotContain("yes", "no", "1", "5");

    fake.sendDirectMessage(DANA, "The VPN still drops during calls");
    awaitDelivered(() -> lastDm(DANA).contains("anything else"));
    MessageRef anythingElse = lastDmRef(DANA);
    click(DANA, anythingElse, "else:no", "no");
    awaitDelivered(() -> lastDm(DANA).contains("Someone from the IT team will look at this"));

    JsonNode survey = survey("INC-1");
    assertThat(survey.path("state").asText()).isEqualTo("answered");
    assertThat(answers(survey))
        .containsEntry("fixed", "false")
        .containsEntry("rating", "2")
        .containsEntry("comment", "The VPN still drops during calls");
    assertThat(survey.path("incident").path("score").asInt()).isEqualTo(2);
    assertThat(fake.message(dm).orElseThrow().blocks().toString())
        .contains("The VPN still drops during calls");

    // a late click on the finished survey (an old copy of the message) is answered politely,
    // changes nothing
    fake.sendBlockAction(DANA, dm, rateFive, "5");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fake.responseUrlPosts().stream()
                    .anyMatch(p -> p.path("text").asText().contains("This survey is closed")));
    assertThat(answers(survey("INC-1"))).containsEntry("rating", "2");
    assertThat(survey("INC-1").path("answers").findValuesAsText("kind")).containsOnlyOnce("rating");
  }

  @Test
  void anotherUserSendingTheButtonsOfSomeonesSurveyChangesNothingAndReadsNothing() {
    startSocketMode();
    MessageRef dm = closeTicketAndDeliverSurvey("INC-9", DANA, "dana@example.com");
    String rateOne = actionIdEndingWith(fake.message(dm).orElseThrow().blocks(), ":rate:1");

    // Dana's button, on Dana's message, sent as someone else (a modified client or a replay)
    fake.sendBlockAction("U0MALLORY", dm, rateOne, "1");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fake.responseUrlPosts().stream()
                    .anyMatch(p -> p.path("text").asText().contains("not yours")));
    String answer =
        fake.responseUrlPosts().stream()
            .map(p -> p.path("text").asText())
            .filter(t -> t.contains("not yours"))
            .findFirst()
            .orElseThrow();
    assertThat(answer).doesNotContain("INC-9").doesNotContain("VPN");
    assertThat(survey("INC-9").path("answers")).isEmpty();
  }

  @Test
  void emojiArriveFromSlackAsShortcodesAndAreReadAsTyped() {
    // Slack turns ⭐⭐⭐⭐ into ":star::star::star::star:" and 👍🏽 into ":+1::skin-tone-4:"
    startSocketMode();
    closeTicketAndDeliverSurvey("INC-22", DANA, "dana@example.com");
    fake.sendDirectMessage(DANA, ":star::star::star::star:");
    awaitDelivered(() -> answers(survey("INC-22")).containsKey("rating"));
    fake.sendDirectMessage(DANA, ":+1::skin-tone-4:");
    awaitDelivered(() -> answers(survey("INC-22")).containsKey("fixed"));
    assertThat(answers(survey("INC-22")))
        .containsEntry("rating", "4")
        .containsEntry("fixed", "true")
        .doesNotContainKey("comment");
  }

  @Test
  void aTypedReplyThatChangesNothingIsStillAnswered() {
    // "anything else?" was the last thing said; a second rating, then "stop", each get their reply
    startSocketMode();
    closeTicketAndDeliverSurvey("INC-21", DANA, "dana@example.com");
    fake.sendDirectMessage(DANA, "5");
    awaitDelivered(() -> answers(survey("INC-21")).containsKey("rating"));
    fake.sendDirectMessage(DANA, "yes");
    awaitDelivered(() -> lastDm(DANA).contains("anything else"));
    fake.sendDirectMessage(DANA, "4");
    awaitDelivered(() -> lastDm(DANA).contains("You already answered that one"));
    fake.sendDirectMessage(DANA, "please stop");
    awaitDelivered(() -> lastDm(DANA).contains("we won't ask you for feedback again"));
  }

  @Test
  void fullSurveyByTypedText() {
    startSocketMode();
    closeTicketAndDeliverSurvey("INC-2", DANA, "dana@example.com");
    fake.sendDirectMessage(DANA, "2");
    awaitDelivered(() -> lastDm(DANA).contains("What went wrong?"));
    fake.sendDirectMessage(DANA, "👎");
    awaitDelivered(() -> answers(survey("INC-2")).containsKey("fixed"));
    fake.sendDirectMessage(DANA, "printer jams again after two days");
    awaitDelivered(() -> lastDm(DANA).contains("anything else"));
    fake.sendDirectMessage(DANA, "no");
    awaitDelivered(() -> lastDm(DANA).contains("Someone from the IT team will look at this"));

    JsonNode survey = survey("INC-2");
    assertThat(survey.path("state").asText()).isEqualTo("answered");
    assertThat(answers(survey))
        .containsEntry("rating", "2")
        .containsEntry("fixed", "false")
        .containsEntry("comment", "printer jams again after two days");
  }

  @Test
  void anythingElseYesBecomesARequestInTheDigest() {
    startSocketMode();
    MessageRef dm = closeTicketAndDeliverSurvey("INC-17", DANA, "dana@example.com");
    click(DANA, dm, "fixed:yes", "yes");
    awaitDelivered(() -> fake.message(dm).orElseThrow().blocks().toString().contains("Yes, fixed"));
    click(DANA, dm, "rate:5", "5");
    awaitDelivered(() -> lastDm(DANA).contains("anything else"));
    MessageRef anythingElse = lastDmRef(DANA);
    click(DANA, anythingElse, "else:yes", "yes");
    await().atMost(Duration.ofSeconds(10)).until(() -> !fake.openedViews().isEmpty());
    fake.submitView(DANA, "Please contact me about a new laptop");
    awaitDelivered(() -> lastDm(DANA).contains("The IT team will get back to you"));
    // the question shows its answer and offers no second one
    awaitDelivered(
        () -> fake.message(anythingElse).orElseThrow().blocks().toString().contains("Yes, please"));
    assertThat(buttonValues(fake.message(anythingElse).orElseThrow().blocks())).isEmpty();
    assertThat(answers(survey("INC-17")))
        .containsEntry("request", "Please contact me about a new laptop");

    clock.advance(Duration.ofMinutes(5));
    JsonNode posted = read(app.admin("POST", "/admin/digest", null).body());
    assertThat(posted.path("requests").asInt()).isEqualTo(1);
    assertThat(posted.path("newNegatives").asInt()).isZero();
    awaitDelivered(() -> !fake.messages(DIGEST).isEmpty());
    String digest = fake.messages(DIGEST).get(0).blocks().toString();
    assertThat(digest)
        .contains("Requests from")
        .contains("INC-17")
        .contains("Please contact me about a new laptop");
  }

  @Test
  void noThatIsAllTypedAtAnythingElseOpensNoRequest() {
    startSocketMode();
    // typed at "anything else?"
    MessageRef dm = closeTicketAndDeliverSurvey("INC-44", DANA, "dana@example.com");
    click(DANA, dm, "fixed:yes", "yes");
    click(DANA, dm, "rate:5", "5");
    awaitDelivered(() -> lastDm(DANA).contains("anything else"));
    fake.sendDirectMessage(DANA, "No, that is all");
    awaitDelivered(() -> lastDm(DANA).contains("have a good day"));
    assertThat(answers(survey("INC-44"))).doesNotContainKey("request");
    assertThat(incidents("all")).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    JsonNode posted = read(app.admin("POST", "/admin/digest", null).body());
    assertThat(posted.path("requests").asInt()).isZero();
  }

  @Test
  void textTypedWhileAnythingElseIsOnItsWayIsTheCommentNotARequest() {
    startSocketMode();
    MessageRef dm2 = closeTicketAndDeliverSurvey("INC-45", ALEX, "alex@example.com");
    click(ALEX, dm2, "fixed:yes", "yes");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> answers(survey("INC-45")).containsKey("fixed"));
    click(ALEX, dm2, "rate:5", "5");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> answers(survey("INC-45")).containsKey("rating"));
    fake.sendDirectMessage(ALEX, "The technician came to my desk within the hour");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> answers(survey("INC-45")).containsKey("comment"));
    fake.sendDirectMessage(ALEX, "No, that is all");
    awaitDelivered(() -> lastDm(ALEX).contains("have a good day"));
    assertThat(answers(survey("INC-45")))
        .containsEntry("comment", "The technician came to my desk within the hour")
        .doesNotContainKey("request");

    assertThat(incidents("all")).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    JsonNode posted = read(app.admin("POST", "/admin/digest", null).body());
    assertThat(posted.path("requests").asInt()).isZero();
    assertThat(posted.path("newNegatives").asInt()).isZero();
  }

  @Test
  void germanRequesterIsAskedInGermanAndNeinPasstAllesLeavesNothingInTheDigest() {
    fake.locale(DANA, "de-DE"); // the ticket says no language: Slack's users.info does
    startSocketMode(", locale: de");
    MessageRef dm = closeTicketAndDeliverSurvey("INC-40", DANA, "dana@example.com");
    assertThat(fake.lastCall("users.info").param("include_locale")).isIn("1", "true");
    String card = fake.message(dm).orElseThrow().blocks().toString();
    assertThat(card)
        .contains("Hallo Dana!")
        .contains("Ist das Problem gelöst?")
        .contains("👍 Ja, gelöst")
        .contains("Wie zufrieden bist du mit uns?")
        .contains("Nicht mehr fragen")
        .doesNotContain("Did we fix it");

    fake.sendDirectMessage(DANA, "ja");
    awaitDelivered(() -> answers(survey("INC-40")).containsKey("fixed"));
    fake.sendDirectMessage(DANA, "5");
    awaitDelivered(() -> lastDm(DANA).contains("Können wir sonst noch etwas für dich tun?"));
    assertThat(lastDm(DANA)).contains("Ja, bitte").contains("Nein, passt alles");
    fake.sendDirectMessage(DANA, "nein, passt alles");
    awaitDelivered(() -> lastDm(DANA).contains("Danke! Das war's schon"));

    JsonNode survey = survey("INC-40");
    assertThat(answers(survey)).containsOnlyKeys("fixed", "rating");
    assertThat(survey.path("incident").isNull()).isTrue();
    assertThat(incidents("all")).isEmpty();
    assertThat(fake.message(dm).orElseThrow().blocks().toString())
        .contains("Ja, gelöst")
        .contains("5/5")
        .contains("Danke – die Umfrage ist abgeschlossen.");

    clock.advance(Duration.ofMinutes(5));
    JsonNode posted = read(app.admin("POST", "/admin/digest", null).body());
    assertThat(posted.path("newNegatives").asInt()).isZero();
    assertThat(posted.path("requests").asInt()).isZero();
    awaitDelivered(() -> !fake.messages(DIGEST).isEmpty());
    FakeSlack.Message digest = fake.messages(DIGEST).get(0);
    assertThat(digest.blocks().toString())
        .contains("Closeloop-Tagesübersicht")
        .contains("Alles ruhig:")
        .doesNotContain("INC-40");
  }

  @Test
  void japaneseTextTypedWhileAnythingElseIsOnItsWayIsTheCommentNotARequest() {
    startSocketMode(", locale: ja");
    HttpResponse<String> r =
        app.webhook(
            TestApp.closed(
                "INC-41",
                clock.instant(),
                "{\"email\":\"dana@example.com\",\"name\":\"Dana\",\"locale\":\"ja-JP\"}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    app.tick();
    awaitDelivered(() -> !fake.messages(fake.dmChannel(DANA)).isEmpty());
    MessageRef dm = lastDmRef(DANA);
    assertThat(fake.message(dm).orElseThrow().blocks().toString())
        .contains("Danaさん、こんにちは。")
        .contains("問題は解決しましたか？")
        .contains("👍 はい、解決しました");

    fake.sendDirectMessage(DANA, "はい");
    awaitDelivered(() -> answers(survey("INC-41")).containsKey("fixed"));
    // the rating moves the survey on to "anything else?" — and Dana types before that arrives
    fake.sendDirectMessage(DANA, "５");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> answers(survey("INC-41")).containsKey("rating"));
    fake.sendDirectMessage(DANA, "担当の方がとても丁寧でした");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> answers(survey("INC-41")).containsKey("comment"));
    awaitDelivered(() -> dmTexts(DANA).stream().anyMatch(t -> t.contains("ほかに何かお手伝いできることはありますか？")));
    fake.sendDirectMessage(DANA, "いいえ、大丈夫です");
    awaitDelivered(() -> lastDm(DANA).contains("ありがとうございました！以上です。"));

    assertThat(answers(survey("INC-41")))
        .containsEntry("comment", "担当の方がとても丁寧でした")
        .doesNotContainKey("request");
    assertThat(incidents("all")).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    JsonNode posted = read(app.admin("POST", "/admin/digest", null).body());
    assertThat(posted.path("requests").asInt()).isZero();
    assertThat(posted.path("newNegatives").asInt()).isZero();
    awaitDelivered(() -> !fake.messages(DIGEST).isEmpty());
    assertThat(fake.messages(DIGEST).get(0).blocks().toString())
        .contains("問題なし：")
        .doesNotContain("INC-41");

    // after the survey, outside any: Slack's events name no language and users.info none either,
    // so her last ticket's does (before: both in English)
    fake.sendDirectMessage(DANA, "ありがとう"); // thanks alone: a short "you're welcome"
    awaitDelivered(() -> lastDm(DANA).contains("どういたしまして"));
    fake.sendDirectMessage(DANA, "質問があります");
    awaitDelivered(() -> lastDm(DANA).contains("現在回答できるアンケートはありません"));
    fake.channelMembers(DIGEST, "U0ANNA");
    fake.sendSlashCommand(DANA, "stats");
    await().atMost(Duration.ofSeconds(10)).until(() -> !fake.responseUrlPosts().isEmpty());
    assertThat(fake.responseUrlPosts().get(0).path("text").asText()).contains("ITチーム専用");
  }

  @Test
  void commentThroughTellUsMoreModal() {
    startSocketMode();
    MessageRef dm = closeTicketAndDeliverSurvey("INC-3", DANA, "dana@example.com");
    click(DANA, dm, "more", "more");
    await().atMost(Duration.ofSeconds(10)).until(() -> !fake.calls("views.open").isEmpty());
    assertThat(fake.openedViews().get(0).toString()).contains("Tell us more");

    fake.submitView(DANA, "Fast and friendly, thanks!");
    awaitDelivered(
        () ->
            fake.message(dm)
                .orElseThrow()
                .blocks()
                .toString()
                .contains("Fast and friendly, thanks!"));
    assertThat(answers(survey("INC-3"))).containsEntry("comment", "Fast and friendly, thanks!");
  }

  @Test
  void stopOptsOutAndLaterTicketIsSkipped() {
    startSocketMode();
    MessageRef dm = closeTicketAndDeliverSurvey("INC-4", DANA, "dana@example.com");
    fake.sendDirectMessage(DANA, "stop");
    awaitDelivered(() -> lastDm(DANA).contains("we won't ask you for feedback again"));
    // the survey's message, edited through chat.update, no longer offers "Stop asking me"
    awaitDelivered(() -> !buttonValues(fake.message(dm).orElseThrow().blocks()).contains("stop"));
    assertThat(buttonValues(fake.message(dm).orElseThrow().blocks())).contains("4", "more");

    int dmsAfterStop = fake.messages(fake.dmChannel(DANA)).size();

    clock.advance(Duration.ofHours(25)); // the reminder of the open survey would be due now
    app.tick();
    app.deliver();
    assertThat(fake.messages(fake.dmChannel(DANA))).hasSize(dmsAfterStop);

    clock.advance(Duration.ofDays(30)); // past the cooldown: only the opt-out can skip it
    assertThat(app.webhook(TestApp.closed("INC-5", clock.instant(), danaJson())).statusCode())
        .isEqualTo(202);
    app.tick();
    app.deliver();
    JsonNode later = survey("INC-5");
    assertThat(later.path("state").asText()).isEqualTo("skipped");
    assertThat(later.path("reason").asText()).isEqualTo("opted_out");
    assertThat(dmTexts(DANA)).noneMatch(t -> t.contains("INC-5"));
    assertThat(fake.messages(fake.dmChannel(DANA))).hasSize(dmsAfterStop);
  }

  @Test
  void noReminderForASurveyWhoseExpiryHasAlsoPassed() {
    startSocketMode();
    MessageRef dm = closeTicketAndDeliverSurvey("INC-12", DANA, "dana@example.com");
    clock.advance(Duration.ofDays(4)); // down past both reminderAfter and expireAfter
    app.tick();
    awaitDelivered(
        () -> fake.message(dm).orElseThrow().blocks().toString().contains("This survey is closed"));
    assertThat(fake.messages(fake.dmChannel(DANA))).hasSize(1);
    assertThat(survey("INC-12").path("state").asText()).isEqualTo("expired");
  }

  @Test
  void slashCommandOptOutOptInAndStats() {
    startSocketMode();
    fake.sendSlashCommand(DANA, "optout");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fake.responseUrlPosts().stream()
                    .anyMatch(
                        p ->
                            p.path("text")
                                .asText()
                                .contains("we won't ask you for feedback again")));
    assertThat(app.webhook(TestApp.closed("INC-15", clock.instant(), danaJson())).statusCode())
        .isEqualTo(202);
    app.tick();
    assertThat(survey("INC-15").path("reason").asText()).isEqualTo("opted_out");

    fake.sendSlashCommand(DANA, "optin");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fake.responseUrlPosts().stream()
                    .anyMatch(p -> p.path("text").asText().contains("Welcome back")));
    clock.advance(Duration.ofMinutes(1));
    MessageRef dm = closeTicketAndDeliverSurvey("INC-16", DANA, "dana@example.com");
    click(DANA, dm, "rate:4", "4");
    awaitDelivered(() -> answers(survey("INC-16")).containsKey("rating"));

    // team figures are for the team: Dana, who is not in the digest channel, is told so
    fake.channelMembers(DIGEST, "U0ANNA", "U0BEN", ALEX);
    fake.sendSlashCommand(DANA, "stats");
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.responseUrlPosts().size() >= 3);
    assertThat(fake.responseUrlPosts().get(2).path("text").asText())
        .contains("for the IT team")
        .doesNotContainIgnoringCase("CSAT");
    // Alex is in the digest channel (on its second page of members)
    fake.sendSlashCommand(ALEX, "stats");
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.responseUrlPosts().size() >= 4);
    JsonNode stats = fake.responseUrlPosts().get(3);
    assertThat(stats.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(stats.path("text").asText())
        .containsIgnoringCase("CSAT")
        .containsIgnoringCase("response rate");
    assertThat(fake.messages(fake.dmChannel(DANA))).hasSize(1); // nothing posted in the open
  }

  @Test
  void unknownEmailIsSkippedAsUnknownUser() {
    startSocketMode();
    assertThat(
            app.webhook(
                    TestApp.closed(
                        "INC-6",
                        clock.instant(),
                        "{\"email\":\"nobody@example.com\",\"name\":\"Nobody\"}"))
                .statusCode())
        .isEqualTo(202);
    app.tick();
    app.deliver();
    clock.advance(Duration.ofMinutes(1));
    app.tick();
    app.deliver();
    JsonNode survey = survey("INC-6");
    assertThat(survey.path("state").asText()).isEqualTo("skipped");
    assertThat(survey.path("reason").asText()).isEqualTo("unknown_user");
    assertThat(fake.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void rateLimitedPostIsRetriedAfterRetryAfterAndDeliveredOnce() {
    startSocketMode();
    fake.rateLimit("chat.postMessage", 1, 30);
    assertThat(app.webhook(TestApp.closed("INC-7", clock.instant(), danaJson())).statusCode())
        .isEqualTo(202);
    app.tick();
    app.deliver();
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    assertThat(fake.messages(fake.dmChannel(DANA))).isEmpty();

    JsonNode row = pendingOutbox().get(0);
    Instant next = Instant.parse(row.path("nextAttemptAt").asText());
    assertThat(Duration.between(clock.instant(), next))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(30));

    clock.advance(Duration.ofSeconds(29));
    app.deliver();
    assertThat(fake.calls("chat.postMessage")).hasSize(1); // still waiting: no retry storm

    clock.set(next);
    app.deliver();
    app.deliver();
    assertThat(fake.calls("chat.postMessage")).hasSize(2);
    assertThat(fake.messages(fake.dmChannel(DANA))).hasSize(1);
    assertThat(pendingOutbox()).isEmpty();
    assertThat(survey("INC-7").path("state").asText()).isEqualTo("sent");
  }

  @Test
  void digestWithSixtyNegativesIsSplitWithinBlockKitLimits() {
    startSocketMode();
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = String.format("U1%03d", i);
      fake.user(id, "p" + i + "@example.com", "Person " + i, "UTC");
      users.add(id);
    }
    for (int batch = 0;
        batch < 6;
        batch++) { // ten at a time: the workspace-wide pace allows ten at once
      List<Integer> statuses =
          IntStream.range(batch * 10, batch * 10 + 10)
              .parallel()
              .mapToObj(
                  i ->
                      app.webhook(
                              TestApp.closed(
                                  String.format("INC-9%03d", i),
                                  clock.instant(),
                                  "{\"email\":\"p"
                                      + i
                                      + "@example.com\",\"name\":\"Person "
                                      + i
                                      + "\"}"))
                          .statusCode())
              .toList();
      assertThat(statuses).containsOnly(202);
      app.tick();
      app.deliver();
      clock.advance(Duration.ofSeconds(1));
    }
    awaitDelivered(() -> users.stream().allMatch(u -> !fake.messages(fake.dmChannel(u)).isEmpty()));
    String why =
        " — the printer on floor 3 still jams after every second page, and nobody told me the"
            + " ticket was closed. ".repeat(4);
    for (int i = 0; i < 60; i++) {
      // a score with its comment in one message: no follow-up question, so little else is queued
      fake.sendDirectMessage(users.get(i), "1" + why + "#" + i);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> incidents("open").size() == 60);
    clock.advance(Duration.ofMinutes(5));

    HttpResponse<String> posted = app.admin("POST", "/admin/digest", null);
    assertThat(posted.statusCode()).isEqualTo(200);
    JsonNode target = read(posted.body()).path("posted").get(0);
    assertThat(target.path("entries").asInt()).isEqualTo(60);
    int expected = target.path("messages").asInt();
    assertThat(expected).isGreaterThan(1);
    awaitDelivered(() -> fake.messages(DIGEST).size() == expected);

    List<FakeSlack.Message> pages = fake.messages(DIGEST);
    StringBuilder all = new StringBuilder();
    for (FakeSlack.Message page : pages) {
      assertThat(page.blocks().size()).isLessThanOrEqualTo(50);
      for (JsonNode b : page.blocks()) {
        if (b.path("type").asText().equals("section")) {
          assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
        }
      }
      all.append(page.blocks().toString());
    }
    for (int i = 0; i < 60; i++) {
      String ticket = String.format("INC-9%03d", i);
      assertThat(occurrences(all.toString(), "/t/" + ticket + "|")).as(ticket).isEqualTo(1);
    }
  }

  @Test
  void mentionsInACommentAreEscapedInTheSurveyUpdateAndTheDigest() {
    startSocketMode();
    String nasty = "<!channel> <@U123> & <b>";
    MessageRef dm = closeTicketAndDeliverSurvey("INC-10", DANA, "dana@example.com");
    click(DANA, dm, "rate:1", "1");
    awaitDelivered(() -> lastDm(DANA).contains("What went wrong?"));
    // as Slack's own markup (a real mention, @channel picked from the list) it is what was typed
    fake.sendDirectMessage(DANA, "<!channel> <@U123|alex> &amp; &lt;b&gt;");
    awaitDelivered(
        () -> fake.message(dm).orElseThrow().blocks().toString().contains("Your comment"));
    String escaped = "&lt;!channel&gt; &lt;@U123&gt; &amp; &lt;b&gt;";
    String survey = fake.message(dm).orElseThrow().blocks().toString();
    assertThat(survey)
        .contains("@channel @alex &amp; &lt;b&gt;")
        .doesNotContain("<!channel>")
        .doesNotContain("<@U123");
    assertThat(answers(survey("INC-10"))).containsEntry("comment", "@channel @alex & <b>");

    // typed literally, the same text reaches the app the way Slack sends it: already escaped
    fake.user("U0ERIN", "erin@example.com", "Erin", "UTC");
    MessageRef erinDm = closeTicketAndDeliverSurvey("INC-18", "U0ERIN", "erin@example.com");
    click("U0ERIN", erinDm, "rate:1", "1");
    awaitDelivered(() -> lastDm("U0ERIN").contains("What went wrong?"));
    fake.sendDirectMessage("U0ERIN", escaped);
    awaitDelivered(
        () -> fake.message(erinDm).orElseThrow().blocks().toString().contains("Your comment"));
    assertThat(answers(survey("INC-18"))).containsEntry("comment", nasty);
    assertThat(fake.message(erinDm).orElseThrow().blocks().toString())
        .contains(escaped)
        .doesNotContain("&amp;lt;");

    clock.advance(Duration.ofMinutes(5));
    assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
    awaitDelivered(() -> !fake.messages(DIGEST).isEmpty());
    String digest =
        fake.messages(DIGEST).get(0).blocks().toString() + fake.messages(DIGEST).get(0).text();
    assertThat(occurrences(digest, escaped)).isEqualTo(1);
    assertThat(occurrences(digest, "@channel @alex &amp; &lt;b&gt;")).isEqualTo(1);
    assertThat(digest)
        .contains(escaped)
        .doesNotContain("<!channel>")
        .doesNotContain("<@U123>")
        .doesNotContain("<b>");
  }

  @Test
  void incidentLoopFromDigestToFollowUp() {
    startSocketMode();
    MessageRef dm = closeTicketAndDeliverSurvey("INC-11", DANA, "dana@example.com");
    click(DANA, dm, "rate:1", "1");
    awaitDelivered(() -> lastDm(DANA).contains("What went wrong?"));
    fake.sendDirectMessage(DANA, "Still cannot connect from home");
    // the score alone makes the incident: wait for the comment too, or the digest can be built
    // before the typed line is handled (it failed so on a busy machine)
    awaitDelivered(
        () ->
            incidents("open").size() == 1
                && incidents("open").get(0).path("comment").asText("").contains("Still cannot"));

    clock.advance(Duration.ofMinutes(5));
    assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
    awaitDelivered(() -> !fake.messages(DIGEST).isEmpty());
    FakeSlack.Message digest = fake.messages(DIGEST).get(0);
    assertThat(digest.blocks().toString())
        .contains("INC-11")
        .contains("Still cannot connect from home");
    MessageRef digestRef = new MessageRef(DIGEST, digest.ts());
    String own = actionIdEndingWith(digest.blocks(), ":own");
    String done = actionIdEndingWith(digest.blocks(), ":done");

    fake.channelMembers(DIGEST, "U0ANNA", ALEX);
    fake.sendBlockAction(ALEX, digestRef, own, "own");
    // shown by the name Slack shows them by (users.info), not by the handle or id in the click
    awaitDelivered(() -> "Alex Kim".equals(incidents("open").get(0).path("owner").asText(null)));
    awaitDelivered(
        () ->
            fake.message(digestRef).orElseThrow().blocks().toString().contains("Owner: Alex Kim"));
    assertThat(fake.message(digestRef).orElseThrow().blocks().toString())
        .doesNotContain("alex.kim")
        .doesNotContainIgnoringCase("u0alex");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fake.responseUrlPosts().stream()
                    .anyMatch(p -> p.path("text").asText().contains("You own INC-11")));

    fake.sendBlockAction(ALEX, digestRef, done, "done");
    await().atMost(Duration.ofSeconds(10)).until(() -> !fake.openedViews().isEmpty());
    fake.submitView(ALEX, "Called Dana, replaced the router");
    awaitDelivered(() -> dmTexts(DANA).stream().anyMatch(t -> t.contains("followed up")));
    assertThat(lastDm(DANA)).contains("INC-11").contains("VPN drops every hour");

    JsonNode incident = incidents("all").get(0);
    assertThat(incident.path("owner").asText()).isEqualTo("Alex Kim");
    assertThat(incident.path("followedUpBy").asText()).isEqualTo("Alex Kim"); // as the owner
    awaitDelivered(
        () ->
            fake.message(digestRef)
                .orElseThrow()
                .blocks()
                .toString()
                .contains("Followed up by Alex Kim"));
    assertThat(incident.path("followedUpAt").isNull()).isFalse();
    assertThat(incident.path("note").asText()).isEqualTo("Called Dana, replaced the router");
    assertThat(incidents("open")).isEmpty();

    clock.advance(Duration.ofHours(1));
    assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
    awaitDelivered(() -> fake.messages(DIGEST).size() >= 2);
    FakeSlack.Message next = fake.messages(DIGEST).get(fake.messages(DIGEST).size() - 1);
    assertThat(next.blocks().toString() + next.text()).doesNotContain("INC-11");
  }

  /**
   * The digest's buttons act on incidents for the IT team only: in a public digest channel anyone
   * in the workspace could open it and take ownership of an incident or follow it up (a note to the
   * helpdesk and a DM to the requester in their name). Someone who is not a member of the digest
   * channel is told so and nothing changes; the follow-up's dialog does not open, and its
   * submission changes nothing either.
   */
  @Test
  void withAUsergroupSomeoneOffTheTeamCannotOwnOrFollowUpAnIncident() {
    app =
        TestApp.start(
            dir,
            """
        slack: { botToken: "%s", appToken: "%s", apiUrl: "%s" }
        survey: { delay: PT0S, quietHours: "", weekends: true }
        digest: { slackChannel: %s }
        stats: { slackUsergroup: S0ITTEAM }
        """
                .formatted(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN, fake.apiUrl(), DIGEST),
            clock);
    fake.usergroup("S0ITTEAM", ALEX);
    fake.user("U0EVE", "eve@example.com", "Eve", "Europe/Berlin");
    fake.channelMembers(DIGEST, "U0ANNA");
    MessageRef dm = closeTicketAndDeliverSurvey("INC-12", DANA, "dana@example.com");
    click(DANA, dm, "rate:1", "1");
    awaitDelivered(() -> lastDm(DANA).contains("What went wrong?"));
    fake.sendDirectMessage(DANA, "Printer still jams");
    awaitDelivered(() -> incidents("open").size() == 1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
    awaitDelivered(() -> !fake.messages(DIGEST).isEmpty());
    FakeSlack.Message digest = fake.messages(DIGEST).get(0);
    MessageRef digestRef = new MessageRef(DIGEST, digest.ts());
    String own = actionIdEndingWith(digest.blocks(), ":own");
    String done = actionIdEndingWith(digest.blocks(), ":done");

    fake.sendBlockAction("U0EVE", digestRef, own, "own");
    fake.sendBlockAction("U0EVE", digestRef, done, "done");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fake.responseUrlPosts().stream()
                        .filter(p -> p.path("text").asText().contains("only the IT team"))
                        .count()
                    == 2);
    // the note's dialog, as if opened: its submission changes nothing either
    ObjectNode view = JSON.createObjectNode();
    view.put("type", "view_submission");
    view.putObject("team").put("id", FakeSlack.TEAM_ID);
    view.putObject("user")
        .put("id", "U0EVE")
        .put("username", "eve")
        .put("team_id", FakeSlack.TEAM_ID);
    view.put("api_app_id", FakeSlack.APP_ID);
    view.put("trigger_id", "trigger-eve");
    ObjectNode v = view.putObject("view");
    v.put("id", "V0EVE");
    v.put("type", "modal");
    v.put("callback_id", "closeloop_modal");
    v.put(
        "private_metadata",
        "{\"id\":\"" + own.replace(":own", ":note") + "\",\"channel\":\"" + DIGEST + "\"}");
    v.putObject("state").putObject("values");
    String submitted = fake.sendEnvelope("interactive", view);
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.acked(submitted));
    awaitDelivered(() -> pendingOutbox().isEmpty());

    assertThat(fake.openedViews()).isEmpty();
    JsonNode incident = incidents("open").get(0);
    assertThat(incident.path("owner").isNull()).isTrue();
    assertThat(incident.path("followedUpBy").isNull()).isTrue();
    assertThat(dmTexts(DANA)).noneMatch(t -> t.contains("followed up"));

    fake.sendBlockAction(ALEX, digestRef, own, "own");
    awaitDelivered(() -> "Alex Kim".equals(incidents("open").get(0).path("owner").asText(null)));
  }

  /**
   * With no usergroup named, whoever Slack shows the digest channel to is the team: a click on the
   * entry in that channel is taken as it comes (no member list asked: an owner's click must not
   * hang on it); the same entry's button clicked from anywhere else (a copy of the message) is
   * asked of the channel's members and refused for someone not among them.
   */
  @Test
  void withoutAUsergroupAClickInTheDigestChannelActsAndOneFromElsewhereIsChecked() {
    startSocketMode();
    fake.user("U0EVE", "eve@example.com", "Eve", "Europe/Berlin");
    fake.channelMembers(DIGEST, "U0ANNA"); // Alex is not on the list Slack would give
    MessageRef dm = closeTicketAndDeliverSurvey("INC-13", DANA, "dana@example.com");
    click(DANA, dm, "rate:1", "1");
    awaitDelivered(() -> lastDm(DANA).contains("What went wrong?"));
    clock.advance(Duration.ofMinutes(5));
    assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
    awaitDelivered(() -> !fake.messages(DIGEST).isEmpty());
    FakeSlack.Message digest = fake.messages(DIGEST).get(0);
    String own = actionIdEndingWith(digest.blocks(), ":own");

    fake.sendBlockAction("U0EVE", new MessageRef("C0ELSEWHERE", digest.ts()), own, "own");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fake.responseUrlPosts().stream()
                    .anyMatch(p -> p.path("text").asText().contains("only the IT team")));
    assertThat(incidents("open").get(0).path("owner").isNull()).isTrue();

    fake.sendBlockAction(ALEX, new MessageRef(DIGEST, digest.ts()), own, "own");
    awaitDelivered(() -> "Alex Kim".equals(incidents("open").get(0).path("owner").asText(null)));
  }

  @Test
  void weeklySummaryUploadsADecodablePng() throws IOException {
    startSocketMode();
    HttpResponse<String> r = app.admin("POST", "/admin/weekly", null);
    assertThat(r.statusCode()).isEqualTo(200);
    awaitDelivered(() -> !fake.calls("files.completeUploadExternal").isEmpty());
    assertThat(fake.calls("files.getUploadURLExternal")).isNotEmpty();
    Map<String, byte[]> uploads = fake.uploads();
    assertThat(uploads).hasSize(1);
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(uploads.values().iterator().next()));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isGreaterThan(0);
    assertThat(fake.lastCall("files.completeUploadExternal").param("channel_id")).isEqualTo(DIGEST);
    assertThat(fake.messages(DIGEST)).anyMatch(m -> m.files() != null);
  }

  @Test
  void droppedSocketLosesNoEnvelopeAndHandlesNoneTwice() {
    startSocketMode();
    MessageRef dm = closeTicketAndDeliverSurvey("INC-14", DANA, "dana@example.com");

    fake.dropAcks(true); // handled, but the ack is lost: Slack will deliver it again
    String click =
        fake.sendBlockAction(
            DANA,
            dm,
            actionIdEndingWith(fake.message(dm).orElseThrow().blocks(), ":fixed:no"),
            "no");
    awaitDelivered(() -> lastDm(DANA).contains("What went wrong?"));
    fake.dropAcks(false);
    int opened = fake.connectionsOpened();
    fake.dropSocket();
    String typed = fake.sendDirectMessage(DANA, "2"); // sent while the socket is down
    await().atMost(Duration.ofSeconds(20)).until(() -> fake.acked(click) && fake.acked(typed));
    assertThat(fake.connectionsOpened()).isGreaterThan(opened);
    assertThat(fake.deliveries(click)).isGreaterThanOrEqualTo(2);

    fake.sendDirectMessage(DANA, "It keeps dropping"); // handled after both, in order
    awaitDelivered(() -> lastDm(DANA).contains("anything else"));
    JsonNode survey = survey("INC-14");
    assertThat(survey.path("answers").findValuesAsText("kind"))
        .containsExactlyInAnyOrder("fixed", "rating", "comment");
    assertThat(answers(survey)).containsEntry("fixed", "false").containsEntry("rating", "2");
    assertThat(dmTexts(DANA)).noneMatch(t -> t.contains("already answered"));
    assertThat(fake.responseUrlPosts())
        .noneMatch(p -> p.path("text").asText().contains("already answered"));
  }

  @Test
  void httpModeVerifiesSignaturesAndHandlesARetriedDeliveryOnce() {
    app =
        TestApp.start(
            dir,
            """
        slack: { botToken: "%s", signingSecret: "%s", apiUrl: "%s" }
        survey: { delay: PT0S, quietHours: "", weekends: true }
        digest: { slackChannel: %s }
        """
                .formatted(FakeSlack.BOT_TOKEN, SIGNING_SECRET, fake.apiUrl(), DIGEST),
            clock);
    MessageRef dm = closeTicketAndDeliverSurvey("INC-13", DANA, "dana@example.com");

    String rating = fake.eventCallbackBody(DANA, "2", "EvHTTP1");
    assertThat(slackEvents(rating, "application/json", SIGNING_SECRET, null).statusCode())
        .isEqualTo(200);
    awaitDelivered(() -> lastDm(DANA).contains("What went wrong?"));

    String forged = fake.eventCallbackBody(DANA, "stop", "EvHTTP2");
    assertThat(slackEvents(forged, "application/json", "not-the-secret", null).statusCode())
        .isEqualTo(401);

    HttpResponse<String> retry = slackEvents(rating, "application/json", SIGNING_SECRET, "1");
    assertThat(retry.statusCode()).isEqualTo(200);

    String click =
        FakeSlack.interactiveBody(
            fake.blockActionPayload(
                DANA,
                dm,
                actionIdEndingWith(fake.message(dm).orElseThrow().blocks(), ":fixed:no"),
                "no"));
    assertThat(
            slackEvents(click, "application/x-www-form-urlencoded", SIGNING_SECRET, null)
                .statusCode())
        .isEqualTo(200);
    String comment = fake.eventCallbackBody(DANA, "The VPN dropped twice today", "EvHTTP3");
    assertThat(slackEvents(comment, "application/json", SIGNING_SECRET, null).statusCode())
        .isEqualTo(200);
    awaitDelivered(() -> lastDm(DANA).contains("anything else"));

    // events are handled in order: had the retry or the forged "stop" been handled, it would show
    // by now
    assertThat(dmTexts(DANA))
        .noneMatch(t -> t.contains("already answered") || t.contains("won't ask you"));
    JsonNode survey = survey("INC-13");
    assertThat(survey.path("answers").findValuesAsText("kind"))
        .containsExactlyInAnyOrder("rating", "fixed", "comment");
    assertThat(answers(survey))
        .containsEntry("rating", "2")
        .containsEntry("fixed", "false")
        .containsEntry("comment", "The VPN dropped twice today");
  }

  HttpResponse<String> slackEvents(
      String body, String contentType, String secret, String retryNum) {
    long ts =
        System.currentTimeMillis() / 1000; // Bolt checks the 5-minute window on the wall clock
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(app.url("/slack/events")))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", Long.toString(ts))
            .header("X-Slack-Signature", FakeSlack.sign(secret, ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (retryNum != null) {
      b.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
    }
    return app.send(b.build());
  }

  // ------------------------------------------------------------------ floods
  // A person (or a script with their account) typing the same line again and again, or hundreds
  // of lines a minute: a reply that changes nothing ("no survey is open", "you already answered
  // that one") is queued Conversations.REPEATS times a REPEAT_WINDOW, not once per line. Before, 30
  // lines
  // got 30 identical replies, each an outbox row and a chat.postMessage.

  /**
   * 30 lines typed within a second into an open survey: before, each was read (a few queries) and
   * added to the comment. Now the first {@link LineLimit#BURST} are read, the rest are dropped
   * unread and counted in /metrics, and the person is told once, in their language.
   */
  @Test
  void aFloodOfTypedLinesIsReadUpToTheLimitTheRestDroppedUnreadWithOneNotice() {
    startSocketMode();
    closeTicketAndDeliverSurvey("INC-41", DANA, "dana@example.com");
    fake.sendDirectMessage(DANA, "2");
    awaitDelivered(() -> lastDm(DANA).contains("What went wrong?"));
    clock.advance(Duration.ofMinutes(1));

    for (int i = 1; i <= 30; i++) {
      fake.sendDirectMessage(DANA, "it dropped again " + word(i));
    }

    awaitDropped(30 - LineLimit.BURST); // the clock held: one run of 30 lines
    String comment = answers(survey("INC-41")).get("comment");
    for (int i = 1; i <= 30; i++) {
      if (i <= LineLimit.BURST) { // the first line answered "what went wrong?", nine more added
        assertThat(comment).contains(word(i));
      } else {
        assertThat(comment).doesNotContain(word(i));
      }
    }
    awaitDelivered(() -> lastDm(DANA).contains("one at a time"));
    assertThat(count(dmTexts(DANA), "one at a time")).isEqualTo(1);
    assertThat(pendingOutbox()).isEmpty();
  }

  /** A word of its own for line {@code i} of a flood: zqab, zqac, … */
  static String word(int i) {
    return "zq" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
  }

  /** Waits, the clock held, until the per-person limit has dropped {@code n} Slack lines. */
  void awaitDropped(long n) {
    await().atMost(Duration.ofSeconds(20)).until(() -> app.droppedLines("slack"), d -> d == n);
  }

  @Test
  void slackLinesWithNoSurveyOpenGetOneReplyPerWindowNotOneEach() {
    startSocketMode();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> app.app.platforms().get(PlatformId.SLACK).connected());
    for (int i = 0; i < 30; i++) {
      fake.sendDirectMessage(DANA, "hello? anyone there?");
    }
    awaitDropped(30 - LineLimit.BURST); // the clock held: the burst is read, the rest dropped
    clock.advance(Duration.ofMinutes(1));
    // a different line after the flood: its reply shows that every line before it was handled
    fake.sendDirectMessage(DANA, "thanks");
    awaitDelivered(() -> lastDm(DANA).contains("welcome"));
    assertThat(count(dmTexts(DANA), "There is no open survey right now"))
        .isEqualTo(Conversations.REPEATS);
    assertThat(pendingOutbox()).isEmpty();

    // after the window the same line is answered again
    clock.advance(Conversations.REPEAT_WINDOW);
    fake.sendDirectMessage(DANA, "hello? anyone there?");
    awaitDelivered(
        () ->
            count(dmTexts(DANA), "There is no open survey right now") == Conversations.REPEATS + 1);
  }

  @Test
  void slackLinesThatChangeNothingInAnOpenSurveyGetOneReplyNotOneEach() {
    startSocketMode();
    closeTicketAndDeliverSurvey("INC-30", DANA, "dana@example.com");
    fake.sendDirectMessage(DANA, "5");
    awaitDelivered(() -> answers(survey("INC-30")).containsKey("rating"));
    fake.sendDirectMessage(DANA, "yes");
    awaitDelivered(() -> lastDm(DANA).contains("anything else"));
    clock.advance(Duration.ofMinutes(1)); // the limit's burst whole again
    long dropped = app.droppedLines("slack");
    for (int i = 0; i < 30; i++) {
      fake.sendDirectMessage(DANA, "4");
    }
    awaitDropped(dropped + 30 - LineLimit.BURST);
    clock.advance(Duration.ofMinutes(1));
    fake.sendDirectMessage(DANA, "please stop");
    awaitDelivered(() -> lastDm(DANA).contains("we won't ask you for feedback again"));
    assertThat(count(dmTexts(DANA), "You already answered that one"))
        .isEqualTo(Conversations.REPEATS);
    assertThat(answers(survey("INC-30"))).containsEntry("rating", "5");
  }

  @Test
  void stopAndOptInEachConfirmedEvenWhenTypedAgainWithinTheWindow() {
    // these change something each time, so each is confirmed, however often it alternates
    startSocketMode();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> app.app.platforms().get(PlatformId.SLACK).connected());
    fake.sendDirectMessage(DANA, "stop");
    awaitDelivered(() -> count(dmTexts(DANA), "won't ask you") == 1);
    fake.sendDirectMessage(DANA, "optin");
    awaitDelivered(() -> dmTexts(DANA).size() == 2);
    fake.sendDirectMessage(DANA, "stop");
    awaitDelivered(() -> count(dmTexts(DANA), "won't ask you") == 2);
    // a stop that changes nothing more is a reply that changes nothing: REPEATS a window
    clock.advance(Duration.ofMinutes(1)); // within the per-person limit: every line is read
    for (int i = 0; i < LineLimit.BURST - 1; i++) {
      fake.sendDirectMessage(DANA, "stop");
    }
    fake.sendDirectMessage(DANA, "thanks");
    awaitDelivered(() -> lastDm(DANA).contains("welcome"));
    assertThat(count(dmTexts(DANA), "won't ask you")).isEqualTo(2 + Conversations.REPEATS);
  }

  static long count(List<String> texts, String part) {
    return texts.stream().filter(t -> t.contains(part)).count();
  }

  // ------------------------------------------------------------------ helpers

  MessageRef closeTicketAndDeliverSurvey(String ticket, String userId, String email) {
    HttpResponse<String> r =
        app.webhook(
            TestApp.closed(
                ticket, clock.instant(), "{\"email\":\"" + email + "\",\"name\":\"Dana\"}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    app.tick();
    awaitDelivered(() -> !fake.messages(fake.dmChannel(userId)).isEmpty());
    List<FakeSlack.Message> msgs = fake.messages(fake.dmChannel(userId));
    FakeSlack.Message m = msgs.get(msgs.size() - 1);
    assertThat(survey(ticket).path("state").asText()).isEqualTo("sent");
    return new MessageRef(m.channel(), m.ts());
  }

  static String danaJson() {
    return "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}";
  }

  /** Clicks the button of {@code message} whose action id ends with {@code what}. */
  void click(String userId, MessageRef message, String what, String value) {
    JsonNode blocks = fake.message(message).orElseThrow().blocks();
    fake.sendBlockAction(userId, message, actionIdEndingWith(blocks, ":" + what), value);
  }

  static String actionIdEndingWith(JsonNode blocks, String suffix) {
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

  static List<String> buttonValues(JsonNode blocks) {
    List<String> out = new ArrayList<>();
    for (JsonNode b : blocks) {
      for (JsonNode el : b.path("elements")) {
        if (el.path("type").asText().equals("button")) {
          out.add(el.path("value").asText());
        }
      }
    }
    return out;
  }

  /** Moves time on a little and sends what is due until {@code condition} holds. */
  void awaitDelivered(Callable<Boolean> condition) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(
            () -> {
              clock.advance(Duration.ofSeconds(2));
              app.deliver();
              return condition.call();
            });
  }

  List<String> dmTexts(String userId) {
    return fake.messages(fake.dmChannel(userId)).stream()
        .map(m -> m.text() + " " + (m.blocks() == null ? "" : m.blocks().toString()))
        .toList();
  }

  String lastDm(String userId) {
    List<String> all = dmTexts(userId);
    return all.isEmpty() ? "" : all.get(all.size() - 1);
  }

  MessageRef lastDmRef(String userId) {
    List<FakeSlack.Message> msgs = fake.messages(fake.dmChannel(userId));
    FakeSlack.Message m = msgs.get(msgs.size() - 1);
    return new MessageRef(m.channel(), m.ts());
  }

  JsonNode survey(String ticket) {
    HttpResponse<String> r = app.admin("GET", "/admin/surveys?ticket=" + ticket, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return read(r.body()).path("surveys").get(0);
  }

  static Map<String, String> answers(JsonNode survey) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (JsonNode a : survey.path("answers")) {
      out.putIfAbsent(a.path("kind").asText(), a.path("value").asText());
    }
    return out;
  }

  List<JsonNode> incidents(String state) {
    HttpResponse<String> r = app.admin("GET", "/admin/incidents?state=" + state, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    read(r.body()).path("incidents").forEach(out::add);
    return out;
  }

  List<JsonNode> pendingOutbox() {
    HttpResponse<String> r = app.admin("GET", "/admin/outbox?state=pending", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = read(r.body());
    JsonNode rows = body.isArray() ? body : body.path("outbox");
    List<JsonNode> out = new ArrayList<>();
    rows.forEach(out::add);
    return out;
  }

  static int occurrences(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(json, e);
    }
  }
}
