package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a requester is told in the survey and after it ended, through the sandbox's chat
 * (synchronous: each typed line is handled before the call returns, and the outbox is delivered by
 * the test).
 */
class SandboxAfterTheSurveyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DANA = "dana@example.com";

  @TempDir java.nio.file.Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
  TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theSandboxReadsEveryLineItIsGivenWithoutThePerPersonLimit() throws Exception {
    // the sandbox answers only on loopback or with the admin token, and demo tickets skip the
    // cooldown, so a script (or a test suite) answers survey after survey as one person there:
    // the per-person limit, meant for floods through Slack and Discord, dropped those lines
    openSurvey("DEMO-F0", "en");
    int surveys = dev.closeloop.chat.LineLimit.BURST + 5;
    for (int i = 1; i <= surveys; i++) {
      post("/sandbox/api/tickets", "{\"id\":\"DEMO-F" + i + "\",\"email\":\"" + DANA + "\"}");
      app.tick();
      app.deliver();
      typeWithoutDelivering(String.valueOf(1 + i % 5));
    }
    app.tick();
    app.deliver();
    assertThat(app.droppedLines("sandbox")).isZero();
    for (int i = 1; i <= surveys; i++) {
      var body =
          app.admin("GET", "/admin/surveys?ticket=DEMO-F" + i + "&source=sandbox", null).body();
      assertThat(body)
          .as("DEMO-F" + i)
          .contains("\"kind\":\"rating\",\"value\":" + (1 + i % 5) + ",");
    }
  }

  @Test
  void thanksAfterTheGoodbyeIsAnsweredBrieflyNotWithNoOpenSurvey() throws Exception {
    openSurvey("DEMO-7", "de");
    type("5");
    type("ja");
    type("nein danke");
    assertThat(last()).contains("Das war's schon");
    int afterGoodbye = sent().size();

    type("Danke!"); // a thank-you for the goodbye: a short polite answer, in their language
    assertThat(sent()).hasSize(afterGoodbye + 1);
    assertThat(last()).isEqualTo("Gern geschehen!");

    type("hallo?"); // anything else still hears that no survey is open
    assertThat(sent()).hasSize(afterGoodbye + 2);
    assertThat(last()).contains("Gerade läuft keine Umfrage");
  }

  @Test
  void thanksWithMoreWordsGetYoureWelcomeAndAGoodbyeGetsAGoodbye() throws Exception {
    openSurvey("DEMO-12", "fr");
    type("oui c bon merci");
    type("5");
    type("non c'est tout");
    int afterGoodbye = sent().size();

    type("merci à vous"); // thanks to someone: "you're welcome", not "no survey is open"
    assertThat(sent()).hasSize(afterGoodbye + 1);
    assertThat(last()).isEqualTo("Avec plaisir !");

    type("bisous, à+"); // a goodbye with no thanks in it: a goodbye back, not "you're welcome"
    assertThat(sent()).hasSize(afterGoodbye + 2);
    assertThat(last()).isEqualTo("Bonne continuation !");
  }

  @Test
  void aGoodbyeAfterTheSurveyIsAnsweredWithAGoodbyeInTheirLanguage() throws Exception {
    openSurvey("DEMO-13", "pt");
    type("sim");
    type("4");
    type("não, só isso");
    type("valeu demais!");
    assertThat(last()).isEqualTo("De nada!");
    type("falou, tchau");
    assertThat(last()).isEqualTo("Até mais!");
  }

  @Test
  void thanksAfterStopIsAnsweredAsThanksNotStoredAsTheComment() throws Exception {
    openSurvey("DEMO-14", "en");
    type("please stop sending me these");
    assertThat(last()).startsWith("Done — we won't ask you for feedback again.");
    type("thanks"); // to "Done": not feedback on the ticket
    assertThat(last()).isEqualTo("You're welcome!");
    assertThat(answersOf("DEMO-14")).isEmpty();
  }

  @Test
  void aLowScoreThenNotFixedSaysSorryOnce() throws Exception {
    openSurvey("DEMO-15", "en");
    type("1");
    assertThat(last()).startsWith("Sorry about that. What went wrong?");
    type("not fixed");
    assertThat(last()).startsWith("Shall I reopen DEMO-15");
    assertThat(sent()).filteredOn(m -> m.contains("Sorry")).hasSize(1);
  }

  @Test
  void notFixedTypedAfterARatingWithAReasonIsNotTakenForNoMoreHelp() throws Exception {
    openSurvey("DEMO-16", "ja");
    type("星2つ。対応が遅かったです"); // rated, with the reason: "anything else?" comes next
    assertThat(last()).contains("ほかに何かお手伝いできることはありますか");
    type("いいえ、まだ直ってません"); // "no, still not fixed": the fixed question, not a goodbye
    assertThat(last()).contains("DEMO-16").contains("再オープン");
    assertThat(answersOf("DEMO-16")).contains("false");
  }

  @Test
  void aRequestTakenBackAfterAFillerFilesNothing() throws Exception {
    openSurvey("DEMO-17", "en");
    type("yes thanks 5/5");
    type("yes");
    type("hmm actually nvm");
    assertThat(last()).isEqualTo("Thanks! That's all — have a good day.");
    assertThat(answersOf("DEMO-17")).containsExactly("true", "5");
  }

  @Test
  void aLineTypedWhileTheFirstSurveyIsOnItsWayIsAnsweredInTheSurveysLanguage() throws Exception {
    app = TestApp.start(dir, "survey: { delay: PT0S, quietHours: \"\", weekends: true }", clock);
    post(
        "/sandbox/api/tickets", "{\"id\":\"DEMO-8\",\"email\":\"" + DANA + "\",\"locale\":\"de\"}");
    // the survey DM is queued, not yet delivered: the person types first
    typeWithoutDelivering("hallo?");
    app.deliver();
    assertThat(sent()).anySatisfy(m -> assertThat(m).contains("Gerade läuft keine Umfrage"));
  }

  /**
   * A tap on the survey's message before Closeloop recorded it as sent (the platform showed it, the
   * sender had not yet confirmed it, or a dead-lettered DM was retried) was told "This survey is
   * closed": it is not open yet, and opens as soon as the send is recorded.
   */
  @Test
  void aTapBeforeTheSurveyIsRecordedAsSentIsToldItIsNotOpenYetNotClosed() throws Exception {
    app = TestApp.start(dir, "survey: { delay: PT0S, quietHours: \"\", weekends: true }", clock);
    post("/sandbox/api/tickets", "{\"id\":\"DEMO-30\",\"email\":\"" + DANA + "\"}");
    JsonNode survey =
        JSON.readTree(app.admin("GET", "/admin/surveys?ticket=DEMO-30&source=sandbox", null).body())
            .path("surveys")
            .get(0);
    assertThat(survey.path("state").asText()).isEqualTo("scheduled"); // queued, not confirmed
    String rate4 =
        JSON.writeValueAsString(
            java.util.Map.of(
                "user", DANA, "actionId", "cl:s:" + survey.path("id").asLong() + ":rate:4"));

    JsonNode early = JSON.readTree(app.postJson("/sandbox/api/click", rate4).body());
    assertThat(early.path("ephemeral").asText())
        .isEqualTo(
            "This survey isn't open yet, so nothing was changed. Please try again in a little while.");
    assertThat(answersOf("DEMO-30")).isEmpty();

    app.deliver();
    app.postJson("/sandbox/api/click", rate4);
    assertThat(answersOf("DEMO-30")).containsExactly("4");
  }

  @Test
  void aLineTypedToAScheduledSurveyIsAnsweredInItsLanguage() throws Exception {
    app =
        TestApp.start(
            dir,
            "sandbox: { enabled: true }\nsurvey: { delay: PT2H, quietHours: \"\", weekends: true }",
            clock);
    var r =
        app.webhook(
            TestApp.closed(
                "INC-9", clock.instant(), "{\"email\":\"" + DANA + "\",\"locale\":\"fr\"}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    type("bonjour ?"); // the survey waits for its delay: nothing is open yet
    assertThat(sent()).hasSize(1);
    assertThat(last()).contains("Aucun sondage");
  }

  @Test
  void aSecondMessageIsAddedToTheCommentAndSaidSo() throws Exception {
    openSurvey("DEMO-9", "de");
    type("Drucker ist langsam");
    type("Drucker druckt nur jede zweite Seite");
    assertThat(last()).isEqualTo("Danke, ich habe das zu deiner Antwort ergänzt.");
    assertThat(answersOf("DEMO-9"))
        .containsExactly("Drucker ist langsam\nDrucker druckt nur jede zweite Seite");
  }

  @Test
  void aNoToTheReopenOfferSaysTheTicketStaysClosedBeforeAskingWhatWentWrong() throws Exception {
    openSurvey("DEMO-14", "pt");
    type("não");
    assertThat(last()).contains("DEMO-14"); // shall I reopen it?
    type("não");
    assertThat(last())
        .isEqualTo(
            "Certo, o DEMO-14 continua fechado. O que deu errado? É só escrever aqui — a equipe"
                + " de TI lê todas as respostas.");
  }

  @Test
  void aPartlyFixedIsNotFixedSoTheComplaintThatFollowsIsKept() throws Exception {
    openSurvey("DEMO-11", "de");
    type("naja, teilweise");
    assertThat(last()).contains("DEMO-11"); // shall I reopen it?
    type("Outlook stürzt immer noch ab, wenn ich PDFs öffne");
    assertThat(answersOf("DEMO-11"))
        .containsExactly("false", "Outlook stürzt immer noch ab, wenn ich PDFs öffne");
  }

  @Test
  void theReplyToACommentNamesTheDayTheTeamReallyReadsIt() throws Exception {
    // 10:00 UTC; the digest at 17:00: today, not "tomorrow morning"
    app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true }\n"
                + "digest: { time: \"17:00\" }",
            clock);
    post("/sandbox/api/tickets", "{\"id\":\"DEMO-12\",\"email\":\"" + DANA + "\"}");
    app.tick();
    app.deliver();
    type("2");
    assertThat(last()).isEqualTo("Sorry about that. What went wrong? Just type it here.");
    // a plain comment ("the dock still drops…" now also answers "did we fix it?": not fixed, and
    // the reopen offer comes before any thanks)
    type("the dock drops my second screen");
    assertThat(sent()).anySatisfy(m -> assertThat(m).contains("will see it in today's review"));
  }

  @Test
  void afterTheMorningsDigestItIsTomorrowMorningInTheRequestersLanguage() throws Exception {
    openSurvey("DEMO-13", "fr"); // 10:00 UTC, the digest at 09:00: it has gone for today
    type("2");
    type("personne ne m'a rappelé");
    assertThat(sent()).anySatisfy(m -> assertThat(m).contains("L'équipe IT le verra demain matin"));
  }

  @Test
  void whenTheTeamWillReadItIsSaidOnceNotAgainWhenTheTicketStaysClosed() throws Exception {
    openSurvey("DEMO-18", "pt");
    type("2"); // what went wrong?
    type("ninguém me avisou que tinha fechado"); // thanks, with when the team reads it
    type("não, ainda não funciona"); // not fixed: shall I reopen it?
    assertThat(last()).contains("reabra o DEMO-18");
    type("não precisa");
    assertThat(sent()).contains("Certo, o DEMO-18 continua fechado.");
    type("não obg");
    assertThat(sent())
        .as("the review promised once")
        .filteredOn(m -> m.contains("amanhã de manhã"))
        .hasSize(1);
    assertThat(answersOf("DEMO-18"))
        .containsExactlyInAnyOrder("2", "ninguém me avisou que tinha fechado", "false");
  }

  @Test
  void aRequestThatBecomesATicketIsPromisedOnce() throws Exception {
    openSurvey("DEMO-19", "en");
    type("yes thanks 5/5");
    type("yes");
    assertThat(last()).isEqualTo("Sure — what do you need? Just type it here.");
    type("my headset crackles");
    app.tick(); // the demo helpdesk files it, and the chat says so
    app.deliver();
    assertThat(last()).startsWith("Your request is now ticket ").doesNotContain("IT team");
    assertThat(sent()).filteredOn(m -> m.contains("IT team")).hasSize(1);
  }

  private java.util.List<String> answersOf(String ticket) throws Exception {
    JsonNode answers =
        JSON.readTree(app.admin("GET", "/admin/surveys?ticket=" + ticket, null).body())
            .path("surveys")
            .path(0)
            .path("answers");
    return answers.findValuesAsText("value");
  }

  @Test
  void noThanksToAFreshSurveyEndsItPolitelyAndNoReminderFollows() throws Exception {
    app = TestApp.start(dir, "survey: { delay: PT0S, quietHours: \"\", weekends: true }", clock);
    post(
        "/sandbox/api/tickets",
        "{\"id\":\"DEMO-10\",\"email\":\"" + DANA + "\",\"locale\":\"fr\"}");
    app.tick();
    app.deliver();
    type("rien merci");
    assertThat(last()).isEqualTo("Merci ! C'est tout, bonne journée.");
    int before = sent().size();
    clock.advance(java.time.Duration.ofHours(80)); // past the reminder and the expiry
    app.tick();
    app.deliver();
    assertThat(sent()).as("no reminder, nothing new").hasSize(before);
  }

  /** Starts the app and closes a sandbox ticket for Dana in {@code locale}: her survey is out. */
  /**
   * The reply to a comment promises the review exactly when the digest will list it: both judge the
   * comment in the survey's language (here Portuguese typed without accents, which the
   * language-detected reading misses).
   */
  @Test
  void theReviewIsPromisedInTheSurveysLanguageExactlyWhenTheDigestListsTheComment()
      throws Exception {
    openSurvey("DEMO-31", "pt-BR");
    type("4");
    type("fecharam o chamado sem perguntar");

    assertThat(sent()).anySatisfy(m -> assertThat(m).contains("A equipe de TI vai ver isso"));
    JsonNode incidents = JSON.readTree(app.admin("GET", "/admin/incidents", null).body());
    assertThat(incidents.path("incidents"))
        .anySatisfy(
            i ->
                assertThat(i.path("comment").asText())
                    .isEqualTo("fecharam o chamado sem perguntar"));
  }

  /**
   * A demo digest lists the sandbox's negative and says that its figures leave the demo answers
   * out, instead of "CSAT n/a (0 rated)" above the 2/5 it lists with no word why.
   */
  @Test
  void theSandboxsDigestSaysItsFiguresLeaveTheDemoAnswersOut() throws Exception {
    openSurvey("DEMO-32", "en");
    type("2");
    type("the printer jams again");
    clock.advance(java.time.Duration.ofMinutes(5));

    var r = app.postJson("/sandbox/api/digest", "{}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    app.deliver();
    List<String> digest = new ArrayList<>();
    for (JsonNode m : JSON.readTree(app.get("/sandbox/api/messages?since=0")).path("messages")) {
      if ("out".equals(m.path("direction").asText())
          && !("dm:" + DANA).equals(m.path("conversation").asText())) {
        digest.add(m.path("body").toString());
      }
    }
    assertThat(String.join("\n", digest))
        .contains("the printer jams again")
        .contains("CSAT n/a (0 rated)")
        .contains("(sandbox demo answers not counted)");
  }

  /**
   * "Stop asking me" opted the person out and said so, but the survey's message still offered it,
   * and each later tap sent the same "Done — we won't ask you again" DM once more. The message now
   * drops the button (the survey still takes their answers), a tap on it from an older view is
   * answered where it was tapped, and opting back in brings the button back.
   */
  @Test
  void stopTakesItsButtonAwayAndASecondTapIsAnsweredWhereItWasTapped() throws Exception {
    openSurvey("DEMO-40", "en");
    long id =
        JSON.readTree(app.admin("GET", "/admin/surveys?ticket=DEMO-40&source=sandbox", null).body())
            .path("surveys")
            .get(0)
            .path("id")
            .asLong();
    String stop =
        JSON.writeValueAsString(java.util.Map.of("user", DANA, "actionId", "cl:s:" + id + ":stop"));
    assertThat(surveyButtons()).contains("cl:s:" + id + ":stop", "cl:s:" + id + ":rate:4");

    app.postJson("/sandbox/api/click", stop);
    app.tick();
    app.deliver();
    assertThat(last()).startsWith("Done — we won't ask you for feedback again.");
    assertThat(surveyButtons())
        .doesNotContain("cl:s:" + id + ":stop")
        .contains("cl:s:" + id + ":rate:4", "cl:s:" + id + ":more");
    int afterStop = sent().size();

    JsonNode again = JSON.readTree(app.postJson("/sandbox/api/click", stop).body());
    app.tick();
    app.deliver();
    assertThat(again.path("ephemeral").asText())
        .startsWith("Done — we won't ask you for feedback again.");
    assertThat(sent()).hasSize(afterStop);

    type("optin");
    assertThat(surveyButtons()).contains("cl:s:" + id + ":stop");
  }

  /** The action ids of the buttons on the survey's message (Dana's first), as last edited. */
  private List<String> surveyButtons() throws Exception {
    List<String> out = new ArrayList<>();
    JsonNode messages = JSON.readTree(app.get("/sandbox/api/messages?since=0")).path("messages");
    long first = Long.MAX_VALUE; // the survey's DM is the first sent to Dana (edits keep its id)
    for (JsonNode m : messages) {
      if ("out".equals(m.path("direction").asText())
          && ("dm:" + DANA).equals(m.path("conversation").asText())) {
        first = Math.min(first, m.path("id").asLong());
      }
    }
    for (JsonNode m : messages) {
      if (m.path("id").asLong() == first) {
        for (JsonNode b : m.path("body").path("message").path("blocks")) {
          for (JsonNode button : b.path("buttons")) {
            out.add(button.path("id").asText());
          }
        }
        return out;
      }
    }
    return out;
  }

  private void openSurvey(String ticket, String locale) {
    app = TestApp.start(dir, "survey: { delay: PT0S, quietHours: \"\", weekends: true }", clock);
    post(
        "/sandbox/api/tickets",
        "{\"id\":\"" + ticket + "\",\"email\":\"" + DANA + "\",\"locale\":\"" + locale + "\"}");
    app.tick();
    app.deliver();
  }

  private void typeWithoutDelivering(String text) throws Exception {
    post(
        "/sandbox/api/type", JSON.writeValueAsString(java.util.Map.of("user", DANA, "text", text)));
  }

  private void type(String text) throws Exception {
    post(
        "/sandbox/api/type", JSON.writeValueAsString(java.util.Map.of("user", DANA, "text", text)));
    app.tick();
    app.deliver();
  }

  private void post(String path, String body) {
    var r = app.postJson(path, body);
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
  }

  /** The texts sent to Dana, oldest first (each message once, as last edited). */
  private List<String> sent() throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(app.get("/sandbox/api/messages?since=0")).path("messages")) {
      if ("out".equals(m.path("direction").asText())
          && ("dm:" + DANA).equals(m.path("conversation").asText())) {
        out.add(m.path("body").path("message").path("fallback").asText());
      }
    }
    return out;
  }

  private String last() throws Exception {
    List<String> all = sent();
    return all.isEmpty() ? "" : all.get(all.size() - 1);
  }
}
