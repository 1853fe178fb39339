package dev.closeloop.e2e;

import static dev.closeloop.e2e.DiscordE2E.WAIT;
import static dev.closeloop.e2e.DiscordE2E.hasButtonEnding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.discord.FakeDiscord;
import dev.closeloop.chat.discord.FakeDiscord.Recorded;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who gets a survey on Discord and how it is delivered, end to end through the real app and JDA:
 * opt-out (button and typed), DMs closed (50007), a 429 waited out, a linked email. One app for the
 * class; each test has its own requester and ticket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordDeliveryEndToEndTest {
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
    return Long.toString(710000000000000000L + NEXT.incrementAndGet());
  }

  private static String ticket() {
    return "DD-" + NEXT.incrementAndGet();
  }

  @Test
  void stopButtonOptsThePersonOutOfLaterSurveys() {
    String user = user();
    JsonNode dm = e2e.surveyDm(ticket(), user);
    e2e.click(user, dm, ":stop");
    e2e.awaitDmText(user, "feedback again");

    String next = ticket();
    e2e.closeTicket(next, "{\"discordId\":\"" + user + "\"}");
    JsonNode later = e2e.survey(next);
    assertThat(later.path("state").asText()).isEqualTo("skipped");
    assertThat(later.path("reason").asText()).isEqualTo("opted_out");
  }

  @Test
  void typedStopOptsThePersonOut() {
    String user = user();
    e2e.surveyDm(ticket(), user);
    e2e.type(user, "stop", "feedback again");

    String next = ticket();
    e2e.closeTicket(next, "{\"discordId\":\"" + user + "\"}");
    assertThat(e2e.survey(next).path("reason").asText()).isEqualTo("opted_out");
  }

  @Test
  void slashCommandOptinBringsSurveysBack() {
    String user = user();
    e2e.surveyDm(ticket(), user);
    e2e.type(user, "stop", "feedback again");

    e2e.now();
    FakeDiscord.Interaction optin = discord.slashCommand(user, "optin", java.util.Map.of());
    JsonNode reply = e2e.awaitAnswered(optin).get(0);
    assertThat(reply.path("type").asInt()).isEqualTo(4);
    assertThat(reply.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);

    String next = ticket();
    e2e.clock.advance(Duration.ofDays(8)); // past the cooldown since the first survey
    e2e.closeTicket(next, "{\"discordId\":\"" + user + "\"}");
    e2e.awaitDm(user, m -> DiscordE2E.unescape(DiscordE2E.text(m)).contains(next));
    assertThat(e2e.survey(next).path("state").asText()).isEqualTo("sent");
    e2e.rewindToRealTime();
  }

  @Test
  void closedDmsSkipTheSurveyAsDmClosedWithoutRetrying() {
    String user = user();
    String ticket = ticket();
    discord.closeDms(user);
    e2e.closeTicket(ticket, "{\"discordId\":\"" + user + "\"}");

    await()
        .atMost(WAIT)
        .until(
            () -> {
              e2e.deliver();
              return e2e.survey(ticket).path("state").asText();
            },
            "skipped"::equals);
    assertThat(e2e.survey(ticket).path("reason").asText()).isEqualTo("dm_closed");

    String dmPath = "channels/" + discord.dmChannelOf(user) + "/messages";
    int attempts = discord.requests("POST", dmPath).size();
    assertThat(attempts).isEqualTo(1);
    e2e.clock.advance(Duration.ofHours(2));
    e2e.app.tick();
    e2e.app.deliver();
    e2e.clock.advance(Duration.ofDays(1));
    e2e.app.tick();
    e2e.app.deliver();
    assertThat(discord.requests("POST", dmPath)).hasSize(attempts);
    assertThat(e2e.adminGet("/admin/outbox?state=pending").path("outbox").toString())
        .doesNotContain(user);
    e2e.rewindToRealTime();
  }

  @Test
  void rateLimitedDmIsSentOnceAfterRetryAfter() {
    String user = user();
    String ticket = ticket();
    String dmPath = "channels/" + discord.dmChannelOf(user) + "/messages";
    discord.rateLimitNext("POST", dmPath, 1, Duration.ofMillis(1500));

    e2e.surveyDm(ticket, user);

    List<Recorded> posts = discord.requests("POST", dmPath);
    assertThat(posts).extracting(Recorded::status).containsExactly(429, 200);
    long waitedMillis = (posts.get(1).nanoTime() - posts.get(0).nanoTime()) / 1_000_000;
    assertThat(waitedMillis).isGreaterThanOrEqualTo(1400);
    assertThat(discord.dmMessages(user)).hasSize(1);
    assertThat(e2e.survey(ticket).path("state").asText()).isEqualTo("sent");
  }

  @Test
  void linkedEmailReachesTheLinkedDiscordUser() {
    String user = user();
    String ticket = ticket();
    JsonNode linked =
        e2e.adminPostCsv("/admin/links", "email,discordId\nlee@example.com," + user + "\n");
    assertThat(linked.path("linked").asInt()).isEqualTo(1);

    e2e.closeTicket(ticket, "{\"email\":\"lee@example.com\",\"name\":\"Lee\"}");
    JsonNode dm = e2e.awaitDm(user, m -> hasButtonEnding(m, ":rate:2"));
    assertThat(DiscordE2E.unescape(dm.path("embeds").get(0).path("title").asText()))
        .contains(ticket);
    JsonNode survey = e2e.survey(ticket);
    assertThat(survey.path("platform").asText()).isEqualTo("discord");
    assertThat(survey.path("state").asText()).isEqualTo("sent");
  }

  @Test
  void linkImportCliAsksTheRunningAppAndTheEmailReachesDiscord() throws Exception {
    String user = user();
    String ticket = ticket();
    java.nio.file.Path csv = e2e.app.dir.resolve("links-" + user + ".csv");
    java.nio.file.Files.writeString(csv, "email,discordId\nkim@example.com," + user + "\n");
    java.nio.file.Path config = e2e.app.dir.resolve("cli-" + user + ".yml");
    java.nio.file.Files.writeString(
        config,
        """
        server: { port: %d }
        storage: { url: "jdbc:h2:file:%s/cli-must-not-open" }
        admin: { token: "%s" }
        """
            .formatted(
                e2e.app.port,
                e2e.app.dir.toAbsolutePath().toString().replace("\\", "/"),
                dev.closeloop.testing.TestApp.TOKEN));

    // the CLI's own store is a fresh file: the DM below arrives only if it asked the running app
    assertThat(
            dev.closeloop.app.CliRunner.run(
                "link", "import", csv.toString(), "--config", config.toString()))
        .isZero();

    e2e.closeTicket(ticket, "{\"email\":\"kim@example.com\"}");
    e2e.awaitDm(user, m -> hasButtonEnding(m, ":rate:2") && DiscordE2E.text(m).contains(ticket));
    assertThat(e2e.survey(ticket).path("platform").asText()).isEqualTo("discord");
  }
}
