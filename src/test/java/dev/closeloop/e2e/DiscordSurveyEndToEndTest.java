package dev.closeloop.e2e;

import static dev.closeloop.e2e.DiscordE2E.WAIT;
import static dev.closeloop.e2e.DiscordE2E.answers;
import static dev.closeloop.e2e.DiscordE2E.customIds;
import static dev.closeloop.e2e.DiscordE2E.hasButtonEnding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.LineLimit;
import dev.closeloop.chat.discord.FakeDiscord;
import dev.closeloop.survey.usecase.Conversations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The survey on Discord, end to end: webhook → the real app → the real JDA → {@link FakeDiscord},
 * and back through the gateway. One app for the class; each test has its own requester and ticket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordSurveyEndToEndTest {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private DiscordE2E e2e;
  private FakeDiscord discord;

  @BeforeAll
  void start() {
    e2e = DiscordE2E.start();
    discord = e2e.discord;
  }

  @AfterAll
  void stop() {
    e2e.close();
  }

  private static String user() {
    return Long.toString(700000000000000000L + NEXT.incrementAndGet());
  }

  private static String ticket() {
    return "DC-" + NEXT.incrementAndGet();
  }

  @Test
  void anotherUserReplayingTheButtonsOfSomeonesSurveyChangesNothingAndReadsNothing() {
    String dana = user();
    String mallory = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, dana);
    String channel = dm.path("channel_id").asText();
    String rateOne = DiscordE2E.buttonEnding(dm, ":rate:1").orElseThrow();

    // the same custom_id on the same message, sent as another user (a modified client)
    FakeDiscord.Interaction forged =
        discord.clickButton(mallory, channel, dm.path("id").asText(), rateOne);
    String answer = e2e.awaitAnswered(forged).toString();

    assertThat(answer).contains("not yours").doesNotContain(ticket).doesNotContain("VPN");
    assertThat(e2e.survey(ticket).path("answers")).isEmpty();

    // and a replay of Dana's own click once she has answered changes nothing either
    e2e.click(dana, dm, ":rate:4");
    FakeDiscord.Interaction replay =
        discord.clickButton(dana, channel, dm.path("id").asText(), rateOne);
    assertThat(e2e.awaitAnswered(replay).toString()).contains("already answered");
    assertThat(answers(e2e.survey(ticket), "rating")).containsExactly("4");
  }

  @Test
  void surveyAnsweredWithButtonsEndsWithNoThatsAll() {
    String user = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, user);

    JsonNode embed = dm.path("embeds").get(0);
    assertThat(DiscordE2E.unescape(embed.path("title").asText()))
        .contains(ticket)
        .contains("VPN drops every hour");
    assertThat(embed.path("url").asText()).isEqualTo("https://help.example.com/t/" + ticket);
    assertThat(customIds(dm))
        .anyMatch(id -> id.endsWith(":fixed:no"))
        .anyMatch(id -> id.endsWith(":more"))
        .anyMatch(id -> id.endsWith(":stop"));
    assertThat(dm.path("allowed_mentions").path("parse")).isEmpty();

    e2e.click(user, dm, ":fixed:no");
    e2e.awaitDmText(user, "What went wrong");
    e2e.click(user, e2e.message(dm.path("channel_id").asText(), dm.path("id").asText()), ":rate:2");
    JsonNode edited =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  e2e.deliver();
                  return e2e.message(dm.path("channel_id").asText(), dm.path("id").asText());
                },
                m ->
                    DiscordE2E.text(m).contains("Not fixed") && DiscordE2E.text(m).contains("2/5"));
    assertThat(customIds(edited)).noneMatch(id -> id.contains(":fixed:") || id.contains(":rate:"));

    e2e.type(
        user, "The VPN still drops when I dock the laptop", "anything else we can help you with");
    JsonNode anythingElse = e2e.awaitDm(user, m -> hasButtonEnding(m, ":else:no"));
    e2e.click(user, anythingElse, ":else:no");
    e2e.awaitDmText(user, "Thanks for telling us");
    // the question shows its answer and offers no second one
    JsonNode answered =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  e2e.deliver();
                  return e2e.message(
                      anythingElse.path("channel_id").asText(), anythingElse.path("id").asText());
                },
                m -> DiscordE2E.text(m).contains("No, that's all"));
    assertThat(answered.path("components")).isEmpty();

    JsonNode survey = e2e.survey(ticket);
    assertThat(survey.path("platform").asText()).isEqualTo("discord");
    assertThat(survey.path("state").asText()).isEqualTo("answered");
    assertThat(answers(survey, "fixed")).containsExactly("false");
    assertThat(answers(survey, "rating")).containsExactly("2");
    assertThat(answers(survey, "comment"))
        .containsExactly("The VPN still drops when I dock the laptop");
    assertThat(survey.path("incident").path("score").asInt()).isEqualTo(2);
    JsonNode finished =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  e2e.deliver();
                  return e2e.message(dm.path("channel_id").asText(), dm.path("id").asText());
                },
                m -> DiscordE2E.text(m).contains("complete"));
    assertThat(finished.path("components")).isEmpty();
    assertThat(DiscordE2E.text(finished)).contains("still drops");

    // a stale click on the finished survey gets a short ephemeral reply and changes nothing
    e2e.now();
    FakeDiscord.Interaction stale =
        discord.clickButton(
            user,
            dm.path("channel_id").asText(),
            dm.path("id").asText(),
            "cl:s:" + survey.path("id").asText() + ":rate:5");
    JsonNode reply = e2e.awaitAnswered(stale).get(0);
    assertThat(reply.path("type").asInt()).isEqualTo(4);
    assertThat(reply.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    assertThat(answers(e2e.survey(ticket), "rating")).containsExactly("2");
  }

  @Test
  void surveyAnsweredByTypedReplies() {
    String user = user();
    String ticket = ticket();
    e2e.surveyDm(ticket, user);

    e2e.type(user, "2", "What went wrong");
    e2e.now();
    discord.sendDm(user, "👎");
    await()
        .atMost(WAIT)
        .until(() -> answers(e2e.survey(ticket), "fixed"), f -> f.equals(List.of("false")));
    e2e.type(user, "Printer queue is still stuck", "anything else we can help you with");
    e2e.type(user, "no", "Thanks for telling us");

    JsonNode survey = e2e.survey(ticket);
    assertThat(survey.path("state").asText()).isEqualTo("answered");
    assertThat(answers(survey, "rating")).containsExactly("2");
    assertThat(answers(survey, "fixed")).containsExactly("false");
    assertThat(answers(survey, "comment")).containsExactly("Printer queue is still stuck");
    assertThat(answers(survey, "request")).isEmpty();
  }

  @Test
  void commentThroughTheTellUsMoreModal() {
    String user = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, user);

    FakeDiscord.Interaction more = e2e.click(user, dm, ":more");
    JsonNode modal = e2e.awaitAnswered(more).get(0);
    assertThat(modal.path("type").asInt()).isEqualTo(9);
    String modalId = modal.path("data").path("custom_id").asText();
    assertThat(modalId).endsWith(":more");
    JsonNode label = modal.path("data").path("components").get(0);
    String inputId = label.path("component").path("custom_id").asText();

    e2e.now();
    FakeDiscord.Interaction submit =
        discord.submitModal(
            user,
            dm.path("channel_id").asText(),
            dm.path("id").asText(),
            modalId,
            inputId,
            "Took three days, but it works now");
    assertThat(e2e.awaitAnswered(submit).get(0).path("type").asInt()).isIn(4, 6);
    e2e.awaitDmText(user, "Thanks, noted");

    assertThat(answers(e2e.survey(ticket), "comment"))
        .containsExactly("Took three days, but it works now");
    JsonNode edited =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  e2e.deliver();
                  return e2e.message(dm.path("channel_id").asText(), dm.path("id").asText());
                },
                m -> DiscordE2E.text(m).contains("Your comment"));
    assertThat(customIds(edited)).noneMatch(id -> id.endsWith(":more"));
  }

  @Test
  void gatewayClosedMidSurveyResumesWithEveryClickHandledOnce() {
    String user = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, user);
    String channel = dm.path("channel_id").asText();
    String messageId = dm.path("id").asText();
    e2e.click(user, dm, ":fixed:no");
    int resumesBefore = discord.resumes();
    int identifiesBefore = discord.identifies();

    discord.holdConnections();
    discord.closeGateway();
    await().atMost(WAIT).until(discord::heldConnections, n -> n == 1);
    e2e.now();
    String rate = DiscordE2E.buttonEnding(dm, ":rate:2").orElseThrow();
    FakeDiscord.Interaction click = discord.clickButton(user, channel, messageId, rate);
    discord.sendDm(user, "It drops every time I join a call");
    discord.releaseConnections();

    await().atMost(WAIT).until(discord::resumes, n -> n == resumesBefore + 1);
    assertThat(e2e.awaitAnswered(click)).hasSize(1);
    await().atMost(WAIT).until(() -> answers(e2e.survey(ticket), "comment"), c -> !c.isEmpty());
    e2e.awaitDmText(user, "anything else we can help you with");

    JsonNode survey = e2e.survey(ticket);
    assertThat(answers(survey, "fixed")).containsExactly("false");
    assertThat(answers(survey, "rating")).containsExactly("2");
    assertThat(answers(survey, "comment")).containsExactly("It drops every time I join a call");
    assertThat(discord.identifies()).isEqualTo(identifiesBefore);
    assertThat(discord.interactionAnswers(click)).hasSize(1);
    assertThat(discord.dmMessages(user).stream().filter(m -> hasButtonEnding(m, ":else:no")))
        .hasSize(1);
  }

  /**
   * 30 lines typed within a second into an open survey: before, each was read (a few queries) and
   * added to the comment. Now the first {@link LineLimit#BURST} are read, the rest are dropped
   * unread and counted in /metrics, and the person is told once.
   */
  @Test
  void aFloodOfTypedLinesIsReadUpToTheLimitTheRestDroppedUnreadWithOneNotice() {
    String user = user();
    String ticket = ticket();
    JsonNode dm = e2e.surveyDm(ticket, user);
    e2e.click(user, dm, ":rate:2"); // a click: the person's first typed line is the flood's
    e2e.awaitDmText(user, "What went wrong");
    // the clock held while the lines arrive (only deliver() moves it)
    long dropped = e2e.app.droppedLines("discord");
    for (int i = 1; i <= 30; i++) {
      discord.sendDm(user, "it dropped again " + SlackEndToEndTest.word(i));
    }

    awaitDropped(dropped + 30 - LineLimit.BURST);
    String comment = answers(e2e.survey(ticket), "comment").get(0);
    for (int i = 1; i <= 30; i++) {
      if (i <= LineLimit.BURST) { // the first answered "what went wrong?", nine more added
        assertThat(comment).contains(SlackEndToEndTest.word(i));
      } else {
        assertThat(comment).doesNotContain(SlackEndToEndTest.word(i));
      }
    }
    e2e.awaitDmText(user, "one at a time");
    assertThat(count(texts(discord.dmMessages(user)), "one at a time")).isEqualTo(1);
  }

  private void awaitDropped(long n) {
    await().atMost(WAIT).until(() -> e2e.app.droppedLines("discord"), d -> d == n);
  }

  /**
   * A person typing the same line again and again: a reply that changes nothing is queued
   * Conversations.REPEATS times a REPEAT_WINDOW, not once per line (30 lines got 30 identical
   * replies before).
   */
  @Test
  void discordLinesWithNoSurveyOpenGetOneReplyPerWindowNotOneEach() {
    String user = user();
    // the app's clock held inside one window while the lines arrive and the replies go out
    long window = Conversations.REPEAT_WINDOW.toSeconds();
    e2e.now();
    Instant start =
        Instant.ofEpochSecond(
            (Math.floorDiv(e2e.clock.instant().getEpochSecond(), window) + 1) * window + 60);
    e2e.clock.set(start);
    try {
      floodThenThanks(user, start, window);
    } finally {
      e2e.rewindToRealTime();
    }
  }

  private void floodThenThanks(String user, Instant start, long window) {
    long dropped = e2e.app.droppedLines("discord");
    for (int i = 0; i < 30; i++) {
      e2e.discord.sendDm(user, "hello? anyone there?");
    }
    // the clock held: the per-person limit reads its burst and drops the rest
    awaitDropped(dropped + 30 - LineLimit.BURST);
    e2e.clock.advance(Duration.ofMinutes(1));
    e2e.discord.sendDm(user, "thanks");
    await()
        .atMost(DiscordE2E.WAIT)
        .until(
            () -> {
              e2e.clock.advance(Duration.ofSeconds(1));
              e2e.app.deliver();
              return texts(e2e.discord.dmMessages(user)).stream()
                  .anyMatch(t -> t.contains("welcome"));
            });
    assertThat(e2e.clock.instant()).isBefore(start.plusSeconds(window - 60));
    assertThat(count(texts(e2e.discord.dmMessages(user)), "There is no open survey right now"))
        .isEqualTo(Conversations.REPEATS);
  }

  static List<String> texts(List<JsonNode> messages) {
    return messages.stream().map(m -> m.path("content").asText()).toList();
  }

  static long count(List<String> texts, String part) {
    return texts.stream().filter(t -> t.contains(part)).count();
  }
}
