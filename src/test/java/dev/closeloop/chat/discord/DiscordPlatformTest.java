package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Actions;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.ChatMessage.Card;
import dev.closeloop.chat.ChatMessage.Header;
import dev.closeloop.chat.ChatMessage.Span;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import dev.closeloop.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Discord adapter end to end: the real JDA against {@link FakeDiscord}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordPlatformTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeDiscord discord;
  private DiscordPlatform platform;
  private final RecordingHandler handler = new RecordingHandler();

  @BeforeAll
  void connect() {
    discord = FakeDiscord.start();
    // no gatewayUrl: the adapter must ask GET gateway/bot
    platform = new DiscordPlatform(new Config.Discord(FakeDiscord.TOKEN, discord.apiUrl(), ""));
    platform.start(handler);
    await().atMost(WAIT).until(platform::connected);
    await().atMost(WAIT).until(() -> !discord.commands().isEmpty());
  }

  @AfterAll
  void disconnect() {
    platform.stop();
    discord.close();
  }

  @Test
  void connectsWithOnlyTheDirectMessagesIntentToTheGatewayNamedByTheApi() {
    assertThat(discord.requests("GET", "gateway/bot")).isNotEmpty();
    int guilds = 1; // JDA always adds it; not privileged
    int directMessages = 1 << 12;
    int privileged = (1 << 1) | (1 << 8) | (1 << 15); // members, presences, message content
    int intents = discord.lastIdentify().orElseThrow().path("intents").asInt();
    assertThat(intents).isEqualTo(guilds | directMessages);
    assertThat(intents & privileged).isZero();
    assertThat(discord.identifies()).isEqualTo(1);
    assertThat(platform.connected()).isTrue();
  }

  @Test
  void registersTheCloseloopSlashCommandWithItsSubcommands() {
    JsonNode command = discord.commands().get(0);
    assertThat(command.path("name").asText()).isEqualTo("closeloop");
    assertThat(names(command.path("options")))
        .containsExactly("stats", "optout", "optin", "link", "verify");
  }

  @Test
  void theSlashCommandIsDescribedInTheBundledLanguages() {
    JsonNode command = discord.commands().get(0);
    assertThat(command.path("description").asText()).isEqualTo("Your Closeloop surveys");
    assertThat(command.path("description_localizations").path("de").asText())
        .isEqualTo("Deine Closeloop-Umfragen");
    assertThat(command.path("description_localizations").path("ja").asText())
        .isEqualTo("Closeloopのアンケート");
    JsonNode optout = command.path("options").get(1);
    assertThat(optout.path("description_localizations").path("pt-BR").asText())
        .isEqualTo("Parar de me enviar pesquisas");
    assertThat(optout.path("description_localizations").path("es-ES").asText())
        .isEqualTo("No enviarme más encuestas");
  }

  @Test
  void surveyDmIsAnEmbedWithRatingButtonsWhoseCustomIdsEndInTheScore() throws Exception {
    String user = discord.snowflake();

    MessageRef ref = platform.send(new Outgoing.DirectMessage("survey-1:dm", user, survey("s1")));

    assertThat(ref.channelId()).isEqualTo(discord.dmChannelOf(user));
    assertThat(
            discord.requests("POST", "users/@me/channels").stream()
                .map(r -> r.json().path("recipient_id").asText()))
        .contains(user);
    JsonNode sent = discord.dmMessages(user).get(0);
    assertThat(sent.path("id").asText()).isEqualTo(ref.messageId());
    JsonNode embed = sent.path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("INC\\-1042 VPN drops every hour");
    assertThat(embed.path("url").asText()).isEqualTo("https://tickets.example.com/INC-1042");
    assertThat(customIds(sent))
        .contains("s1:rate:1", "s1:rate:2", "s1:rate:3", "s1:rate:4", "s1:rate:5", "s1:more");
    assertThat(customIds(sent).stream().filter(id -> id.matches(".*:[1-5]"))).hasSize(5);
    JsonNode body =
        discord.requests("POST", "channels/" + ref.channelId() + "/messages").get(0).json();
    assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
    assertThat(body.path("enforce_nonce").asBoolean()).isTrue();
    assertThat(body.path("nonce").asText()).hasSizeBetween(1, 25);
  }

  @Test
  void buttonClickBecomesButtonClickWithTheScoreAndIsAcknowledged() throws Exception {
    String user = discord.snowflake();
    MessageRef ref = platform.send(new Outgoing.DirectMessage("survey-2:dm", user, survey("s2")));

    FakeDiscord.Interaction click =
        discord.clickButton(user, ref.channelId(), ref.messageId(), "s2:rate:4");

    await().atMost(WAIT).until(() -> !handler.events(ChatEvent.ButtonClick.class, user).isEmpty());
    assertThat(handler.events(ChatEvent.ButtonClick.class, user))
        .containsExactly(
            new ChatEvent.ButtonClick(
                PlatformId.DISCORD, user, "user-" + user, "s2:rate:4", "4", ref, "en-US"));
    await().atMost(WAIT).until(() -> !discord.interactionAnswers(click).isEmpty());
    assertThat(discord.interactionAnswers(click).get(0).path("type").asInt())
        .as("deferred update (ack without a visible reply)")
        .isEqualTo(6);
  }

  @Test
  void anEphemeralReplyToAClickIsOnlyForTheClicker() throws Exception {
    String user = discord.snowflake();
    MessageRef ref = platform.send(new Outgoing.DirectMessage("survey-3:dm", user, survey("s3")));
    handler.answerWith(e -> InteractionReply.ephemeral("Already answered, thanks!"));
    try {
      FakeDiscord.Interaction click =
          discord.clickButton(user, ref.channelId(), ref.messageId(), "s3:rate:2");

      await().atMost(WAIT).until(() -> !discord.interactionAnswers(click).isEmpty());
      JsonNode answer = discord.interactionAnswers(click).get(0);
      assertThat(answer.path("type").asInt()).isEqualTo(4);
      assertThat(answer.path("data").path("flags").asInt() & 64).isEqualTo(64);
      assertThat(answer.path("data").path("content").asText())
          .isEqualTo("Already answered, thanks!");
    } finally {
      handler.answerWith(e -> InteractionReply.none());
    }
  }

  @Test
  void mentionsChannelsAndServerEmojiInATypedDmArriveAsThePersonSawThem() {
    // kept raw, a comment read "<@300000000000000077> broke it <:facepalm:1234>" in the digest,
    // the export and the helpdesk's note
    String user = "300000000000000076";
    discord.addUser("300000000000000077", "Alex Kim");
    discord.sendDm(
        user,
        "<@300000000000000077> and <@!300000000000000099> broke it in <#400000000000000001>,"
            + " ask <@&500000000000000001> <:facepalm:123456789012345678> [x](http://evil.example)");

    await().atMost(WAIT).until(() -> !handler.events(ChatEvent.TypedText.class, user).isEmpty());
    assertThat(handler.events(ChatEvent.TypedText.class, user))
        .containsExactly(
            new ChatEvent.TypedText(
                PlatformId.DISCORD,
                user,
                "@Alex Kim and @user broke it in #channel, ask @role :facepalm:"
                    + " [x](http://evil.example)"));
  }

  @Test
  void typedDmBecomesTypedText() {
    String user = discord.snowflake();

    discord.sendDm(user, "four, and thanks");

    await().atMost(WAIT).until(() -> !handler.events(ChatEvent.TypedText.class, user).isEmpty());
    assertThat(handler.events(ChatEvent.TypedText.class, user))
        .containsExactly(new ChatEvent.TypedText(PlatformId.DISCORD, user, "four, and thanks"));
  }

  @Test
  void tellUsMoreOpensAModalWhoseSubmissionBecomesModalSubmit() throws Exception {
    String user = discord.snowflake();
    MessageRef ref = platform.send(new Outgoing.DirectMessage("survey-4:dm", user, survey("s4")));
    handler.answerWith(
        e ->
            e instanceof ChatEvent.ButtonClick click && click.actionId().equals("s4:more")
                ? new InteractionReply.OpenModal(
                    "s4:comment", "Tell us more", "What happened?", "Optional")
                : InteractionReply.none());
    try {
      FakeDiscord.Interaction click =
          discord.clickButton(user, ref.channelId(), ref.messageId(), "s4:more");
      await().atMost(WAIT).until(() -> !discord.interactionAnswers(click).isEmpty());
      JsonNode modal = discord.interactionAnswers(click).get(0);
      assertThat(modal.path("type").asInt()).isEqualTo(9);
      assertThat(modal.path("data").path("custom_id").asText()).isEqualTo("s4:comment");
      assertThat(modal.path("data").path("title").asText()).isEqualTo("Tell us more");
      JsonNode label = modal.path("data").path("components").get(0);
      assertThat(label.path("type").asInt()).as("Label").isEqualTo(18);
      assertThat(label.path("component").path("type").asInt()).as("TextInput").isEqualTo(4);
      String inputId = label.path("component").path("custom_id").asText();

      FakeDiscord.Interaction submit =
          discord.submitModal(
              user,
              ref.channelId(),
              ref.messageId(),
              "s4:comment",
              inputId,
              "It dropped again @here");

      await()
          .atMost(WAIT)
          .until(() -> !handler.events(ChatEvent.ModalSubmit.class, user).isEmpty());
      assertThat(handler.events(ChatEvent.ModalSubmit.class, user))
          .containsExactly(
              new ChatEvent.ModalSubmit(
                  PlatformId.DISCORD,
                  user,
                  "user-" + user,
                  "s4:comment",
                  "It dropped again @here",
                  "en-US"));
      await().atMost(WAIT).until(() -> !discord.interactionAnswers(submit).isEmpty());
      assertThat(discord.interactionAnswers(submit).get(0).path("type").asInt()).isEqualTo(6);
    } finally {
      handler.answerWith(e -> InteractionReply.none());
    }
  }

  @Test
  void slashCommandBecomesCommandAndIsAnsweredEphemerally() {
    String user = discord.snowflake();
    handler.answerWith(
        e ->
            e instanceof ChatEvent.Command
                ? InteractionReply.ephemeral("Linked me@x.org")
                : InteractionReply.none());
    try {
      FakeDiscord.Interaction command =
          discord.slashCommand(user, "link", Map.of("email", "me@x.org"));

      await().atMost(WAIT).until(() -> !handler.events(ChatEvent.Command.class, user).isEmpty());
      assertThat(handler.events(ChatEvent.Command.class, user))
          .containsExactly(
              new ChatEvent.Command(
                  PlatformId.DISCORD, user, "user-" + user, "link me@x.org", "en-US"));
      await().atMost(WAIT).until(() -> !discord.interactionAnswers(command).isEmpty());
      JsonNode answer = discord.interactionAnswers(command).get(0);
      assertThat(answer.path("type").asInt()).isEqualTo(4);
      assertThat(answer.path("data").path("flags").asInt() & 64).isEqualTo(64);
      assertThat(answer.path("data").path("content").asText()).isEqualTo("Linked me@x.org");
    } finally {
      handler.answerWith(e -> InteractionReply.none());
    }
  }

  @Test
  void aSubcommandWithoutOptionsArrivesAsItsName() {
    String user = discord.snowflake();

    FakeDiscord.Interaction command = discord.slashCommand(user, "stats", Map.of());

    await().atMost(WAIT).until(() -> !handler.events(ChatEvent.Command.class, user).isEmpty());
    assertThat(handler.events(ChatEvent.Command.class, user).get(0).args()).isEqualTo("stats");
    await().atMost(WAIT).until(() -> !discord.interactionAnswers(command).isEmpty());
    assertThat(discord.interactionAnswers(command).get(0).path("data").path("flags").asInt() & 64)
        .isEqualTo(64);
  }

  @Test
  void aUserWithClosedDmsIsDmClosed() {
    String user = discord.snowflake();
    discord.closeDms(user);

    assertThatThrownBy(
            () -> platform.send(new Outgoing.DirectMessage("survey-5:dm", user, survey("s5"))))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.DM_CLOSED));
  }

  @Test
  void anUnknownUserIsUnknownForLookupAndSend() {
    String known = discord.snowflake();
    String gone = discord.snowflake();
    discord.forgetUser(gone);

    assertThat(platform.lookup(new Recipient(null, null, known)))
        .isEqualTo(new UserLookup.Found(known, null));
    assertThat(platform.lookup(new Recipient(null, null, gone)))
        .isInstanceOf(UserLookup.Unknown.class);
    assertThat(platform.lookup(new Recipient("a@b.c", null, null)))
        .isInstanceOf(UserLookup.Unknown.class);
    assertThatThrownBy(
            () -> platform.send(new Outgoing.DirectMessage("survey-6:dm", gone, survey("s6"))))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.UNKNOWN_USER));
  }

  @Test
  void serverErrorsAreTransientAndRefusalsPermanent() {
    String channel = discord.snowflake();
    discord.failNext(
        "POST", "channels/" + channel + "/messages", 1, 500, 0, "500: Internal Server Error");
    discord.failNext(
        "POST", "channels/" + channel + "/messages", 1, 403, 50013, "Missing Permissions");
    ChatMessage message = new ChatMessage("hi", List.of(ChatMessage.Text.plain("hi")));

    assertThatThrownBy(() -> platform.send(new Outgoing.ChannelPost("post-1", channel, message)))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TRANSIENT));
    assertThatThrownBy(() -> platform.send(new Outgoing.ChannelPost("post-1", channel, message)))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT));
  }

  @Test
  void aRedirectIsNotFollowedToAnotherHost() {
    // Discord's API answers 302 to another address on this machine: nothing may be called
    // there on its word; an answer that is not Discord's is a failed send
    try (dev.closeloop.testing.Elsewhere elsewhere =
        new dev.closeloop.testing.Elsewhere("{\"id\":\"1\"}")) {
      String channel = discord.snowflake();
      discord.redirectNext(
          "POST", "channels/" + channel + "/messages", elsewhere.url("/latest/meta-data/iam"));

      try {
        platform.send(
            new Outgoing.ChannelPost(
                "post-r", channel, new ChatMessage("hi", List.of(ChatMessage.Text.plain("hi")))));
      } catch (DeliveryException expected) {
        // a 302 is not a sent message
      }
      // before: OkHttp followed the 302 there (as a GET: an internal address called on Discord's
      // word)
      assertThat(elsewhere.calls()).isZero();
    }
  }

  @Test
  void a429IsWaitedOutForRetryAfterThenSent() throws Exception {
    String channel = discord.snowflake();
    String route = "channels/" + channel + "/messages";
    discord.rateLimitNext("POST", route, 1, Duration.ofSeconds(1));

    MessageRef ref =
        platform.send(
            new Outgoing.ChannelPost(
                "post-2", channel, new ChatMessage("hi", List.of(ChatMessage.Text.plain("hi")))));

    List<FakeDiscord.Recorded> posts = discord.requests("POST", route);
    assertThat(posts).extracting(FakeDiscord.Recorded::status).containsExactly(429, 200);
    Duration waited = Duration.ofNanos(posts.get(1).nanoTime() - posts.get(0).nanoTime());
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(ref.messageId()).isEqualTo(discord.messages(channel).get(0).path("id").asText());
  }

  @Test
  void userTextIsInertAndNobodyIsPinged() throws Exception {
    String channel = discord.snowflake();
    String comment = "@everyone <@123> **bold** `code` [x](https://evil.example) @here";
    ChatMessage digest =
        new ChatMessage(
            comment,
            List.of(
                new ChatMessage.Text(List.of(new Span.Bold("Comment: "), new Span.Plain(comment))),
                new Card(
                    "INC-1 " + comment,
                    "https://tickets.example.com/1",
                    List.of(new Span.Plain(comment)))));

    platform.send(new Outgoing.ChannelPost("digest-1", channel, digest));

    JsonNode body = discord.requests("POST", "channels/" + channel + "/messages").get(0).json();
    assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
    String content = body.path("content").asText();
    String description = body.path("embeds").get(0).path("description").asText();
    for (String text : List.of(content, description)) {
      assertThat(text)
          .contains(
              "@\u200Beveryone",
              "@\u200Bhere",
              "\\<@123\\>",
              "\\*\\*bold\\*\\*",
              "\\`code\\`",
              "\\[x\\]\\(https\\:")
          .doesNotContain("@everyone", "@here", " <@123>", " **bold**");
    }
    assertThat(content).startsWith("**Comment\\:** ");
  }

  @Test
  void aLargeDigestIsSplitIntoMessagesWithinDiscordLimits() throws Exception {
    String channel = discord.snowflake();
    List<ChatMessage.Block> blocks = new ArrayList<>();
    blocks.add(new Header("Daily digest: 40 negative answers"));
    for (int i = 1; i <= 40; i++) {
      blocks.add(
          new Card(
              "INC-" + i + " printer on fire",
              "https://t.example/" + i,
              List.of(new Span.Plain("Score 1. " + "It is still broken. ".repeat(40)))));
      blocks.add(
          new Actions(
              List.of(
                  new Button(
                      "inc:" + i + ":take", "I'll take INC-" + i, "take", Button.Style.PRIMARY),
                  new Button("inc:" + i + ":done", "Followed up", "done", Button.Style.DEFAULT))));
    }

    MessageRef first =
        platform.send(
            new Outgoing.ChannelPost("digest-2", channel, new ChatMessage("digest", blocks)));

    List<FakeDiscord.Recorded> posts =
        discord.requests("POST", "channels/" + channel + "/messages");
    assertThat(posts).allSatisfy(p -> assertThat(p.status()).isEqualTo(200));
    assertThat(posts.size()).isGreaterThan(1);
    int embeds = 0;
    for (FakeDiscord.Recorded post : posts) {
      JsonNode json = post.json();
      assertThat(json.path("embeds").size()).isLessThanOrEqualTo(10);
      assertThat(json.path("components").size()).isLessThanOrEqualTo(5);
      int total = 0;
      for (JsonNode embed : json.path("embeds")) {
        total +=
            embed.path("title").asText().length() + embed.path("description").asText().length();
      }
      assertThat(total).isLessThanOrEqualTo(6000);
      embeds += json.path("embeds").size();
    }
    assertThat(embeds).isEqualTo(40);
    assertThat(first.messageId()).isEqualTo(discord.messages(channel).get(0).path("id").asText());
  }

  @Test
  void anUpdateEditsTheMessageInPlace() throws Exception {
    String user = discord.snowflake();
    MessageRef ref = platform.send(new Outgoing.DirectMessage("survey-7:dm", user, survey("s7")));
    ChatMessage answered =
        new ChatMessage(
            "Thanks",
            List.of(
                new Header("Thanks, you rated 4/5"),
                ChatMessage.Text.plain("We read every answer.")));

    MessageRef target = platform.send(new Outgoing.Update("survey-7:update", ref, answered));

    assertThat(target).isEqualTo(ref);
    JsonNode stored = discord.dmMessages(user).get(0);
    assertThat(stored.path("content").asText()).contains("Thanks, you rated 4/5");
    assertThat(stored.path("components")).isEmpty();
    assertThat(stored.path("embeds")).isEmpty();
    JsonNode patch =
        discord
            .requests("PATCH", "channels/" + ref.channelId() + "/messages/" + ref.messageId())
            .get(0)
            .json();
    assertThat(patch.path("allowed_mentions").path("parse")).isEmpty();
  }

  @Test
  void reconcileFindsAMessageAlreadySentForItsKeyAndAResendReturnsTheSameMessage()
      throws Exception {
    String user = discord.snowflake();
    Outgoing.DirectMessage dm = new Outgoing.DirectMessage("survey-8:dm", user, survey("s8"));
    assertThat(platform.reconcile(dm)).isEmpty();

    MessageRef ref = platform.send(dm);

    assertThat(platform.reconcile(dm)).contains(ref);
    assertThat(platform.reconcile(new Outgoing.DirectMessage("survey-9:dm", user, survey("s9"))))
        .isEmpty();
    assertThat(platform.send(dm)).as("enforce_nonce returns the earlier message").isEqualTo(ref);
    assertThat(discord.dmMessages(user)).hasSize(1);
  }

  @Test
  void anImageIsUploadedAsAPngAttachment() throws Exception {
    String channel = discord.snowflake();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    MessageRef ref =
        platform.send(new Outgoing.Image("weekly-1", channel, "trend.png", "CSAT trend", png));

    FakeDiscord.Recorded post =
        discord.requests("POST", "channels/" + channel + "/messages").get(0);
    assertThat(post.files()).containsExactly("trend.png");
    assertThat(post.json().path("content").asText()).startsWith("CSAT trend");
    assertThat(ref.messageId()).isEqualTo(discord.messages(channel).get(0).path("id").asText());
  }

  // ---------------------------------------------------------------- helpers

  static ChatMessage survey(String id) {
    List<Button> ratings =
        IntStream.rangeClosed(1, 5)
            .mapToObj(
                n ->
                    new Button(
                        id + ":rate:" + n,
                        Integer.toString(n),
                        Integer.toString(n),
                        Button.Style.DEFAULT))
            .toList();
    return new ChatMessage(
        "How did we do on INC-1042?",
        List.of(
            new Header("How did we do?"),
            new Card(
                "INC-1042 VPN drops every hour",
                "https://tickets.example.com/INC-1042",
                List.of(new Span.Plain("Closed by Alex today."))),
            new Actions(
                List.of(
                    new Button(id + ":fixed:yes", "Resolved", "yes", Button.Style.PRIMARY),
                    new Button(id + ":fixed:no", "Not fixed", "no", Button.Style.DANGER))),
            new Actions(ratings),
            new Actions(
                List.of(
                    new Button(id + ":more", "Tell us more", "more", Button.Style.DEFAULT),
                    new Button(id + ":stop", "Stop asking me", "stop", Button.Style.DEFAULT)))));
  }

  private static List<String> customIds(JsonNode message) {
    List<String> ids = new ArrayList<>();
    for (JsonNode row : message.path("components")) {
      for (JsonNode button : row.path("components")) {
        ids.add(button.path("custom_id").asText());
      }
    }
    return ids;
  }

  private static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.path("name").asText())
        .toList();
  }
}
