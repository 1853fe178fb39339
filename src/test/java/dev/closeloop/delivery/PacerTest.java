package dev.closeloop.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pacer's per-conversation state does not grow with every person ever messaged. */
class PacerTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void bucketsOfConversationsThatHaveRefilledAreDropped() {
    Pacer pacer = new Pacer();
    Instant now = T0;
    for (int i = 0; i < 20_000; i++) {
      Outgoing dm = new Outgoing.DirectMessage("k" + i, "U" + i, ChatMessage.plainText("hi"));
      now = now.plusMillis(200); // well within Slack's 9.5/s
      assertThat(pacer.readyAt(PlatformId.SLACK, dm, now)).isEqualTo(now);
      pacer.took(PlatformId.SLACK, dm, now);
    }
    // each conversation's bucket refills within a second: those older than that are only memory,
    // dropped at each sweep; what is left are the conversations since the last one
    assertThat(pacer.buckets()).isLessThanOrEqualTo(Pacer.SWEEP_EVERY + 10);
  }

  @Test
  void aConversationStillLimitedKeepsItsBucketWhileOthersAreDropped() {
    Pacer pacer = new Pacer();
    Instant earlier = T0.minus(Duration.ofHours(1));
    for (int i = 0; i < 5_000; i++) {
      Outgoing other = new Outgoing.DirectMessage("o" + i, "V" + i, ChatMessage.plainText("x"));
      pacer.took(PlatformId.SLACK, other, earlier.plusMillis(200L * i));
    }
    Outgoing first = new Outgoing.DirectMessage("a", "U1", ChatMessage.plainText("1"));
    Outgoing second = new Outgoing.DirectMessage("b", "U1", ChatMessage.plainText("2"));
    pacer.took(PlatformId.SLACK, first, T0);
    for (int i = 0; i < 2_000; i++) { // more sends elsewhere, on another platform
      Outgoing other = new Outgoing.DirectMessage("d" + i, "" + i, ChatMessage.plainText("x"));
      pacer.took(PlatformId.DISCORD, other, T0.plusNanos(i));
    }

    // U1 sent one a moment ago: its next message still waits for the channel's 1/s
    assertThat(pacer.readyAt(PlatformId.SLACK, second, T0.plusMillis(100)))
        .isEqualTo(T0.plusSeconds(1));
    assertThat(pacer.buckets()).isLessThan(2_100);
  }
}
