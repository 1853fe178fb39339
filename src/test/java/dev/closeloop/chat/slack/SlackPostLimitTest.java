package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Slack's posting limit as Slack sees it: the real SDK against {@link FakeSlack}, with a small
 * limit so that the test needs few posts. Only lower bounds on time are asserted (a loaded machine
 * makes requests later, never earlier).
 */
class SlackPostLimitTest {
  private FakeSlack fake;
  private SlackPlatform slack;

  @AfterEach
  void stop() {
    if (slack != null) {
      slack.stop();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void postsMadeAllAtOnceReachSlackNoFasterThanItsLimitAndOtherCallsAreNotHeld() throws Exception {
    fake = FakeSlack.start();
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      channels.add("C0LIMIT" + i);
      fake.channel("C0LIMIT" + i);
    }
    slack =
        new SlackPlatform(
            fake.httpModeConfig("secret"),
            SlackPlatform.Options.defaults(),
            Config.Timeouts.defaults(),
            new WireLimit(3, Duration.ofMillis(1500)));
    ExecutorService pool = Executors.newFixedThreadPool(channels.size());
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < channels.size(); i++) {
        String channel = channels.get(i);
        ChatMessage m = new ChatMessage("hi", List.of(ChatMessage.Text.plain("hi")));
        sends.add(
            pool.submit(() -> slack.send(new Outgoing.ChannelPost("p" + channel, channel, m))));
      }
      for (Future<?> f : sends) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> at =
        fake.calls("chat.postMessage").stream().map(FakeSlack.ApiCall::nanoTime).sorted().toList();
    assertThat(at).hasSize(7);
    for (int i = 0; i + 3 < at.size(); i++) {
      assertThat(Duration.ofNanos(at.get(i + 3) - at.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }
    assertThat(PostLimit.counts("/api/chat.postMessage")).isTrue();
    assertThat(PostLimit.counts("/api/chat.update")).isFalse();
    assertThat(PostLimit.counts("/api/users.lookupByEmail")).isFalse();
  }
}
