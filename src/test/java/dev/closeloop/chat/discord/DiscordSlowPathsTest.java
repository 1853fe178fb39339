package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What happens when something is slow: Discord at start, the core's handler, a long 429. */
class DiscordSlowPathsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeDiscord discord;
  private DiscordPlatform platform;
  private final RecordingHandler handler = new RecordingHandler();

  @BeforeEach
  void startFake() {
    discord = FakeDiscord.start();
  }

  @AfterEach
  void stopAll() {
    if (platform != null) {
      platform.stop();
    }
    discord.close();
  }

  private void connect(Duration sendTimeout) {
    platform =
        new DiscordPlatform(
            new Config.Discord(FakeDiscord.TOKEN, discord.apiUrl(), discord.gatewayUrl()),
            sendTimeout);
    platform.start(handler);
  }

  @Test
  void discordUnavailableAtStartIsRetriedUntilItAnswers() {
    discord.failNext("GET", "users/@me", 1, 500, 0, "500: Internal Server Error");

    connect(Duration.ofSeconds(10));

    assertThat(platform.connected()).isFalse();
    await().atMost(WAIT).until(platform::connected);
    assertThat(discord.requests("GET", "users/@me"))
        .extracting(FakeDiscord.Recorded::status)
        .containsExactly(500, 200);
  }

  @Test
  void aSlowHandlerGetsTheInteractionDeferredAndItsReplySentAsAFollowUp() throws Exception {
    connect(Duration.ofSeconds(10));
    await().atMost(WAIT).until(platform::connected);
    String user = discord.snowflake();
    MessageRef ref =
        platform.send(new Outgoing.DirectMessage("slow:dm", user, DiscordPlatformTest.survey("z")));
    CountDownLatch release = new CountDownLatch(1);
    handler.answerWith(
        e -> {
          try {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          return InteractionReply.ephemeral("Thanks, noted");
        });

    FakeDiscord.Interaction click =
        discord.clickButton(user, ref.channelId(), ref.messageId(), "z:rate:3");

    await().atMost(WAIT).until(() -> !discord.interactionAnswers(click).isEmpty());
    assertThat(discord.interactionAnswers(click).get(0).path("type").asInt())
        .as("deferred update")
        .isEqualTo(6);
    release.countDown();
    await().atMost(WAIT).until(() -> discord.interactionAnswers(click).size() == 2);
    JsonNode followUp = discord.interactionAnswers(click).get(1);
    assertThat(followUp.path("content").asText()).isEqualTo("Thanks, noted");
    assertThat(followUp.path("flags").asInt() & 64).isEqualTo(64);
  }

  /**
   * A store held up (a backup, a long transaction, a lock) while one person's typed line is read:
   * before, typed DMs were handled on JDA's one event thread, so everybody's click queued behind
   * that line and missed Discord's 3 seconds. Now someone else's click is acknowledged while the
   * line is still held, and the person's own next line waits behind their first.
   */
  @Test
  void aTypedLineHeldByASlowStoreHoldsUpNoOneElsesClickAndItsPersonsLinesKeepTheirOrder()
      throws Exception {
    connect(Duration.ofSeconds(10));
    await().atMost(WAIT).until(platform::connected);
    String dana = discord.snowflake();
    String alex = discord.snowflake();
    MessageRef ref =
        platform.send(new Outgoing.DirectMessage("held:dm", alex, DiscordPlatformTest.survey("h")));
    CountDownLatch store = new CountDownLatch(1);
    handler.answerWith(
        e -> {
          if (e instanceof ChatEvent.TypedText t && t.text().equals("first")) {
            try {
              store.await(60, TimeUnit.SECONDS); // the slow store, held until the test lets go
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          }
          return InteractionReply.none();
        });
    try {
      discord.sendDm(dana, "first");
      discord.sendDm(dana, "second");
      await().atMost(WAIT).until(() -> !handler.events(ChatEvent.TypedText.class, dana).isEmpty());

      FakeDiscord.Interaction click =
          discord.clickButton(alex, ref.channelId(), ref.messageId(), "h:rate:5");

      await().atMost(WAIT).until(() -> !discord.interactionAnswers(click).isEmpty());
      assertThat(store.getCount()).as("the first line is still held").isEqualTo(1);
      assertThat(discord.interactionAnswers(click).get(0).path("type").asInt())
          .as("acknowledged (update deferred: the handler answered none)")
          .isEqualTo(6);
      assertThat(handler.events(ChatEvent.TypedText.class, dana))
          .extracting(ChatEvent.TypedText::text)
          .as("the second line waits behind the first")
          .containsExactly("first");
    } finally {
      store.countDown();
    }
    await().atMost(WAIT).until(() -> handler.events(ChatEvent.TypedText.class, dana).size() == 2);
    assertThat(handler.events(ChatEvent.TypedText.class, dana))
        .extracting(ChatEvent.TypedText::text)
        .containsExactly("first", "second");
  }

  @Test
  void aRateLimitLongerThanTheSendTimeoutIsHandedToTheOutboxWithItsWait() {
    connect(Duration.ofMillis(500));
    await().atMost(WAIT).until(platform::connected);
    String channel = discord.snowflake();
    discord.rateLimitNext("POST", "channels/" + channel + "/messages", 1, Duration.ofSeconds(3));
    ChatMessage message = new ChatMessage("hi", List.of(ChatMessage.Text.plain("hi")));

    assertThatThrownBy(() -> platform.send(new Outgoing.ChannelPost("limited", channel, message)))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TRANSIENT);
              assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
            });
  }

  @Test
  void aPostThatNeverAnswersIsReportedAsUnknownOutcomeAndIsFoundAgainByReconcile() {
    connect(Duration.ofSeconds(1));
    await().atMost(WAIT).until(platform::connected);
    String channel = discord.snowflake();
    discord.neverAnswer("POST", "channels/" + channel + "/messages", 1);
    Outgoing post =
        new Outgoing.ChannelPost(
            "lost-answer", channel, new ChatMessage("hi", List.of(ChatMessage.Text.plain("hi"))));

    assertThatThrownBy(() -> platform.send(post))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.outcomeUnknown()).as("may have been sent").isTrue();
              assertThat(e.retryAfter()).isNull();
            });

    assertThat(discord.messages(channel)).hasSize(1);
    assertThat(catching(() -> platform.reconcile(post))).isPresent();
    assertThat(discord.messages(channel)).hasSize(1);
  }

  @Test
  void aChannelTheBotCannotSeeIsRefusedForGoodWithTheRemedy() {
    connect(Duration.ofSeconds(10));
    await().atMost(WAIT).until(platform::connected);
    String channel = discord.snowflake();
    discord.failNext("POST", "channels/" + channel + "/messages", 1, 403, 50001, "Missing Access");
    ChatMessage message = new ChatMessage("hi", List.of(ChatMessage.Text.plain("hi")));

    assertThatThrownBy(() -> platform.send(new Outgoing.ChannelPost("digest", channel, message)))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
              assertThat(e.remedy()).contains("View Channel");
            });
  }

  private interface Lookup {
    java.util.Optional<MessageRef> run() throws DeliveryException;
  }

  private static java.util.Optional<MessageRef> catching(Lookup lookup) {
    try {
      return lookup.run();
    } catch (DeliveryException e) {
      throw new AssertionError(e);
    }
  }
}
