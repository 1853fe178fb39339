package dev.closeloop.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pacer spaces sends evenly enough for a platform counting any rolling window, and its
 * per-conversation state does not grow with every person ever messaged.
 */
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

    // U1 sent one a moment ago: its next message still waits for the channel's 1/s (kept as one
    // per 1.03 s)
    assertThat(pacer.readyAt(PlatformId.SLACK, second, T0.plusMillis(100)))
        .isEqualTo(T0.plusMillis(1030));
    assertThat(pacer.buckets()).isLessThan(2_100);
  }

  /** Sends {@code n} as soon as the pacer allows from {@code start}, each to its own person. */
  private static List<Instant> sendAsFastAsAllowed(
      Pacer pacer, PlatformId platform, Instant start, int from, int n) {
    List<Instant> sent = new ArrayList<>();
    Instant now = start;
    for (int i = from; i < from + n; i++) {
      Outgoing dm = new Outgoing.DirectMessage("k" + i, "U" + i, ChatMessage.plainText("hi"));
      now = pacer.readyAt(platform, dm, now);
      pacer.took(platform, dm, now);
      sent.add(now);
    }
    return sent;
  }

  /** The most sends (times {@code cost} requests) in any interval of one second. */
  private static int mostInAnySecond(List<Instant> sent, int cost) {
    int most = 0;
    for (int i = 0, j = 0; i < sent.size(); i++) {
      while (!sent.get(j).isAfter(sent.get(i).minusSeconds(1))) {
        j++;
      }
      most = Math.max(most, (i - j + 1) * cost);
    }
    return most;
  }

  @Test
  void slackPostsNeverExceedTenInAnyRollingSecondFromTheStartOrAfterAPause() {
    Pacer pacer = new Pacer();
    List<Instant> sent = sendAsFastAsAllowed(pacer, PlatformId.SLACK, T0, 0, 50);
    Instant last = sent.get(49);
    pacer.pause(PlatformId.SLACK, last, last.plusSeconds(3)); // a 429 with Retry-After: 3
    sent.addAll(sendAsFastAsAllowed(pacer, PlatformId.SLACK, last, 50, 150));

    // a burst of 10 at once followed by 9.5/s put 19 into the first second, and 10 more at once
    // when the pause ended
    assertThat(mostInAnySecond(sent, 1)).isLessThanOrEqualTo(10);
    // 10 per 1.03 s, in steps of at most 3 per 0.28 s: about 9.7 a second from the start
    assertThat(Duration.between(T0, last).toMillis()).isBetween(4900L, 5100L);
  }

  @Test
  void aSenderThatWakesLateLosesItOncePerWholeWindowNotOnceEveryThirdPost() {
    // a lane wakes a little after the slot it waited for frees (3 ms here): a rolling window never
    // gives that time back, so the fewer waits the pace is made of, the less is lost. With the
    // finer
    // window as tight as the whole one (3 per 0.309 s) every third post waited: 3 / 0.312 s = 9.62
    // posts/s; with the whole window alone setting the pace, 10 / 1.033 s = 9.68
    Pacer pacer = new Pacer();
    Instant now = T0;
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Outgoing dm = new Outgoing.DirectMessage("k" + i, "U" + i, ChatMessage.plainText("hi"));
      Instant ready = pacer.readyAt(PlatformId.SLACK, dm, now);
      now = ready.isAfter(now) ? ready.plusMillis(3) : now;
      pacer.took(PlatformId.SLACK, dm, now);
      sent.add(now);
    }
    double perSecond = 1999 / (Duration.between(sent.get(0), sent.get(1999)).toNanos() / 1e9);
    assertThat(perSecond).isGreaterThan(9.65).isLessThan(1 / 0.103);
    assertThat(mostInAnySecond(sent, 1)).isLessThanOrEqualTo(10);
  }

  @Test
  void discordRequestsNeverExceedFiftyInAnyRollingSecond() {
    List<Instant> sent = sendAsFastAsAllowed(new Pacer(), PlatformId.DISCORD, T0, 0, 300);
    // a Discord DM is two requests (open the DM channel, post)
    assertThat(mostInAnySecond(sent, 2)).isLessThanOrEqualTo(50);
  }

  @Test
  void oneDiscordChannelGetsAtMostFiveMessagesInAnyFiveSeconds() {
    Pacer pacer = new Pacer();
    List<Instant> sent = new ArrayList<>();
    Instant now = T0;
    for (int i = 0; i < 20; i++) {
      Outgoing post = new Outgoing.ChannelPost("p" + i, "C1", ChatMessage.plainText("page"));
      now = pacer.readyAt(PlatformId.DISCORD, post, now);
      pacer.took(PlatformId.DISCORD, post, now);
      sent.add(now);
    }
    // Discord allows 5 per 5 s per channel: a bucket refilled at 1/s took the 6th a second after
    // the first 5; no 5-second window may hold 6
    assertThat(sent.get(5)).isAfterOrEqualTo(T0.plusSeconds(5));
    for (int i = 5; i < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i - 5), sent.get(i)))
          .isGreaterThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aClockSteppingBackHoldsSendsForAtMostOnePeriodNotTheWholeStep() {
    Pacer pacer = new Pacer();
    Instant later = T0.plus(Duration.ofDays(2));
    ChatMessage hi = ChatMessage.plainText("hi");
    Outgoing dm = new Outgoing.DirectMessage("a", "U1", hi);
    for (int i = 0; i < 10; i++) {
      pacer.took(PlatformId.SLACK, new Outgoing.DirectMessage("x" + i, "V" + i, hi), later);
      pacer.took(PlatformId.DISCORD, new Outgoing.DirectMessage("y" + i, "W" + i, hi), later);
    }
    pacer.took(PlatformId.SLACK, dm, later);
    pacer.pause(PlatformId.DISCORD, later, later.plusSeconds(2)); // a 429 with Retry-After: 2

    // the clock steps back two days (NTP, a restored VM): the sends dated then count as made now,
    // the pause keeps its length; before, nothing went out for two days
    Instant now = T0;
    Outgoing next = new Outgoing.DirectMessage("b", "U2", hi);
    assertThat(pacer.readyAt(PlatformId.SLACK, next, now)).isBetween(now, now.plusMillis(1030));
    assertThat(pacer.readyAt(PlatformId.SLACK, dm, now)).isEqualTo(now.plusMillis(1030));
    assertThat(pacer.readyAt(PlatformId.DISCORD, next, now)).isEqualTo(now.plusSeconds(2));
  }
}
