package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.WireLimit;
import dev.closeloop.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Discord's global limit as Discord sees it: the real JDA against {@link FakeDiscord}, with a small
 * limit so that the test needs few requests. Only lower bounds on time are asserted (a loaded
 * machine makes requests later, never earlier).
 */
class DiscordWireLimitTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private FakeDiscord discord;
  private DiscordPlatform platform;

  private void start(WireLimit limit) {
    discord = FakeDiscord.start();
    platform =
        new DiscordPlatform(
            new Config.Discord(FakeDiscord.TOKEN, discord.apiUrl(), discord.gatewayUrl()),
            Duration.ofSeconds(30),
            limit);
    platform.start(new RecordingHandler());
    await().atMost(WAIT).until(platform::connected);
    await().atMost(WAIT).until(() -> !discord.commands().isEmpty());
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.stop();
    }
    if (discord != null) {
      discord.close();
    }
  }

  private static Outgoing.ChannelPost post(String key, String channel) {
    return new Outgoing.ChannelPost(
        key, channel, new ChatMessage("hi", List.of(ChatMessage.Text.plain("hi"))));
  }

  @Test
  void sendsMadeAllAtOnceReachDiscordNoFasterThanItsGlobalLimit() throws Exception {
    start(new WireLimit(3, Duration.ofMillis(1500)));
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      channels.add(discord.snowflake());
    }
    ExecutorService pool = Executors.newFixedThreadPool(channels.size());
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < channels.size(); i++) {
        String channel = channels.get(i);
        String key = "burst-" + i;
        sends.add(pool.submit(() -> platform.send(post(key, channel))));
      }
      for (Future<?> f : sends) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> at =
        discord.requests("POST", "channels/\\d+/messages").stream()
            .map(FakeDiscord.Recorded::nanoTime)
            .sorted()
            .toList();
    assertThat(at).hasSize(7);
    // any four in a row span at least the limit's period less a generous margin
    for (int i = 0; i + 3 < at.size(); i++) {
      assertThat(Duration.ofNanos(at.get(i + 3) - at.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }
  }

  @Test
  void theRetryJdaMakesAfterA429IsCountedWhenItGoes() throws Exception {
    WireLimit limit = GlobalLimit.standard();
    start(limit);
    String channel = discord.snowflake();
    String route = "channels/" + channel + "/messages";
    discord.rateLimitNext("POST", route, 1, Duration.ofMillis(300));
    long before = limit.counted();

    platform.send(post("retried", channel));

    assertThat(discord.requests("POST", route))
        .extracting(FakeDiscord.Recorded::status)
        .containsExactly(429, 200);
    assertThat(limit.counted() - before).isEqualTo(2);
  }

  @Test
  void interactionAnswersAndFollowUpsAreNotHeldBack() {
    assertThat(GlobalLimit.counts("/api/v10/users/@me/channels")).isTrue();
    assertThat(GlobalLimit.counts("/api/v10/channels/123/messages")).isTrue();
    assertThat(GlobalLimit.counts("/api/v10/interactions/1/tok/callback")).isFalse();
    assertThat(GlobalLimit.counts("/api/v10/webhooks/99/tok/messages/@original")).isFalse();
  }
}
