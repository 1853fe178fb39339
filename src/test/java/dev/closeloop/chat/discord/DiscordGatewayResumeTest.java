package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.config.Config;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway drops mid-survey; JDA resumes, and every event arrives exactly once. */
class DiscordGatewayResumeTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private FakeDiscord discord;
  private DiscordPlatform platform;
  private final RecordingHandler handler = new RecordingHandler();

  @BeforeEach
  void connect() {
    discord = FakeDiscord.start(Duration.ofMillis(250));
    platform =
        new DiscordPlatform(
            new Config.Discord(FakeDiscord.TOKEN, discord.apiUrl(), discord.gatewayUrl()));
    platform.start(handler);
    await().atMost(WAIT).until(platform::connected);
  }

  @AfterEach
  void disconnect() {
    platform.stop();
    discord.close();
  }

  @Test
  void heartbeatsAreAcknowledged() {
    await().atMost(WAIT).until(() -> discord.heartbeats() >= 2);
    assertThat(platform.connected()).isTrue();
    assertThat(discord.identifies()).isEqualTo(1);
  }

  @Test
  void gatewayClosedMidSurveyIsResumedWithNoEventLostOrHandledTwice() throws Exception {
    String user = discord.snowflake();
    MessageRef survey =
        platform.send(
            new Outgoing.DirectMessage("resume:dm", user, DiscordPlatformTest.survey("r1")));
    discord.clickButton(user, survey.channelId(), survey.messageId(), "r1:fixed:yes");
    await().atMost(WAIT).until(() -> handler.events(ChatEvent.ButtonClick.class, user).size() == 1);

    discord.holdConnections();
    discord.sendDm(user, "just before the drop");
    discord.closeGateway();
    await().atMost(WAIT).until(() -> discord.heldConnections() == 1);
    assertThat(platform.connected()).isFalse();
    // while the bot is away, the person keeps answering
    discord.clickButton(user, survey.channelId(), survey.messageId(), "r1:rate:5");
    discord.sendDm(user, "while away");
    discord.releaseConnections();

    await().atMost(WAIT).until(platform::connected);
    await().atMost(WAIT).until(() -> handler.events(ChatEvent.TypedText.class, user).size() >= 2);
    await().atMost(WAIT).until(() -> handler.events(ChatEvent.ButtonClick.class, user).size() >= 2);
    // resumed, never a new session; on a loaded machine JDA may resume a second time (a heartbeat
    // acknowledged late counts as a dead connection), which loses and doubles nothing either
    assertThat(discord.resumes()).isGreaterThanOrEqualTo(1);
    assertThat(discord.identifies()).isEqualTo(1);
    assertThat(handler.events(ChatEvent.TypedText.class, user))
        .extracting(ChatEvent.TypedText::text)
        .containsExactly("just before the drop", "while away");
    assertThat(handler.events(ChatEvent.ButtonClick.class, user))
        .extracting(ChatEvent.ButtonClick::value)
        .containsExactly("yes", "5");

    // and the session works on after the resume
    discord.sendDm(user, "after");
    await().atMost(WAIT).until(() -> handler.events(ChatEvent.TypedText.class, user).size() == 3);
    assertThat(handler.events()).as("2 clicks + 3 typed, each once").hasSize(5);
  }
}
