package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.discord.FakeDiscord;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /closeloop stats} on Discord is for the IT team: by default whoever can see the digest
 * channel (asked over REST: the channel's overwrites, the guild's roles, the member), or the
 * members of {@code stats.discordRole}. Driven through the real JDA against the fake.
 */
class DiscordStatsEndToEndTest {
  static final String IT_ROLE = "900000000000000010";
  static final String ALEX = "720000000000000001"; // IT team
  static final String DANA = "720000000000000002"; // a requester, in the server too
  static final String EVE = "720000000000000003"; // not in the server

  DiscordE2E e2e;

  @AfterEach
  void stop() {
    e2e.close();
  }

  /** A server where everyone can read channels, but the digest channel only the IT role. */
  void server(FakeDiscord discord) {
    discord.guild(DiscordE2E.GUILD, 1L << 10);
    discord.role(DiscordE2E.GUILD, IT_ROLE, "IT", 0);
    discord.guildChannel(
        DiscordE2E.GUILD,
        DiscordE2E.DIGEST_CHANNEL,
        new long[] {Long.parseLong(DiscordE2E.GUILD), 0, 0, 1L << 10},
        new long[] {Long.parseLong(IT_ROLE), 0, 1L << 10, 0});
    discord.member(DiscordE2E.GUILD, ALEX, IT_ROLE);
    discord.member(DiscordE2E.GUILD, DANA);
  }

  String stats(String user) {
    e2e.now();
    FakeDiscord.Interaction i = e2e.discord.slashCommand(user, "stats", Map.of());
    JsonNode reply = e2e.awaitAnswered(i).get(0);
    assertThat(reply.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    return reply.path("data").path("content").asText();
  }

  @Test
  void onlyThoseWhoCanSeeTheDigestChannelGetTheFigures() {
    e2e = DiscordE2E.start();
    server(e2e.discord);

    assertThat(stats(DANA)).contains("for the IT team").doesNotContainIgnoringCase("CSAT");
    assertThat(stats(EVE)).contains("for the IT team");
    assertThat(DiscordE2E.unescape(stats(ALEX))).containsIgnoringCase("CSAT");
  }

  @Test
  void withARoleConfiguredOnlyItsMembersGetTheFigures() {
    e2e = DiscordE2E.start("stats: { discordRole: \"900000000000000011\" }");
    server(e2e.discord);
    e2e.discord.member(DiscordE2E.GUILD, DANA, "900000000000000011");

    assertThat(DiscordE2E.unescape(stats(DANA))).containsIgnoringCase("CSAT");
    assertThat(stats(ALEX)).contains("for the IT team");
  }
}
