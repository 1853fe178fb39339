package dev.closeloop.e2e;

import static dev.closeloop.e2e.DiscordE2E.DIGEST_CHANNEL;
import static dev.closeloop.e2e.DiscordE2E.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.discord.FakeDiscord;
import dev.closeloop.chat.discord.FakeDiscord.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The digest on Discord, end to end: negatives answered in DMs through the real app and JDA, then
 * the digest posted to the team channel of {@link FakeDiscord}, split within Discord's limits and
 * inert whatever the requesters typed. One app for the class; assertions look only at what each
 * test added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordDigestEndToEndTest {
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

  private long okPosts() {
    return discord.requests("POST", "channels/\\d+/messages").stream()
        .filter(r -> r.status() == 200)
        .count();
  }

  @Test
  void fortyNegativesAreSplitWithinDiscordLimitsWithEveryEntryOnce() {
    long postsBefore = okPosts();
    List<String> tickets = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      String ticket = String.format("NEG-%03d", i);
      tickets.add(ticket);
      e2e.now();
      assertThat(
              e2e.app
                  .webhook(
                      dev.closeloop.testing.TestApp.closed(
                          ticket,
                          e2e.clock.instant(),
                          "{\"name\":\"Requester "
                              + i
                              + "\",\"discordId\":\""
                              + (820000000000000000L + i)
                              + "\"}"))
                  .statusCode())
          .isEqualTo(202);
    }
    e2e.app.tick();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              e2e.deliver();
              return okPosts() - postsBefore;
            },
            n -> n == 40);
    for (int i = 1; i <= 40; i++) {
      e2e.now();
      discord.sendDm(
          Long.toString(820000000000000000L + i),
          "1 - the printer on floor " + i + " is still jammed");
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                e2e.incidents("open").findValuesAsText("ticketId").stream()
                    .filter(t -> t.startsWith("NEG-"))
                    .count(),
            n -> n == 40);

    List<JsonNode> digest = e2e.postDigest();

    assertThat(digest.size()).isGreaterThan(1);
    List<String> seen = new ArrayList<>();
    for (JsonNode message : digest) {
      assertThat(message.path("embeds").size()).isLessThanOrEqualTo(10);
      assertThat(message.path("components").size()).isLessThanOrEqualTo(5);
      assertThat(message.path("content").asText().length()).isLessThanOrEqualTo(2000);
      int embedChars = 0;
      for (JsonNode embed : message.path("embeds")) {
        embedChars +=
            embed.path("title").asText().length()
                + embed.path("description").asText().length()
                + embed.path("footer").path("text").asText().length();
        Matcher m =
            Pattern.compile("NEG-\\d{3}")
                .matcher(DiscordE2E.unescape(embed.path("title").asText()));
        while (m.find()) {
          seen.add(m.group());
        }
      }
      assertThat(embedChars).isLessThanOrEqualTo(6000);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(tickets);
    assertThat(discord.requests("POST", "channels/" + DIGEST_CHANNEL + "/messages"))
        .allMatch(r -> r.status() == 200)
        .allMatch(
            r ->
                r.json().path("allowed_mentions").path("parse").isArray()
                    && r.json().path("allowed_mentions").path("parse").isEmpty());
  }

  @Test
  void commentWithMentionsAndMarkdownIsPostedInert() {
    String user = "830000000000000001";
    // <@123> is how Discord sends a mention picked from the list: it reads as "@user" (an id
    // Discord did not name), never as a ping
    e2e.negative("INERT-1", user, "@everyone <@123> **bold** @here");

    List<JsonNode> digest = e2e.postDigest();

    String all = digest.toString();
    assertThat(all)
        .doesNotContain("@everyone")
        .doesNotContain("@here")
        .doesNotContain("<@123>")
        .doesNotContain("**bold**");
    String description =
        digest.stream()
            .flatMap(
                m -> java.util.stream.StreamSupport.stream(m.path("embeds").spliterator(), false))
            .map(e -> e.path("description").asText())
            .filter(d -> d.contains("bold"))
            .findFirst()
            .orElseThrow();
    assertThat(DiscordE2E.unescape(description)).contains("@everyone @user **bold** @here");
    List<Recorded> posts = discord.requests("POST", "channels/" + DIGEST_CHANNEL + "/messages");
    assertThat(posts)
        .isNotEmpty()
        .allMatch(
            r ->
                r.json().path("allowed_mentions").path("parse").isArray()
                    && r.json().path("allowed_mentions").path("parse").isEmpty());

    // the survey DM, edited to show the comment back to its author, is just as inert
    JsonNode surveyDm = e2e.awaitDm(user, m -> DiscordE2E.text(m).contains("Your comment"));
    assertThat(surveyDm.toString())
        .doesNotContain("@everyone")
        .doesNotContain("<@123>")
        .doesNotContain("**bold**");
    assertThat(DiscordE2E.text(surveyDm)).contains("@everyone @user **bold** @here");
    List<Recorded> edits =
        discord.requests("PATCH", "channels/" + discord.dmChannelOf(user) + "/messages/\\d+");
    assertThat(edits)
        .isNotEmpty()
        .allMatch(
            r ->
                r.json().path("allowed_mentions").path("parse").isArray()
                    && r.json().path("allowed_mentions").path("parse").isEmpty());
  }
}
