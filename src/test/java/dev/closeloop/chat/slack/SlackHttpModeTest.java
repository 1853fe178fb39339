package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.PlatformId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP mode: requests as Slack sends them to {@code /slack/events}, through Bolt. */
class SlackHttpModeTest {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String DANA = "U0DANA";
  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";

  FakeSlack fake;
  SlackPlatform slack;
  SlackHttpEndpoint endpoint;
  RecordingHandler handler = new RecordingHandler();

  @BeforeEach
  void start() {
    fake = FakeSlack.start();
    fake.user(DANA, "dana@example.com", "dana", "Europe/Berlin");
    slack = new SlackPlatform(fake.httpModeConfig(SECRET));
    endpoint = slack.httpEndpoint().orElseThrow();
    slack.start(handler);
    eventually().until(slack::connected);
  }

  @AfterEach
  void stop() {
    slack.stop();
    fake.close();
  }

  static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  @Test
  void signedEventIsAcceptedAndHandled() {
    String body = fake.eventCallbackBody(DANA, "5", "Ev-1");

    SlackHttpEndpoint.Reply reply =
        endpoint.handle(body, FakeSlack.signedHeaders(SECRET, body, now(), JSON));

    assertThat(reply.status()).isEqualTo(200);
    eventually().until(() -> handler.events().size() == 1);
    assertThat(handler.events())
        .containsExactly(new ChatEvent.TypedText(PlatformId.SLACK, DANA, "5"));
  }

  @Test
  void badOrMissingOrStaleSignatureIs401AndNothingIsHandled() {
    String body = fake.eventCallbackBody(DANA, "5", "Ev-2");

    Map<String, List<String>> forged = FakeSlack.signedHeaders("wrong-secret", body, now(), JSON);
    assertThat(endpoint.handle(body, forged).status()).isEqualTo(401);

    assertThat(endpoint.handle(body, Map.of("Content-Type", List.of(JSON))).status())
        .isEqualTo(401);

    Map<String, List<String>> stale = FakeSlack.signedHeaders(SECRET, body, now() - 600, JSON);
    assertThat(endpoint.handle(body, stale).status()).isEqualTo(401);

    Map<String, List<String>> ahead = FakeSlack.signedHeaders(SECRET, body, now() + 600, JSON);
    assertThat(endpoint.handle(body, ahead).status()).isEqualTo(401);

    String challenge = "{\"token\":\"t\",\"challenge\":\"c\",\"type\":\"url_verification\"}";
    assertThat(endpoint.handle(challenge, Map.of("Content-Type", List.of(JSON))).status())
        .isEqualTo(401);

    Map<String, List<String>> tampered = FakeSlack.signedHeaders(SECRET, body, now(), JSON);
    assertThat(endpoint.handle(body.replace("\"5\"", "\"1\""), tampered).status()).isEqualTo(401);

    assertThat(handler.events()).isEmpty();
  }

  @Test
  void aSignedEventOfTheWrongShapeIs400NotA500ThatSlackWouldRetry() {
    // a null user trips Bolt's self-event check; an object as text trips its payload reader
    for (String event :
        new String[] {
          "{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"D1\",\"user\":null,"
              + "\"text\":null}",
          "{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"D1\",\"user\":\"U1\","
              + "\"text\":{\"a\":1}}"
        }) {
      String body =
          "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
              + "\"event_id\":\"Ev-shape\",\"event_time\":1,\"event\":"
              + event
              + "}";
      SlackHttpEndpoint.Reply reply =
          endpoint.handle(body, FakeSlack.signedHeaders(SECRET, body, now(), JSON));
      assertThat(reply.status()).as(event).isEqualTo(400);
      assertThat(reply.body()).as(event).isEqualTo("{\"error\":\"unreadable request\"}");
    }
    assertThat(handler.events()).isEmpty();
  }

  @Test
  void retriedDeliveryIsHandledOnce() {
    String body = fake.eventCallbackBody(DANA, "the VPN works now", "Ev-3");

    assertThat(endpoint.handle(body, FakeSlack.signedHeaders(SECRET, body, now(), JSON)).status())
        .isEqualTo(200);
    for (int retry = 1; retry <= 3; retry++) {
      Map<String, List<String>> headers =
          new HashMap<>(FakeSlack.signedHeaders(SECRET, body, now(), JSON));
      headers.put("X-Slack-Retry-Num", List.of(Integer.toString(retry)));
      headers.put("X-Slack-Retry-Reason", List.of("http_timeout"));
      assertThat(endpoint.handle(body, headers).status()).isEqualTo(200);
    }

    eventually().until(() -> !handler.events().isEmpty());
    String other = fake.eventCallbackBody(DANA, "and thanks", "Ev-4");
    endpoint.handle(other, FakeSlack.signedHeaders(SECRET, other, now(), JSON));
    eventually().until(() -> handler.events().size() == 2);
    assertThat(handler.events())
        .containsExactly(
            new ChatEvent.TypedText(PlatformId.SLACK, DANA, "the VPN works now"),
            new ChatEvent.TypedText(PlatformId.SLACK, DANA, "and thanks"));
  }

  @Test
  void urlVerificationIsAnswered() throws Exception {
    String body =
        "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";

    SlackHttpEndpoint.Reply reply =
        endpoint.handle(body, FakeSlack.signedHeaders(SECRET, body, now(), JSON));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void buttonClickAndSlashCommandArriveFormEncoded() throws Exception {
    handler.replyWith(
        e ->
            e instanceof ChatEvent.Command
                ? InteractionReply.ephemeral("opted out")
                : InteractionReply.none());
    MessageRef ref = new MessageRef(fake.dmChannel(DANA), "1700000000.000001");
    String click =
        FakeSlack.interactiveBody(fake.blockActionPayload(DANA, ref, "closeloop:fixed", "fixed"));
    String command = FakeSlack.slashCommandBody(fake.slashCommandPayload(DANA, "optout"));

    assertThat(endpoint.handle(click, FakeSlack.signedHeaders(SECRET, click, now(), FORM)).status())
        .isEqualTo(200);
    assertThat(
            endpoint
                .handle(command, FakeSlack.signedHeaders(SECRET, command, now(), FORM))
                .status())
        .isEqualTo(200);

    eventually().until(() -> handler.events().size() == 2 && fake.responseUrlPosts().size() == 1);
    assertThat(handler.events())
        .containsExactly(
            new ChatEvent.ButtonClick(
                PlatformId.SLACK, DANA, "dana", "closeloop:fixed", "fixed", ref),
            new ChatEvent.Command(PlatformId.SLACK, DANA, "dana", "optout"));
    JsonNode ephemeral = fake.responseUrlPosts().get(0);
    assertThat(ephemeral.get("text").asText()).isEqualTo("opted out");
  }

  @Test
  void typedTextRepliesInTheDirectMessage() {
    handler.replyWith(e -> InteractionReply.ephemeral("Thanks! Noted <3"));
    String body = fake.eventCallbackBody(DANA, "4", "Ev-5");

    endpoint.handle(body, FakeSlack.signedHeaders(SECRET, body, now(), JSON));

    eventually().until(() -> !fake.calls("chat.postMessage").isEmpty());
    FakeSlack.ApiCall post = fake.lastCall("chat.postMessage");
    assertThat(post.param("channel")).isEqualTo(fake.dmChannel(DANA));
    assertThat(post.param("text")).isEqualTo("Thanks! Noted &lt;3");
  }

  @Test
  void headersCanBeReadOneByOneAsJavalinGivesThem() {
    String body = fake.eventCallbackBody(DANA, "3", "Ev-6");
    Map<String, List<String>> signed = FakeSlack.signedHeaders(SECRET, body, now(), JSON);
    Map<String, String> lowerCase = new HashMap<>();
    signed.forEach((k, v) -> lowerCase.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));

    SlackHttpEndpoint.Reply reply =
        endpoint.handle(body, name -> lowerCase.get(name.toLowerCase(java.util.Locale.ROOT)));

    assertThat(reply.status()).isEqualTo(200);
    eventually().until(() -> handler.events().size() == 1);
  }

  @Test
  void beforeSlackIsReachedRequestsAre503SoSlackRetries() {
    fake.failWith("auth.test", "internal_error", FakeSlack.ALWAYS);
    SlackPlatform notYet = new SlackPlatform(fake.httpModeConfig(SECRET));
    try {
      notYet.start(handler);
      String body = fake.eventCallbackBody(DANA, "5", "Ev-7");
      SlackHttpEndpoint.Reply reply =
          notYet
              .httpEndpoint()
              .orElseThrow()
              .handle(body, FakeSlack.signedHeaders(SECRET, body, now(), JSON));
      assertThat(reply.status()).isEqualTo(503);
      // a JSON error like every other route's, not plain text
      assertThat(reply.contentType()).isEqualTo("application/json");
      assertThat(reply.body())
          .isEqualTo("{\"error\":\"not connected to Slack yet: retry shortly\"}");
      // only what Slack signed is asked to retry: anyone else's request is refused as Bolt
      // refuses it once connected (401), never a 5xx for a request that is not Slack's
      Map<String, List<String>> forged = FakeSlack.signedHeaders("guess", body, now(), JSON);
      assertThat(notYet.httpEndpoint().orElseThrow().handle(body, forged).status()).isEqualTo(401);
      assertThat(notYet.httpEndpoint().orElseThrow().handle(body, Map.of()).status())
          .isEqualTo(401);
      Map<String, List<String>> stale = FakeSlack.signedHeaders(SECRET, body, now() - 600, JSON);
      assertThat(notYet.httpEndpoint().orElseThrow().handle(body, stale).status()).isEqualTo(401);
      assertThat(notYet.connected()).isFalse();
    } finally {
      notYet.stop();
    }
  }

  @Test
  void socketModePlatformHasNoHttpEndpoint() {
    SlackPlatform socketMode = new SlackPlatform(fake.socketModeConfig());
    try {
      assertThat(socketMode.httpEndpoint()).isEmpty();
    } finally {
      socketMode.stop();
    }
  }

  @Test
  void aSignedEventOfTheWrongShapeIs400NeverA500ForSlackToRetry() {
    // Bolt's own middleware read "user" as a string and threw a NullPointerException: 500, an
    // ERROR with a stack trace, and Slack retrying a request that can only fail the same way
    String[] bodies = {
      "{\"type\":\"event_callback\",\"event_id\":\"Ev-w1\",\"event\":{\"type\":\"message\","
          + "\"channel_type\":\"im\",\"user\":{\"a\":1},\"text\":[1]}}",
      "{\"type\":\"event_callback\",\"event_id\":\"Ev-w2\",\"event\":{\"type\":\"message\","
          + "\"channel_type\":\"im\",\"user\":[],\"text\":\"5\"}}",
    };
    for (String body : bodies) {
      SlackHttpEndpoint.Reply r =
          endpoint.handle(body, FakeSlack.signedHeaders(SECRET, body, now(), JSON));
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.body()).contains("unreadable request");
    }
    assertThat(handler.events()).isEmpty();
  }

  /**
   * Bolt's parser ran before the signature was checked: a body of no known shape from anyone was
   * answered 400 and Bolt logged it whole at WARN ("No request pattern detected for …"), up to the
   * route's 1 MiB per request. Now what Slack did not sign is refused before it is read.
   */
  @Test
  void anUnsignedBodyOfNoKnownShapeIs401AndNeverLogged() {
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    try {
      String marker = "ATTACKER-TEXT-" + "A".repeat(10_000);
      for (String body :
          new String[] {
            "{\"type\":\"x\",\"pad\":\"" + marker + "\"}",
            "not json at all " + marker,
            "payload=%7B%7B" + marker
          }) {
        for (Map<String, List<String>> headers :
            List.of(
                Map.of("Content-Type", List.of(JSON)),
                FakeSlack.signedHeaders("wrong-secret", body, now(), JSON),
                FakeSlack.signedHeaders(SECRET, body, now() - 600, FORM))) {
          SlackHttpEndpoint.Reply reply = endpoint.handle(body, headers);
          assertThat(reply.status()).as(body.substring(0, 20)).isEqualTo(401);
          assertThat(reply.body()).isEqualTo("{\"error\":\"invalid request\"}");
        }
      }
    } finally {
      root.detachAppender(logs);
    }
    assertThat(logs.list)
        .noneMatch(e -> e.getFormattedMessage().contains("ATTACKER-TEXT"))
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
    assertThat(handler.events()).isEmpty();
  }

  @Test
  void slacksRateLimitNoticeIsAnsweredAndToldToTheOperator() {
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SlackHttpEndpoint.class);
    logs.start();
    log.addAppender(logs);
    try {
      // what Slack sends when it drops this app's events (over 30,000 an hour): it was "unknown
      // request" 400, and nobody learnt that answers typed meanwhile were lost
      String body =
          "{\"token\":\"x\",\"type\":\"app_rate_limited\",\"team_id\":\"T1\","
              + "\"minute_rate_limited\":1518467820,\"api_app_id\":\"A1\"}";
      SlackHttpEndpoint.Reply r =
          endpoint.handle(body, FakeSlack.signedHeaders(SECRET, body, now(), JSON));
      assertThat(r.status()).isEqualTo(200);
      assertThat(logs.list)
          .anySatisfy(
              e -> {
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                assertThat(e.getFormattedMessage()).contains("event=slack_events_rate_limited");
              });
      // unsigned, it is nobody's notice: refused, nothing logged
      logs.list.clear();
      SlackHttpEndpoint.Reply forged =
          endpoint.handle(body, FakeSlack.signedHeaders("not-the-secret", body, now(), JSON));
      assertThat(forged.status()).isIn(400, 401);
      assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("rate_limited"));
    } finally {
      log.detachAppender(logs);
    }
  }
}
