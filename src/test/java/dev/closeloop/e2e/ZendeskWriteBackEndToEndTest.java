package dev.closeloop.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import dev.closeloop.ticket.Signatures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop with a Zendesk on WireMock: the solved webhook, the survey in the (sandbox) chat,
 * "not fixed" and the reopen tap (status open with a private comment in one update), "anything
 * else?" turned into a new ticket for the requester, and "I'll take it" from the digest as a note.
 */
class ZendeskWriteBackEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "zd-webhook-secret";
  static final String DANA = "dana@example.com";
  static final String TICKET = "/api/v2/tickets/35436.json";
  static final String AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("agent@acme.example/token:zd-token".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  WireMockServer zendesk;
  TestApp app;
  SandboxChat chat;

  @BeforeEach
  void start() {
    zendesk = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    zendesk.start();
    zendesk.stubFor(
        get(urlPathEqualTo(TICKET))
            .willReturn(okJson("{\"ticket\":{\"id\":35436,\"status\":\"solved\"}}")));
    zendesk.stubFor(
        put(urlPathEqualTo(TICKET))
            .willReturn(
                okJson(
                    """
                    {"ticket":{"id":35436,"status":"open"},
                     "audit":{"id":5,"events":[{"id":2011,"type":"Comment","public":false}]}}
                    """)));
    zendesk.stubFor(
        post(urlPathEqualTo("/api/v2/tickets.json"))
            .willReturn(okJson("{\"ticket\":{\"id\":35437}}").withStatus(201)));
    app =
        TestApp.start(
            dir,
            """
            survey: { delay: PT0S, quietHours: "", weekends: true, reminderAfter: PT0S }
            sandbox: { enabled: true }
            connectors:
              zendesk:
                secret: "%s"
                baseUrl: "http://127.0.0.1:%d"
                email: "agent@acme.example"
                apiToken: "zd-token"
                writeBack: { createRequests: true }
            """
                .formatted(SECRET, zendesk.port()),
            clock);
    chat = new SandboxChat(app);
  }

  @AfterEach
  void stop() {
    app.close();
    zendesk.stop();
  }

  @Test
  @DisplayName(
      "not fixed → reopen tap → status open + private comment; a typed request becomes ticket"
          + " 35437 for the requester; 'I'll take it' lands as a note")
  void reopenRequestAndFollowUp() throws Exception {
    assertThat(webhook(solved()).statusCode()).isEqualTo(202);
    app.tick();
    chat.deliver();
    String s = "cl:s:" + surveyId();

    chat.click(DANA, s + ":fixed:no");
    chat.type(DANA, "ja, bitte"); // typed yes, in German, answers the reopen question
    List<LoggedRequest> puts = zendesk.findAll(putRequestedFor(urlPathEqualTo(TICKET)));
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode reopen = JSON.readTree(puts.get(0).getBodyAsString()).path("ticket");
    assertThat(reopen.path("status").asText()).isEqualTo("open");
    assertThat(reopen.at("/comment/public").asBoolean(true)).isFalse();
    assertThat(reopen.at("/comment/body").asText())
        .startsWith("Reopened from Closeloop: Dana Reyes says this is not fixed.")
        .containsPattern("\\(closeloop-[0-9a-f]{20}\\)$");
    assertThat(chat.dm(DANA)).contains("Reopened 35436 — the Facilities team has it again.");

    chat.type(DANA, "the printer still jams");
    chat.click(DANA, s + ":rate:2");
    chat.click(DANA, s + ":else:yes");
    chat.type(DANA, "My laptop charger is broken too");

    List<LoggedRequest> creates =
        zendesk.findAll(postRequestedFor(urlPathEqualTo("/api/v2/tickets.json")));
    assertThat(creates).hasSize(1);
    JsonNode created = JSON.readTree(creates.get(0).getBodyAsString()).path("ticket");
    assertThat(created.path("subject").asText()).isEqualTo("My laptop charger is broken too");
    assertThat(created.at("/requester/email").asText()).isEqualTo(DANA);
    assertThat(created.toString()).contains("35436");
    assertThat(chat.dm(DANA)).contains("Your request is now ticket 35437");

    // the survey ended: its result as a private comment (the second update of the ticket)
    puts = zendesk.findAll(putRequestedFor(urlPathEqualTo(TICKET)));
    assertThat(puts).hasSize(2);
    JsonNode note = JSON.readTree(puts.get(1).getBodyAsString()).path("ticket");
    assertThat(note.has("status")).isFalse();
    assertThat(note.at("/comment/public").asBoolean(true)).isFalse();
    assertThat(note.at("/comment/body").asText())
        .contains(
            "Fixed: no",
            "Score: 2/5",
            "Comment (English): the printer still jams",
            "Anything else: My laptop charger is broken too");

    // the IT team takes it from the digest: a note on the ticket names who
    clock.advance(java.time.Duration.ofMinutes(5));
    assertThat(app.admin("POST", "/admin/digest", null).statusCode()).isEqualTo(200);
    chat.deliver();
    // the digest shows what the helpdesk did: reopened, and the request's new ticket, linked
    String digest = chat.messages("channel:team").toString();
    assertThat(digest)
        .contains("↺ Reopened in the helpdesk")
        .contains("\"url\":\"http://127.0.0.1:" + zendesk.port() + "/agent/tickets/35437\"")
        .contains("\"text\":\"Ticket: 35437\"");
    chat.click("sam@it.example", "cl:i:" + surveyId() + ":own");
    puts = zendesk.findAll(putRequestedFor(urlPathEqualTo(TICKET)));
    assertThat(puts).hasSize(3);
    assertThat(JSON.readTree(puts.get(2).getBodyAsString()).at("/ticket/comment/body").asText())
        .contains("sam@it.example took on the requester's feedback in Closeloop");

    JsonNode outbox =
        JSON.readTree(app.admin("GET", "/admin/outbox?state=dead", null).body()).path("outbox");
    assertThat(outbox).isEmpty();
  }

  private long surveyId() throws Exception {
    return JSON.readTree(
            app.admin("GET", "/admin/surveys?ticket=35436&source=zendesk", null).body())
        .at("/surveys/0/id")
        .asLong();
  }

  private String solved() {
    return """
        {"ticket":{"id":"35436","title":"Printer on 3rd floor jams",
         "url":"https://acme.zendesk.com/agent/tickets/35436","status":"Solved",
         "updated_at":"%s","requester":{"email":"dana@example.com","name":"Dana Reyes"},
         "assignee":"Alex Kim","group":"Facilities"}}
        """
        .formatted(clock.instant());
  }

  private HttpResponse<String> webhook(String body) {
    String ts = clock.instant().toString();
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets/zendesk")))
            .header("Content-Type", "application/json")
            .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
            .header(
                "X-Zendesk-Webhook-Signature",
                Signatures.hmacSha256Base64(SECRET, Signatures.utf8(ts), Signatures.utf8(body)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
