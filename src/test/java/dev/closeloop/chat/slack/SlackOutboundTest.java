package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.DeliveryException.Kind;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends, lookups and reconcile through the real Slack client against {@link FakeSlack}. */
class SlackOutboundTest {
  static final String DANA = "U0DANA";
  static final String DIGEST = "C0DIGEST";

  FakeSlack fake;
  SlackPlatform slack;
  MutableClock clock = new MutableClock();

  @BeforeEach
  void start() {
    fake = FakeSlack.start();
    fake.user(DANA, "dana@example.com", "dana", "Europe/Berlin").channel(DIGEST);
    slack =
        new SlackPlatform(
            fake.httpModeConfig("secret"),
            new SlackPlatform.Options(
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                clock));
  }

  @AfterEach
  void stop() {
    slack.stop();
    fake.close();
  }

  static ChatMessage text(String s) {
    return new ChatMessage(s, List.of(ChatMessage.Text.plain(s)));
  }

  @Test
  void rateLimitIsReportedWithSlacksRetryAfterAndNotRetriedSilently() {
    fake.rateLimit("chat.postMessage", 1, 37);

    assertThatThrownBy(() -> slack.send(new Outgoing.ChannelPost("k1", DIGEST, text("digest"))))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(37));
            });
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    assertThat(fake.messages(DIGEST)).isEmpty();
  }

  @Test
  void aRedirectIsNotFollowedToAnotherHost() throws Exception {
    // Slack's API answers 302 to a metadata-like address on this machine: nothing may be called
    // there on its word; an answer that is not Slack's is a failed send, retried later
    try (dev.closeloop.testing.Elsewhere elsewhere =
        new dev.closeloop.testing.Elsewhere("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\"}")) {
      fake.redirect("chat.postMessage", elsewhere.url("/latest/meta-data/iam"), 1);

      assertThatThrownBy(
              () -> slack.send(new Outgoing.ChannelPost("k1", DIGEST, text("Dana's comment"))))
          .isInstanceOfSatisfying(
              DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
      // before: OkHttp followed the 302 there (as a GET: an internal address called on Slack's
      // word)
      assertThat(elsewhere.calls()).isZero();
    }
  }

  @Test
  void serverErrorsAndNetworkFailuresAreTransient() {
    fake.failWithStatus("chat.postMessage", 503, 1);
    assertThatThrownBy(() -> slack.send(new Outgoing.ChannelPost("k", DIGEST, text("x"))))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
              assertThat(e.retryAfter()).isNull();
            });

    fake.close();
    assertThatThrownBy(() -> slack.send(new Outgoing.ChannelPost("k", DIGEST, text("x"))))
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    assertThat(slack.lookup(new Recipient("nobody-yet@example.com", null, null)))
        .isInstanceOf(UserLookup.Unavailable.class);
  }

  @Test
  void refusalsArePermanentAndUnknownUsersSaySo() {
    fake.failWith("chat.postMessage", "cannot_dm_bot", 1);
    assertThatThrownBy(() -> slack.send(new Outgoing.DirectMessage("k", DANA, text("x"))))
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));

    // an id Slack does not know: channel_not_found, then conversations.open says user_not_found
    assertThatThrownBy(() -> slack.send(new Outgoing.DirectMessage("k", "U0GONE", text("x"))))
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_USER));
    assertThat(fake.lastCall("conversations.open").param("users")).isEqualTo("U0GONE");

    fake.deactivate(DANA);
    assertThatThrownBy(() -> slack.send(new Outgoing.DirectMessage("k", DANA, text("x"))))
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_USER));
  }

  @Test
  void aMessageOverFiftyBlocksIsRefusedBeforeAnyCall() {
    List<ChatMessage.Block> blocks = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      blocks.add(ChatMessage.Text.plain("negative " + i));
    }
    assertThatThrownBy(
            () ->
                slack.send(
                    new Outgoing.ChannelPost("k", DIGEST, new ChatMessage("digest", blocks))))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.getMessage()).contains("60 blocks");
            });
    assertThat(fake.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void escapedCommentIsPostedInert() throws Exception {
    String comment = "<!channel> <@U123> & <b>";
    slack.send(
        new Outgoing.ChannelPost(
            "k",
            DIGEST,
            new ChatMessage("Comment: " + comment, List.of(ChatMessage.Text.plain(comment)))));

    FakeSlack.ApiCall post = fake.lastCall("chat.postMessage");
    assertThat(post.json("blocks").at("/0/text/text").asText())
        .isEqualTo("&lt;!channel&gt; &lt;@U123&gt; &amp; &lt;b&gt;");
    assertThat(post.param("text"))
        .isEqualTo("Comment: &lt;!channel&gt; &lt;@U123&gt; &amp; &lt;b&gt;");
  }

  @Test
  void updateEditsTheMessageInPlace() throws Exception {
    MessageRef ref = slack.send(new Outgoing.DirectMessage("k", DANA, text("Rate us")));

    MessageRef updated = slack.send(new Outgoing.Update("k-2", ref, text("Thanks, you rated 4")));

    assertThat(updated).isEqualTo(ref);
    assertThat(fake.lastCall("chat.update").param("ts")).isEqualTo(ref.messageId());
    assertThat(fake.message(ref).orElseThrow().text()).isEqualTo("Thanks, you rated 4");
    assertThat(fake.messages(ref.channelId())).hasSize(1);

    fake.failWith("chat.update", "message_not_found", 1);
    assertThatThrownBy(() -> slack.send(new Outgoing.Update("k-3", ref, text("again"))))
        .isInstanceOfSatisfying(
            DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
  }

  @Test
  void imageIsUploadedInThreeStepsAndSharedToTheChannel() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    MessageRef ref =
        slack.send(new Outgoing.Image("weekly-1", DIGEST, "csat-2026-W48.png", "CSAT trend", png));

    assertThat(fake.lastCall("files.getUploadURLExternal").param("filename"))
        .isEqualTo("csat-2026-W48.png");
    assertThat(fake.lastCall("files.getUploadURLExternal").param("length")).isEqualTo("7");
    assertThat(fake.uploads().get(ref.messageId())).isEqualTo(png);
    assertThat(fake.lastCall("files.completeUploadExternal").param("channel_id")).isEqualTo(DIGEST);
    assertThat(fake.messages(DIGEST)).hasSize(1);
    assertThat(
            slack.reconcile(
                new Outgoing.Image("weekly-1", DIGEST, "csat-2026-W48.png", "CSAT trend", png)))
        .contains(ref);
  }

  @Test
  void reconcileFindsASentMessageByItsOutboxKey() throws Exception {
    MessageRef dm = slack.send(new Outgoing.DirectMessage("survey-42", DANA, text("Rate us")));
    MessageRef post = slack.send(new Outgoing.ChannelPost("digest-1", DIGEST, text("Digest")));
    for (int i = 0; i < 120; i++) {
      slack.send(new Outgoing.ChannelPost("other-" + i, DIGEST, text("noise")));
    }

    assertThat(slack.reconcile(new Outgoing.DirectMessage("survey-42", DANA, text("Rate us"))))
        .contains(dm);
    assertThat(slack.reconcile(new Outgoing.ChannelPost("digest-1", DIGEST, text("Digest"))))
        .contains(post);
    assertThat(slack.reconcile(new Outgoing.ChannelPost("never-sent", DIGEST, text("x"))))
        .isEmpty();
    assertThat(fake.lastCall("conversations.history").param("include_all_metadata")).isEqualTo("1");

    fake.rateLimit("conversations.history", 1, 5);
    assertThatThrownBy(
            () -> slack.reconcile(new Outgoing.ChannelPost("digest-1", DIGEST, text("Digest"))))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
  }

  @Test
  void slackIdWinsAndBringsTheTimeZone() {
    assertThat(slack.lookup(new Recipient("someone-else@example.com", DANA, null)))
        .isEqualTo(new UserLookup.Found(DANA, "Europe/Berlin"));
    assertThat(fake.calls("users.lookupByEmail")).isEmpty();
    assertThat(fake.lastCall("users.info").param("user")).isEqualTo(DANA);
  }

  @Test
  void emailLookupIsCachedUntilItExpires() {
    Recipient dana = new Recipient("Dana@Example.com", null, null);

    assertThat(slack.lookup(dana)).isEqualTo(new UserLookup.Found(DANA, "Europe/Berlin"));
    assertThat(slack.lookup(dana)).isEqualTo(new UserLookup.Found(DANA, "Europe/Berlin"));
    assertThat(fake.calls("users.lookupByEmail")).hasSize(1);

    clock.advance(Duration.ofMinutes(61));
    slack.lookup(dana);
    assertThat(fake.calls("users.lookupByEmail")).hasSize(2);
  }

  @Test
  void unknownOrDeactivatedPeopleAreUnknownAndRateLimitsAreUnavailable() {
    assertThat(slack.lookup(new Recipient("ghost@example.com", null, null)))
        .isEqualTo(new UserLookup.Unknown("users_not_found"));

    fake.user("U0LEFT", "left@example.com", "left", null);
    fake.deactivate("U0LEFT");
    assertThat(slack.lookup(new Recipient("left@example.com", null, null)))
        .isInstanceOf(UserLookup.Unknown.class);

    fake.rateLimit("users.lookupByEmail", 1, 30);
    assertThat(slack.lookup(new Recipient("new@example.com", null, null)))
        .isInstanceOf(UserLookup.Unavailable.class);
    assertThat(slack.lookup(new Recipient(null, null, "1234")))
        .isInstanceOf(UserLookup.Unknown.class);
  }

  /** A settable clock (style: never sleep, move time). */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
