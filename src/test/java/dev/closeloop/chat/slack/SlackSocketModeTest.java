package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter in Socket Mode, through the real Bolt client, against {@link FakeSlack}. */
class SlackSocketModeTest {
  static final String DANA = "U0DANA";

  /** Short timings so that reconnects happen within a test; the defaults are for production. */
  static final SlackPlatform.Options FAST =
      new SlackPlatform.Options(
          Duration.ofMillis(500),
          Duration.ofMillis(50),
          Duration.ofMillis(50),
          Duration.ofMillis(500),
          Clock.systemUTC());

  FakeSlack fake;
  SlackPlatform slack;
  RecordingHandler handler;

  @BeforeEach
  void start() {
    fake = FakeSlack.start();
    fake.user(DANA, "dana@example.com", "dana", "Europe/Berlin");
    slack = new SlackPlatform(fake.socketModeConfig(), FAST);
    handler = new RecordingHandler();
    slack.start(handler);
    eventually().until(slack::connected);
  }

  @AfterEach
  void stop() {
    slack.stop();
    fake.close();
  }

  static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20));
  }

  static ChatMessage survey(String ticket) {
    List<Button> ratings =
        IntStream.rangeClosed(1, 5)
            .mapToObj(
                i ->
                    new Button(
                        "closeloop:rate:" + i,
                        Integer.toString(i),
                        Integer.toString(i),
                        Button.Style.DEFAULT))
            .toList();
    return new ChatMessage(
        "How did we do with " + ticket + "?",
        List.of(
            new ChatMessage.Header("How did we do?"),
            new ChatMessage.Card(
                ticket + " VPN drops every hour",
                "https://tickets.example/" + ticket,
                List.of(new ChatMessage.Span.Plain("Closed by Alex"))),
            new ChatMessage.Actions(
                List.of(
                    new Button("closeloop:fixed", "Fixed", "fixed", Button.Style.PRIMARY),
                    new Button(
                        "closeloop:notfixed", "Not fixed", "notfixed", Button.Style.DANGER))),
            new ChatMessage.Actions(ratings),
            new ChatMessage.Actions(
                List.of(new Button("closeloop:more", "Tell us more", "more", null))),
            new ChatMessage.Context("Reply here any time.")));
  }

  @Test
  void surveyDmIsPostedToTheUserIdWithBlocksButtonsAndOutboxKey() throws Exception {
    MessageRef ref = slack.send(new Outgoing.DirectMessage("outbox-1", DANA, survey("INC-1042")));

    assertThat(ref).isEqualTo(new MessageRef(fake.dmChannel(DANA), ref.messageId()));
    FakeSlack.ApiCall post = fake.lastCall("chat.postMessage");
    assertThat(post.headers().get("authorization"))
        .containsExactly("Bearer " + FakeSlack.BOT_TOKEN);
    assertThat(post.param("channel")).isEqualTo(DANA);
    assertThat(post.param("text")).isEqualTo("How did we do with INC-1042?");
    assertThat(post.json("metadata").toString())
        .isEqualTo(
            "{\"event_type\":\"closeloop_outbox\",\"event_payload\":{\"key\":\"outbox-1\"}}");
    JsonNode blocks = post.json("blocks");
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).at("/text/text").asText())
        .isEqualTo(
            "*<https://tickets.example/INC-1042|INC-1042 VPN drops every hour>*\nClosed by Alex");
    List<String> values = new ArrayList<>();
    blocks.get(3).get("elements").forEach(b -> values.add(b.get("value").asText()));
    assertThat(values).containsExactly("1", "2", "3", "4", "5");
    assertThat(fake.calls("conversations.open")).isEmpty();
    assertThat(fake.messages(fake.dmChannel(DANA))).hasSize(1);
  }

  @Test
  void buttonClickReachesTheHandlerAndIsAcked() throws Exception {
    MessageRef ref = slack.send(new Outgoing.DirectMessage("k", DANA, survey("INC-1")));

    String envelope = fake.sendBlockAction(DANA, ref, "closeloop:rate:4", "4");

    eventually().until(() -> !handler.events().isEmpty());
    assertThat(handler.events())
        .containsExactly(
            new ChatEvent.ButtonClick(
                PlatformId.SLACK, DANA, "dana", "closeloop:rate:4", "4", ref));
    eventually().until(() -> fake.acked(envelope));
  }

  /**
   * A store held up while one person's typed line is read: before, every event went through one
   * thread, so another person's click waited behind that line, and the modal it asked for was
   * opened after its trigger_id (3 seconds) had expired. Now the modal opens while the line is
   * still held, and the person's own next line waits behind their first.
   */
  @Test
  void aTypedLineHeldByASlowStoreHoldsUpNoOneElsesModalAndItsPersonsLinesKeepTheirOrder()
      throws Exception {
    fake.user("U0ALEX", "alex@example.com", "alex", "Europe/Berlin");
    java.util.concurrent.CountDownLatch store = new java.util.concurrent.CountDownLatch(1);
    handler.replyWith(
        e -> {
          if (e instanceof ChatEvent.TypedText t && t.text().equals("first")) {
            try {
              store.await(60, java.util.concurrent.TimeUnit.SECONDS); // held until the test lets go
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          }
          return e instanceof ChatEvent.ButtonClick
              ? new InteractionReply.OpenModal("comment:survey-8", "Tell us more", "What?", "")
              : InteractionReply.none();
        });
    MessageRef ref = slack.send(new Outgoing.DirectMessage("k", "U0ALEX", survey("INC-8")));
    try {
      fake.sendDirectMessage(DANA, "first");
      fake.sendDirectMessage(DANA, "second");
      eventually().until(() -> !handler.events(ChatEvent.TypedText.class).isEmpty());

      fake.sendBlockAction("U0ALEX", ref, "closeloop:more", "more");

      eventually().until(() -> !fake.openedViews().isEmpty());
      assertThat(store.getCount()).as("the first line is still held").isEqualTo(1);
      assertThat(handler.events(ChatEvent.TypedText.class))
          .extracting(ChatEvent.TypedText::text)
          .as("the second line waits behind the first")
          .containsExactly("first");
    } finally {
      store.countDown();
    }
    eventually().until(() -> handler.events(ChatEvent.TypedText.class).size() == 2);
    assertThat(handler.events(ChatEvent.TypedText.class))
        .extracting(ChatEvent.TypedText::text)
        .containsExactly("first", "second");
  }

  @Test
  void staleClickGetsAnEphemeralReplyThroughResponseUrl() throws Exception {
    handler.replyWith(e -> InteractionReply.ephemeral("This survey is closed <!here>"));
    MessageRef ref = slack.send(new Outgoing.DirectMessage("k", DANA, survey("INC-1")));

    fake.sendBlockAction(DANA, ref, "closeloop:rate:2", "2");

    eventually().until(() -> !fake.responseUrlPosts().isEmpty());
    JsonNode reply = fake.responseUrlPosts().get(0);
    assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.get("replace_original").asBoolean()).isFalse();
    assertThat(reply.get("text").asText()).isEqualTo("This survey is closed &lt;!here&gt;");
  }

  @Test
  void typedDirectMessageBecomesTypedTextButBotsAndEditsDoNot() {
    var own = fake.eventCallback(FakeSlack.BOT_USER_ID, "from the bot itself", "Ev-own");
    fake.sendEnvelope("events_api", own);
    var edit = fake.eventCallback(DANA, "edited", "Ev-edit");
    ((com.fasterxml.jackson.databind.node.ObjectNode) edit.get("event"))
        .put("subtype", "message_changed");
    String editEnvelope = fake.sendEnvelope("events_api", edit);
    var otherBot = fake.eventCallback("U0OTHER", "another bot", "Ev-bot");
    ((com.fasterxml.jackson.databind.node.ObjectNode) otherBot.get("event"))
        .put("bot_id", "B0OTHER");
    fake.sendEnvelope("events_api", otherBot);
    String envelope = fake.sendDirectMessage(DANA, "4 &lt;great&gt; &amp; quick");

    eventually().until(() -> fake.acked(envelope) && fake.acked(editEnvelope));
    eventually().until(() -> !handler.events().isEmpty());
    assertThat(handler.events())
        .containsExactly(new ChatEvent.TypedText(PlatformId.SLACK, DANA, "4 <great> & quick"));
  }

  @Test
  void whatSlackLinkedInATypedMessageArrivesAsThePersonTypedIt() {
    // Slack links what it recognises: kept as sent, a comment read
    // "<mailto:dana@example.com|dana@example.com>" in the digest, the export and helpdesk notes
    fake.sendDirectMessage(
        DANA,
        "<@U0ALEX|alex> says <https://vpn.example.com/login> fails, mail"
            + " <mailto:dana@example.com|dana@example.com> or see <http://wiki.example.com|wiki.example.com>"
            + " in <#C0IT|it-help> <!here> <!subteam^S0IT|@it-team> &lt;3 &amp; <https://evil.example|our wiki>");

    eventually().until(() -> !handler.events().isEmpty());
    assertThat(handler.events())
        .containsExactly(
            new ChatEvent.TypedText(
                PlatformId.SLACK,
                DANA,
                "@alex says https://vpn.example.com/login fails, mail dana@example.com or see"
                    + " wiki.example.com in #it-help @here @it-team <3 &"
                    + " our wiki (https://evil.example)"));
  }

  @Test
  void anEnvelopeOfTheWrongShapeIsAckedOnceNotRedeliveredToFailAgain() {
    // Bolt's own middleware read "user" as a string and threw: the envelope was not acked, so
    // Slack delivered it again, each time an ERROR with a stack trace
    var bad = fake.eventCallback(DANA, "5", "Ev-shape");
    ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("event"))
        .putObject("user")
        .put("a", 1);
    String envelope = fake.sendEnvelope("events_api", bad);
    String after = fake.sendDirectMessage(DANA, "4");

    eventually().until(() -> fake.acked(after) && !handler.events().isEmpty());
    eventually().until(() -> fake.acked(envelope));
    assertThat(fake.ackCount(envelope)).isEqualTo(1);
    assertThat(handler.events())
        .containsExactly(new ChatEvent.TypedText(PlatformId.SLACK, DANA, "4"));
  }

  @Test
  void tellUsMoreOpensAModalWhoseSubmissionIsAModalSubmit() throws Exception {
    handler.replyWith(
        e ->
            e instanceof ChatEvent.ButtonClick
                ? new InteractionReply.OpenModal(
                    "comment:survey-7",
                    "Tell us more about it all",
                    "What went wrong?",
                    "Anything helps")
                : InteractionReply.none());
    MessageRef ref = slack.send(new Outgoing.DirectMessage("k", DANA, survey("INC-7")));

    fake.sendBlockAction(DANA, ref, "closeloop:more", "more");

    eventually().until(() -> !fake.openedViews().isEmpty());
    FakeSlack.ApiCall open = fake.lastCall("views.open");
    assertThat(open.param("trigger_id")).startsWith("trigger-");
    JsonNode view = open.json("view");
    assertThat(view.at("/title/text").asText()).hasSizeLessThanOrEqualTo(24);
    assertThat(view.at("/blocks/0/element/multiline").asBoolean()).isTrue();
    assertThat(view.at("/blocks/0/label/text").asText()).isEqualTo("What went wrong?");

    String envelope = fake.submitView(DANA, "The VPN <still> drops");

    eventually().until(() -> handler.events(ChatEvent.ModalSubmit.class).size() == 1);
    assertThat(handler.events(ChatEvent.ModalSubmit.class).get(0))
        .isEqualTo(
            new ChatEvent.ModalSubmit(
                PlatformId.SLACK, DANA, "dana", "comment:survey-7", "The VPN <still> drops"));
    eventually().until(() -> fake.acked(envelope));
  }

  @Test
  void slashCommandBecomesCommandAndTheReplyIsEphemeral() {
    handler.replyWith(e -> InteractionReply.ephemeral("CSAT 80% · response rate 50%"));

    String envelope = fake.sendSlashCommand(DANA, " stats ");

    eventually().until(() -> fake.acked(envelope) && !fake.responseUrlPosts().isEmpty());
    assertThat(handler.events())
        .containsExactly(new ChatEvent.Command(PlatformId.SLACK, DANA, "dana", "stats"));
    assertThat(fake.responseUrlPosts().get(0).get("text").asText())
        .isEqualTo("CSAT 80% · response rate 50%");
    assertThat(fake.responseUrlPosts().get(0).get("response_type").asText()).isEqualTo("ephemeral");
  }

  @Test
  void droppedSocketReconnectsWithNoEnvelopeLostOrHandledTwice() {
    // an envelope handled, but its ack lost with the connection
    fake.dropAcks(true);
    String handledButNotAcked = fake.sendDirectMessage(DANA, "first");
    eventually().until(() -> handler.events().size() == 1);
    fake.dropAcks(false);

    // the connection drops; while it is down another envelope waits at Slack
    fake.refuseSocket(true);
    fake.dropSocket();
    eventually().until(() -> !slack.connected());
    String sentWhileDown = fake.sendDirectMessage(DANA, "second");
    fake.refuseSocket(false);

    eventually()
        .until(
            () -> slack.connected() && fake.acked(handledButNotAcked) && fake.acked(sentWhileDown));
    // Slack redelivers what is unacked on every new connection: at least once more here, and once
    // more for each extra connection the client opens under load before its ack arrives (a busy
    // machine saw 3); what matters is below — each handled exactly once
    assertThat(fake.deliveries(handledButNotAcked)).isGreaterThanOrEqualTo(2);
    assertThat(fake.deliveries(sentWhileDown)).isPositive();
    assertThat(handler.events())
        .containsExactly(
            new ChatEvent.TypedText(PlatformId.SLACK, DANA, "first"),
            new ChatEvent.TypedText(PlatformId.SLACK, DANA, "second"));
  }

  /**
   * Envelopes Bolt cannot read: a view_submission with no view or no user (a view Closeloop did not
   * open, sent by something that is not Slack's modal), a private_metadata or user of the wrong
   * type, a message event whose user is an object, an interaction with no type. Bolt's parser threw
   * before the envelope reached the handler: the SDK logged an ERROR with a stack trace and never
   * acked, so Slack redelivered it, each time another stack trace; an envelope of no known type was
   * never acked either. Now each is acked once and logged as one INFO line, and what follows is
   * handled as usual.
   */
  @Test
  void envelopesBoltCannotReadAreAckedOnceWithOneInfoLineAndNoStackTrace() {
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    List<String> envelopes = new ArrayList<>();
    try {
      List<com.fasterxml.jackson.databind.node.ObjectNode> odd =
          List.of(
              foreignView(v -> v.remove("view")),
              foreignView(v -> v.remove("user")),
              foreignView(v -> v.put("user", DANA)),
              foreignView(v -> v.put("view", "x")),
              foreignView(v -> ((ObjectNode) v.get("view")).putObject("private_metadata")),
              foreignView(v -> v.remove("type")));
      for (var payload : odd) {
        envelopes.add(fake.sendEnvelope("interactive", payload));
      }
      var event = fake.eventCallback(DANA, "5", "Ev-odd");
      ((ObjectNode) event.get("event")).putObject("user").put("a", 1);
      envelopes.add(fake.sendEnvelope("events_api", event));
      eventually().until(() -> envelopes.stream().allMatch(fake::acked));

      String after = fake.sendDirectMessage(DANA, "still here");
      eventually().until(() -> fake.acked(after) && handler.events().size() == 1);
    } finally {
      root.detachAppender(logs);
    }
    assertThat(handler.events())
        .containsExactly(new ChatEvent.TypedText(PlatformId.SLACK, DANA, "still here"));
    for (String e : envelopes) {
      assertThat(fake.ackCount(e)).as(e).isEqualTo(1);
      assertThat(fake.deliveries(e)).as(e).isEqualTo(1);
    }
    assertThat(logs.list)
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .noneMatch(e -> e.getThrowableProxy() != null);
    assertThat(
            logs.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("slack envelope unreadable"))
                .count())
        .isEqualTo(envelopes.size());
  }

  /** A view_submission of a view Closeloop never opened, changed by {@code change}. */
  private static ObjectNode foreignView(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode p = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    p.put("type", "view_submission");
    p.putObject("team").put("id", FakeSlack.TEAM_ID);
    p.putObject("user").put("id", DANA).put("username", "dana").put("team_id", FakeSlack.TEAM_ID);
    p.put("api_app_id", FakeSlack.APP_ID);
    p.put("trigger_id", "trigger-odd");
    ObjectNode view = p.putObject("view");
    view.put("id", "V0OTHER");
    view.put("type", "modal");
    view.put("callback_id", SlackRenderer.MODAL_CALLBACK_ID);
    view.put("private_metadata", "{\"id\":\"cl:s:1:comment\"}");
    view.putObject("state").putObject("values");
    change.accept(p);
    return p;
  }

  @Test
  void zombieSocketIsNoticedAndReplaced() {
    int before = fake.connectionsOpened();
    fake.freezeSocket();

    eventually().until(() -> fake.connectionsOpened() > before && slack.connected());
    String envelope = fake.sendDirectMessage(DANA, "after the zombie");

    eventually().until(() -> fake.acked(envelope));
    assertThat(handler.events())
        .containsExactly(new ChatEvent.TypedText(PlatformId.SLACK, DANA, "after the zombie"));
  }

  @Test
  void slacksRefreshRequestIsFollowedWithoutLosingEvents() {
    int before = fake.connectionsOpened();
    fake.sendDisconnect();
    eventually().until(() -> fake.connectionsOpened() > before);

    String envelope = fake.sendDirectMessage(DANA, "after refresh");

    eventually().until(() -> fake.acked(envelope) && slack.connected());
    assertThat(handler.events()).hasSize(1);
  }

  @Test
  void slackUnreachableAtStartDoesNotBlockAndConnectsLater() {
    fake.failWith("apps.connections.open", "internal_error", 2);
    SlackPlatform late = new SlackPlatform(fake.socketModeConfig(), FAST);
    try {
      late.start(new RecordingHandler()); // returns at once
      eventually().until(() -> fake.calls("apps.connections.open").size() >= 3 && late.connected());
    } finally {
      late.stop();
    }
  }

  @Test
  void everyWebApiCallWentToTheConfiguredUrl() {
    assertThat(fake.calls("apps.connections.open")).isNotEmpty();
    assertThat(fake.lastCall("apps.connections.open").headers().get("authorization"))
        .containsExactly("Bearer " + FakeSlack.APP_TOKEN);
    assertThat(fake.calls("auth.test")).isNotEmpty();
  }
}
