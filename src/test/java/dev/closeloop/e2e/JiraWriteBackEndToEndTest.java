package dev.closeloop.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop with a Jira on WireMock: the resolve webhook, the survey in the (sandbox) chat,
 * "not fixed", the one-tap reopen (the configured transition, then an internal comment), the
 * requester told, the survey's result as a comment; the issue resolved again is asked once more
 * within the cooldown, and a third resolve is back under the cooldown.
 */
class JiraWriteBackEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "jira-secret";
  static final String DANA = "dana@example.com";
  static final String AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("bot@acme.example:atl-token".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  WireMockServer jira;
  TestApp app;
  SandboxChat chat;

  @BeforeEach
  void start() {
    jira = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    jira.start();
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/3/issue/IT-1"))
            .withQueryParam("fields", equalTo("status,project,issuetype,reporter"))
            .willReturn(
                okJson(
                    """
                    {"id":"10042","key":"IT-1","fields":{
                      "status":{"name":"Done","statusCategory":{"key":"done"}},
                      "project":{"key":"IT","projectTypeKey":"software"},
                      "issuetype":{"id":"10004","name":"Task"},
                      "reporter":{"accountId":"5b10ac8d82e05b22cc7d4ef5"}}}
                    """)));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/3/issue/IT-1/transitions"))
            .willReturn(aResponse().withStatus(204)));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/3/issue/IT-1/comment"))
            .willReturn(okJson("{\"id\":\"10050\"}").withStatus(201)));
    app =
        TestApp.start(
            dir,
            """
            survey: { delay: PT0S, quietHours: "", weekends: true, reminderAfter: PT0S }
            sandbox: { enabled: true }
            connectors:
              jira:
                secret: "%s"
                baseUrl: "http://127.0.0.1:%d"
                email: "bot@acme.example"
                apiToken: "atl-token"
                writeBack: { reopenTransition: "31" }
            """
                .formatted(SECRET, jira.port()),
            clock);
    chat = new SandboxChat(app);
  }

  @AfterEach
  void stop() {
    app.close();
    jira.stop();
  }

  @Test
  @DisplayName(
      "close → survey → not fixed → reopen tap → transition + comment in Jira, requester told;"
          + " closed again → asked once more; a third close waits for the cooldown")
  void reopenFromTheChatAndAskOnceMore() throws Exception {
    assertThat(webhook(resolved(1)).statusCode()).isEqualTo(202);
    app.tick();
    chat.deliver();
    long first = surveyIds().get(0);
    assertThat(chat.dm(DANA)).contains("IT-1 · VPN drops every hour", "Did we fix it?");

    chat.click(DANA, "cl:s:" + first + ":fixed:no");
    assertThat(chat.dm(DANA))
        .contains(
            "Shall I reopen IT-1 so the team takes another look?",
            "Reopen the ticket",
            "No, leave it closed",
            "cl:s:" + first + ":reopen:yes");

    chat.click(DANA, "cl:s:" + first + ":reopen:yes");

    LoggedRequest transition = only("/rest/api/3/issue/IT-1/transitions");
    assertThat(transition.getHeader("Authorization")).isEqualTo(AUTH);
    assertThat(transition.getBodyAsString()).isEqualTo("{\"transition\":{\"id\":\"31\"}}");
    LoggedRequest reopenNote = only("/rest/api/3/issue/IT-1/comment");
    assertThat(reopenNote.getHeader("Authorization")).isEqualTo(AUTH);
    assertThat(reopenNote.getBodyAsString())
        .contains("Reopened from Closeloop: Dana says this is not fixed.")
        .containsPattern("\\(closeloop-[0-9a-f]{20}\\)");
    assertThat(chat.dm(DANA))
        .contains("Reopened IT-1 — the network team has it again.")
        .contains("What went wrong?");

    chat.type(DANA, "the VPN still drops every hour");
    chat.click(DANA, "cl:s:" + first + ":rate:2");
    chat.click(DANA, "cl:s:" + first + ":else:no");
    List<LoggedRequest> comments =
        jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/IT-1/comment")));
    assertThat(comments).hasSize(2);
    assertThat(comments.get(1).getBodyAsString())
        .contains(
            "Closeloop survey — Dana answered about IT-1:",
            "Fixed: no",
            "Score: 2/5",
            "Comment (English): the VPN still drops every hour",
            "The requester had the ticket reopened.");

    // Jira reports the reopen we made: nothing new
    assertThat(webhook(reopened(2)).body()).contains("duplicate");

    // resolved again an hour later: asked once more, well within the 7-day cooldown
    clock.advance(Duration.ofHours(1));
    assertThat(webhook(resolved(3)).statusCode()).isEqualTo(202);
    app.tick();
    chat.deliver();
    List<Long> ids = surveyIds();
    assertThat(ids).hasSize(2);
    long second = ids.get(0);
    assertThat(survey(second).path("state").asText()).isEqualTo("sent");
    assertThat(chat.dm(DANA)).contains("was closed again", "Did it work this time?");
    chat.click(DANA, "cl:s:" + second + ":fixed:yes");

    // reopened by an agent, resolved a third time: an ordinary close, under the cooldown
    clock.advance(Duration.ofHours(1));
    assertThat(webhook(reopened(4)).statusCode()).isEqualTo(202);
    clock.advance(Duration.ofHours(1));
    assertThat(webhook(resolved(5)).statusCode()).isEqualTo(202);
    app.tick();
    JsonNode third = survey(surveyIds().get(0));
    assertThat(third.path("state").asText()).isEqualTo("skipped");
    assertThat(third.path("reason").asText()).isEqualTo("cooldown");
    assertThat(jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/IT-1/transitions"))))
        .as("reopened once")
        .hasSize(1);
  }

  private LoggedRequest only(String path) {
    List<LoggedRequest> found = jira.findAll(postRequestedFor(urlPathEqualTo(path)));
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private List<Long> surveyIds() throws Exception {
    JsonNode surveys =
        JSON.readTree(app.admin("GET", "/admin/surveys?ticket=IT-1&source=jira", null).body())
            .path("surveys");
    return java.util.stream.StreamSupport.stream(surveys.spliterator(), false)
        .map(s -> s.path("id").asLong())
        .toList();
  }

  private JsonNode survey(long id) throws Exception {
    for (JsonNode s :
        JSON.readTree(app.admin("GET", "/admin/surveys?ticket=IT-1&source=jira", null).body())
            .path("surveys")) {
      if (s.path("id").asLong() == id) {
        return s;
      }
    }
    throw new AssertionError("no survey " + id);
  }

  private String resolved(int n) {
    return issue(
        n,
        "done",
        "{\"field\":\"resolution\",\"from\":null,\"to\":\"10000\",\"toString\":\"Done\"}");
  }

  private String reopened(int n) {
    return issue(
        n, "new", "{\"field\":\"resolution\",\"from\":\"10000\",\"to\":null,\"toString\":null}");
  }

  private String issue(int n, String category, String change) {
    Instant at = clock.instant();
    return """
        {"timestamp":%d,"webhookEvent":"jira:issue_updated","issue":{"id":"10042",
         "self":"https://acme.atlassian.net/rest/api/2/issue/10042","key":"IT-1",
         "fields":{"summary":"VPN drops every hour",
          "status":{"name":"S%d","statusCategory":{"key":"%s"}},
          "resolution":%s,"resolutiondate":%s,
          "reporter":{"displayName":"Dana","emailAddress":"dana@example.com"},
          "assignee":{"displayName":"Alex Kim"},"components":[{"name":"network"}],
          "project":{"key":"IT"}}},
         "changelog":{"id":"%d","items":[%s]}}
        """
        .formatted(
            at.toEpochMilli(),
            n,
            category,
            "done".equals(category) ? "{\"name\":\"Done\"}" : "null",
            "done".equals(category) ? "\"" + at + "\"" : "null",
            n,
            change);
  }

  private HttpResponse<String> webhook(String body) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets/jira")))
            .header("Content-Type", "application/json")
            .header(
                "X-Hub-Signature",
                "sha256=" + Signatures.hmacSha256Hex(SECRET, Signatures.utf8(body)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
