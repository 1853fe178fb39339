package dev.closeloop.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import dev.closeloop.ticket.Signatures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A helpdesk that refuses: the write is dead at once with the reason in {@code /admin/outbox}, on
 * {@code GET /health} (the writeback job) and in the log, counted in {@code /metrics}, and the
 * requester is told the IT team will see it in the digest. And the generic connector: write-backs
 * of its tickets go as signed POSTs to {@code connectors.generic.writeBackUrl}.
 */
class WriteBackFailuresTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "zd-webhook-secret";
  static final String DANA = "dana@example.com";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  WireMockServer helpdesk;
  TestApp app;
  SandboxChat chat;

  @BeforeEach
  void start() {
    helpdesk = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    helpdesk.start();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    helpdesk.stop();
  }

  private static final String SURVEY =
      "survey: { delay: PT0S, quietHours: \"\", weekends: true, reminderAfter: PT0S }\n"
          + "sandbox: { enabled: true }\n";

  @Test
  @DisplayName(
      "403 on the reopen: dead at once, on /health, in the log and /metrics; requester told")
  void deniedReopen() throws Exception {
    helpdesk.stubFor(
        get(urlPathEqualTo("/api/v2/tickets/35436.json"))
            .willReturn(okJson("{\"ticket\":{\"id\":35436,\"status\":\"solved\"}}")));
    helpdesk.stubFor(
        put(urlPathEqualTo("/api/v2/tickets/35436.json"))
            .willReturn(aResponse().withStatus(403).withBody("{\"error\":\"Forbidden\"}")));
    startWith(
        """
        connectors:
          zendesk: { secret: "%s", baseUrl: "http://127.0.0.1:%d", email: "agent@acme.example", apiToken: "zd-token" }
        """
            .formatted(SECRET, helpdesk.port()));
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logs);
    try {
      String body =
          """
          {"ticket":{"id":"35436","title":"Printer jams","status":"solved","updated_at":"%s",
           "requester":{"email":"dana@example.com","name":"Dana"},"group":"Facilities"}}
          """
              .formatted(clock.instant());
      String ts = clock.instant().toString();
      assertThat(
              app.send(
                      HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets/zendesk")))
                          .header("Content-Type", "application/json")
                          .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                          .header(
                              "X-Zendesk-Webhook-Signature",
                              Signatures.hmacSha256Base64(
                                  SECRET, Signatures.utf8(ts), Signatures.utf8(body)))
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build())
                  .statusCode())
          .isEqualTo(202);
      app.tick();
      chat.deliver();
      chat.click(DANA, "cl:s:1:fixed:no");
      chat.click(DANA, "cl:s:1:reopen:yes");

      JsonNode dead =
          JSON.readTree(app.admin("GET", "/admin/outbox?state=dead", null).body()).path("outbox");
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).path("kind").asText()).isEqualTo("writeback");
      assertThat(dead.get(0).path("platform").asText()).isEqualTo("zendesk");
      assertThat(dead.get(0).path("purpose").asText()).isEqualTo("reopen");
      assertThat(dead.get(0).path("attempts").asInt()).isEqualTo(1);
      assertThat(dead.get(0).path("lastError").asText())
          .startsWith("denied: ")
          .contains("agent whose role may edit this ticket");

      JsonNode health =
          JSON.readTree(
              app.send(HttpRequest.newBuilder(URI.create(app.url("/health"))).build()).body());
      assertThat(health.path("status").asText()).isEqualTo("degraded");
      assertThat(health.at("/jobs/writeback/lastError").asText())
          .startsWith("zendesk refused a reopen (denied): ")
          .contains("agent whose role may edit this ticket");

      assertThat(logs.list)
          .anySatisfy(
              e ->
                  assertThat(e.getFormattedMessage())
                      .contains("event=writeback_denied", "system=zendesk", "kind=reopen")
                      .contains("agent whose role may edit this ticket"));
      assertThat(app.send(HttpRequest.newBuilder(URI.create(app.url("/metrics"))).build()).body())
          .containsPattern(
              "closeloop_writeback_total\\{kind=\"reopen\",outcome=\"denied\",system=\"zendesk\"}"
                  + " 1\\.0");
      assertThat(chat.dm(DANA))
          .contains(
              "Sorry, I couldn't reopen 35436. The IT team will see your answer in tomorrow"
                  + " morning's review");
    } finally {
      root.detachAppender(logs);
    }
  }

  @Test
  @DisplayName("Generic tickets: the reopen and the result go as signed POSTs to writeBackUrl")
  void genericConnectorWritesSignedEvents() throws Exception {
    startGenericTakingEventsWith204();
    assertThat(
            app.webhook(
                    TestApp.closed(
                        "INC-7",
                        clock.instant(),
                        "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}"))
                .statusCode())
        .isEqualTo(202);
    app.tick();
    chat.deliver();
    chat.click(DANA, "cl:s:1:fixed:no");
    chat.click(DANA, "cl:s:1:reopen:yes");
    chat.type(DANA, "still broken after the update");
    chat.click(DANA, "cl:s:1:rate:1");
    chat.click(DANA, "cl:s:1:else:no");

    var sent = helpdesk.findAll(postRequestedFor(urlPathEqualTo("/closeloop/events")));
    assertThat(sent).hasSize(2);
    for (var r : sent) {
      assertThat(r.getHeader("Content-Type")).startsWith("application/json");
      String ts = r.getHeader("X-Closeloop-Timestamp");
      String expected =
          "v1=" + Signatures.hmacSha256Hex("wb-secret", Signatures.utf8(ts + "."), r.getBody());
      assertThat(r.getHeader("X-Closeloop-Signature")).isEqualTo(expected);
    }
    JsonNode reopen = JSON.readTree(sent.get(0).getBodyAsString());
    assertThat(reopen.path("event").asText()).isEqualTo("reopen");
    assertThat(reopen.at("/ticket/id").asText()).isEqualTo("INC-7");
    JsonNode note = JSON.readTree(sent.get(1).getBodyAsString());
    assertThat(note.path("event").asText()).isEqualTo("note");
    assertThat(note.at("/survey/fixed").asBoolean(true)).isFalse();
    assertThat(note.at("/survey/score").asInt()).isEqualTo(1);
    assertThat(note.at("/survey/comment").asText()).isEqualTo("still broken after the update");
    assertThat(chat.dm(DANA)).contains("Reopened INC-7 — the network team has it again.");
  }

  @Test
  @DisplayName("Generic: a request taken with a 204 names no ticket, so none is announced")
  void genericRequestTakenWithoutATicketId() throws Exception {
    startGenericTakingEventsWith204();
    app.webhook(
        TestApp.closed(
            "INC-8", clock.instant(), "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}"));
    app.tick();
    chat.deliver();
    chat.click(DANA, "cl:s:1:fixed:yes");
    chat.click(DANA, "cl:s:1:rate:5");
    chat.type(DANA, "yes please, my printer jams too");

    var sent = helpdesk.findAll(postRequestedFor(urlPathEqualTo("/closeloop/events")));
    assertThat(sent)
        .anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"event\":\"request\""));
    // before: "Your request is now ticket null — the IT team will pick it up there."
    assertThat(chat.dm(DANA))
        .contains("The IT team will get back to you")
        .doesNotContain("ticket null")
        .doesNotContain("now ticket");
  }

  /** The app with the generic connector writing back to a receiver that answers 204. */
  private void startGenericTakingEventsWith204() {
    helpdesk.stubFor(
        post(urlPathEqualTo("/closeloop/events")).willReturn(aResponse().withStatus(204)));
    startWith(
        """
        connectors:
          generic: { writeBackUrl: "http://127.0.0.1:%d/closeloop/events", writeBackSecret: "wb-secret" }
        """
            .formatted(helpdesk.port()));
  }

  /** The app with the survey settings and {@code connectorsYaml}, and its sandbox chat. */
  private void startWith(String connectorsYaml) {
    app = TestApp.start(dir, SURVEY + connectorsYaml, clock);
    chat = new SandboxChat(app);
  }
}
