package dev.closeloop.e2e;

import static dev.closeloop.e2e.DiscordE2E.DIGEST_CHANNEL;
import static dev.closeloop.e2e.DiscordE2E.GUILD;
import static dev.closeloop.e2e.DiscordE2E.WAIT;
import static dev.closeloop.e2e.DiscordE2E.hasButtonEnding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.discord.FakeDiscord;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The incident loop on Discord, end to end: a negative in the digest, "I'll take it" and "Followed
 * up" clicked by a server member, the requester told, the next digest clear of it; and the weekly
 * summary's chart uploaded as a PNG. One app for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordIncidentEndToEndTest {
  private static final String SAM = "810000000000000001";
  private static final String EVE = "810000000000000002"; // in the server, not on the IT team
  private static final String IT_ROLE = "900000000000000010";

  private DiscordE2E e2e;
  private FakeDiscord discord;

  @BeforeAll
  void start() {
    // the IT team named by its role: every click and note is checked against it
    e2e = DiscordE2E.start("stats: { discordRole: \"" + IT_ROLE + "\" }");
    discord = e2e.discord;
    discord.addUser(SAM, "Sam");
    discord.addUser(EVE, "Eve");
    // a server where only the IT role sees the digest channel
    discord.guild(GUILD, 1L << 10);
    discord.role(GUILD, IT_ROLE, "IT", 0);
    discord.guildChannel(
        GUILD,
        DIGEST_CHANNEL,
        new long[] {Long.parseLong(GUILD), 0, 0, 1L << 10},
        new long[] {Long.parseLong(IT_ROLE), 0, 1L << 10, 0});
    discord.member(GUILD, SAM, IT_ROLE);
    discord.member(GUILD, EVE);
  }

  @AfterAll
  void stop() {
    e2e.close();
  }

  private JsonNode incident(String state, String ticket) {
    for (JsonNode i : e2e.incidents(state)) {
      if (i.path("ticketId").asText().equals(ticket)) {
        return i;
      }
    }
    throw new AssertionError("no " + state + " incident for " + ticket);
  }

  @Test
  void incidentLoopFromDigestToFollowUpDm() {
    String user = "840000000000000001";
    e2e.negative("LOOP-1", user, "VPN still drops");

    String own = "cl:i:" + e2e.survey("LOOP-1").path("id").asText() + ":own";
    String done = own.replace(":own", ":done");

    List<JsonNode> digest = e2e.postDigest();
    JsonNode entry = digest.stream().filter(m -> hasButtonEnding(m, own)).findFirst().orElseThrow();
    assertThat(DiscordE2E.text(entry)).contains("LOOP-1").contains("VPN still drops");

    e2e.now();
    FakeDiscord.Interaction take =
        discord.clickButtonInGuild(GUILD, SAM, DIGEST_CHANNEL, entry.path("id").asText(), own);
    JsonNode taken = e2e.awaitAnswered(take).get(0);
    assertThat(taken.path("type").asInt()).isEqualTo(4);
    assertThat(taken.path("data").path("flags").asInt() & 64).isEqualTo(64);
    JsonNode owned =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  e2e.deliver();
                  return e2e.message(DIGEST_CHANNEL, entry.path("id").asText());
                },
                m -> DiscordE2E.text(m).contains("Owner: Sam"));
    assertThat(DiscordE2E.customIds(owned)).doesNotContain(own).contains(done);
    JsonNode incident = incident("open", "LOOP-1");
    assertThat(incident.path("owner").asText()).isEqualTo("Sam");

    e2e.now();
    FakeDiscord.Interaction followedUp =
        discord.clickButtonInGuild(GUILD, SAM, DIGEST_CHANNEL, entry.path("id").asText(), done);
    JsonNode modal = e2e.awaitAnswered(followedUp).get(0);
    assertThat(modal.path("type").asInt()).isEqualTo(9);
    e2e.now();
    FakeDiscord.Interaction note =
        discord.submitModalInGuild(
            GUILD,
            SAM,
            DIGEST_CHANNEL,
            entry.path("id").asText(),
            modal.path("data").path("custom_id").asText(),
            modal
                .path("data")
                .path("components")
                .get(0)
                .path("component")
                .path("custom_id")
                .asText(),
            "Replaced the dock; VPN stable since");
    e2e.awaitAnswered(note);

    JsonNode followUp = e2e.awaitDmText(user, "followed up");
    assertThat(DiscordE2E.text(followUp)).contains("LOOP-1").contains("VPN drops every hour");
    assertThat(e2e.incidents("open").findValuesAsText("ticketId")).doesNotContain("LOOP-1");
    JsonNode closed = incident("all", "LOOP-1");
    assertThat(closed.path("followedUpBy").asText()).isEqualTo("Sam");
    assertThat(closed.path("note").asText()).isEqualTo("Replaced the dock; VPN stable since");
    await()
        .atMost(WAIT)
        .until(
            () -> {
              e2e.deliver();
              return DiscordE2E.text(e2e.message(DIGEST_CHANNEL, entry.path("id").asText()));
            },
            t -> t.contains("Followed up by Sam"));

    assertThat(discord.requests("PATCH", "channels/" + DIGEST_CHANNEL + "/messages/\\d+"))
        .isNotEmpty()
        .allMatch(
            r ->
                r.json().path("allowed_mentions").path("parse").isArray()
                    && r.json().path("allowed_mentions").path("parse").isEmpty());

    List<JsonNode> next = e2e.postDigest();
    assertThat(next.toString()).doesNotContain("LOOP");
    assertThat(DiscordE2E.text(next.get(0))).contains("All clear");
  }

  /**
   * The digest's buttons act on incidents for the IT team only. A member of the server who is not
   * (the entry forwarded to them, a payload from a modified client, a channel opened up) was able
   * to take ownership of an incident and follow it up, a note to the helpdesk and a DM to the
   * requester in their name.
   */
  @Test
  void someoneNotOnTheItTeamCannotOwnOrFollowUpAnIncident() {
    String user = "840000000000000002";
    e2e.negative("LOOP-2", user, "printer jams again");
    String own = "cl:i:" + e2e.survey("LOOP-2").path("id").asText() + ":own";
    String done = own.replace(":own", ":done");
    List<JsonNode> digest = e2e.postDigest();
    JsonNode entry = digest.stream().filter(m -> hasButtonEnding(m, own)).findFirst().orElseThrow();

    e2e.now();
    FakeDiscord.Interaction take =
        discord.clickButtonInGuild(GUILD, EVE, DIGEST_CHANNEL, entry.path("id").asText(), own);
    JsonNode refused = e2e.awaitAnswered(take).get(0);
    assertThat(refused.path("data").path("flags").asInt() & 64).isEqualTo(64);
    assertThat(DiscordE2E.unescape(refused.path("data").path("content").asText()))
        .contains("only the IT team");
    e2e.now();
    FakeDiscord.Interaction followUp =
        discord.clickButtonInGuild(GUILD, EVE, DIGEST_CHANNEL, entry.path("id").asText(), done);
    JsonNode noModal = e2e.awaitAnswered(followUp).get(0);
    assertThat(noModal.path("type").asInt()).isNotEqualTo(9);
    e2e.now();
    String noteId = own.replace(":own", ":note");
    FakeDiscord.Interaction note =
        discord.submitModalInGuild(
            GUILD, EVE, DIGEST_CHANNEL, entry.path("id").asText(), noteId, "text", "done, bye");
    e2e.awaitAnswered(note);

    JsonNode incident = incident("open", "LOOP-2");
    assertThat(incident.path("owner").isNull()).isTrue();
    assertThat(incident.path("followedUpBy").isNull()).isTrue();
    assertThat(incident.path("note").isNull()).isTrue();

    e2e.now();
    FakeDiscord.Interaction sam =
        discord.clickButtonInGuild(GUILD, SAM, DIGEST_CHANNEL, entry.path("id").asText(), own);
    e2e.awaitAnswered(sam);
    await()
        .atMost(WAIT)
        .until(() -> "Sam".equals(incident("open", "LOOP-2").path("owner").asText()));
  }

  @Test
  void weeklySummaryUploadsADecodablePngChart() throws IOException {
    e2e.negative("WEEK-1", "850000000000000001", "slow laptop");

    e2e.now();
    e2e.adminPost("/admin/weekly", null);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              e2e.deliver();
              return discord.uploads();
            },
            u -> !u.isEmpty());

    FakeDiscord.Upload upload = discord.uploads().get(0);
    assertThat(upload.path()).isEqualTo("channels/" + DIGEST_CHANNEL + "/messages");
    assertThat(upload.fileName()).endsWith(".png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload.bytes()));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isGreaterThan(100);
    assertThat(image.getHeight()).isGreaterThan(100);
    assertThat(discord.messages(DIGEST_CHANNEL)).anyMatch(m -> m.path("attachments").size() == 1);
  }
}
