package dev.closeloop.ticket.connector;

import static dev.closeloop.ticket.connector.Samples.event;
import static dev.closeloop.ticket.connector.Samples.invalid;
import static dev.closeloop.ticket.connector.Samples.load;
import static dev.closeloop.ticket.connector.Samples.request;
import static dev.closeloop.ticket.connector.Samples.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraConnectorTest {
  private static final String SECRET = "jira-s3cret";
  private final JiraConnector connector = new JiraConnector(config(SECRET));

  static Helpdesks.Jira config(String secret) {
    return new Helpdesks.Jira(secret, "", "", "", "", "", Duration.ofDays(1));
  }

  private static WebhookResult signed(JiraConnector c, byte[] body) {
    String sig = "sha256=" + Signatures.hmacSha256Hex(SECRET, body);
    return c.handle(request(body, Map.of("X-Hub-Signature", sig), Map.of()));
  }

  @Test
  void resolvedIssueIsAClose() {
    TicketEvent e = event(signed(connector, load("jira/issue-resolved.json")));

    assertThat(e.source()).isEqualTo("jira");
    assertThat(e.kind()).isEqualTo(Kind.CLOSED);
    assertThat(e.ticket())
        .isEqualTo(
            new TicketEvent.Ticket(
                "IT-1042",
                "VPN drops every hour",
                "https://acme.atlassian.net/browse/IT-1042",
                "Alex Kim",
                "network"));
    assertThat(e.requester().email()).isEqualTo("dana@example.com");
    assertThat(e.requester().name()).isEqualTo("Dana Reyes");
    assertThat(e.requester().timezone()).isEqualTo("Europe/Berlin");
    assertThat(e.closedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
  }

  @Test
  void trailingTextOrADuplicateKeyIsNotValidJson() {
    byte[] body = load("jira/issue-resolved.json");
    byte[] trailing =
        (new String(body, StandardCharsets.UTF_8).strip() + " x").getBytes(StandardCharsets.UTF_8);
    assertThat(invalid(signed(connector, trailing))).contains("not valid JSON");
    byte[] twice =
        "{\"webhookEvent\":\"jira:issue_created\",\"webhookEvent\":\"jira:issue_updated\"}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(invalid(signed(connector, twice))).contains("webhookEvent");
  }

  @Test
  void upperCaseHexSignatureIsAccepted() {
    byte[] body = load("jira/issue-resolved.json");
    String sig = "sha256=" + Signatures.hmacSha256Hex(SECRET, body).toUpperCase(Locale.ROOT);
    WebhookResult r = connector.handle(request(body, Map.of("X-Hub-Signature", sig), Map.of()));
    assertThat(r).isInstanceOf(WebhookResult.Event.class);
  }

  @Test
  void unsignedDataCenterWebhookAuthenticatesWithTokenParameter() {
    byte[] body = load("jira/issue-resolved.json");
    assertThat(connector.handle(request(body, Map.of(), Map.of("token", SECRET))))
        .isInstanceOf(WebhookResult.Event.class);
    assertThat(connector.handle(request(body, Map.of(), Map.of("token", "guess"))))
        .isInstanceOf(WebhookResult.Unauthorized.class);
  }

  @Test
  void badOrMissingSignatureIsUnauthorized() {
    byte[] body = load("jira/issue-resolved.json");
    String wrong = "sha256=" + Signatures.hmacSha256Hex("other", body);
    assertThat(connector.handle(request(body, Map.of("X-Hub-Signature", wrong), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(connector.handle(request(body, Map.of(), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
  }

  @Test
  void noSecretConfiguredIsUnauthorizedEvenForAnEmptyToken() {
    JiraConnector unconfigured = new JiraConnector(config(""));
    byte[] body = load("jira/issue-resolved.json");
    assertThat(unconfigured.handle(request(body, Map.of(), Map.of("token", ""))))
        .isInstanceOf(WebhookResult.Unauthorized.class);
  }

  @Test
  void commentAddedIsIgnored() {
    assertThat(signed(connector, load("jira/issue-commented.json")))
        .isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  void clearedResolutionIsAReopen() {
    TicketEvent e = event(signed(connector, load("jira/issue-reopened.json")));
    assertThat(e.kind()).isEqualTo(Kind.REOPENED);
    assertThat(e.ticket().id()).isEqualTo("IT-1042");
    assertThat(e.closedAt()).isNull();
  }

  @Test
  void aResolutionItemSetToNullIsAReopenWhateverElseTheChangelogCarries() {
    // the contract's reopen is "resolution cleared": a changelog item whose `to` is null, with or
    // without the old value beside it and with or without a status item
    String body =
        text("jira/issue-reopened.json")
            .replace("\"from\": \"10000\",", "")
            .replace("\"fromString\": \"Done\",\n        \"to\": null", "\"to\": null")
            .replaceFirst(",\\s*\\{\\s*\"field\": \"status\"[^}]*\\}", "");
    assertThat(body)
        .doesNotContain("\"field\": \"status\"")
        .doesNotContain("\"from\": \"10000\"")
        .doesNotContain("fromString");
    TicketEvent e = event(signed(connector, body.getBytes(StandardCharsets.UTF_8)));
    assertThat(e.kind()).isEqualTo(Kind.REOPENED);
    assertThat(e.ticket().id()).isEqualTo("IT-1042");
  }

  @Test
  void statusLeavingDoneWithoutResolutionIsSeenOpen() {
    String body =
        text("jira/issue-reopened.json")
            .replaceFirst(
                "\\{\\s*\"field\": \"resolution\"[^}]*\\},", ""); // team-managed: no resolution
    TicketEvent e = event(signed(connector, body.getBytes(StandardCharsets.UTF_8)));
    assertThat(e.kind()).isEqualTo(Kind.SEEN_OPEN);
  }

  @Test
  void statusIntoDoneCategoryWithoutResolutionIsAClose() {
    String body =
        text("jira/issue-resolved.json")
            .replaceFirst("\\{\\s*\"field\": \"resolution\"[^}]*\\},", "");
    assertThat(event(signed(connector, body.getBytes(StandardCharsets.UTF_8))).kind())
        .isEqualTo(Kind.CLOSED);
  }

  @Test
  void teamFallsBackToProjectKeyWithoutComponents() {
    String body =
        text("jira/issue-resolved.json")
            .replaceFirst("\"components\": \\[[^\\]]*\\]", "\"components\": []");
    assertThat(event(signed(connector, body.getBytes(StandardCharsets.UTF_8))).ticket().team())
        .isEqualTo("IT");
  }

  @Test
  void closeWithoutReporterEmailIsInvalidNamingTheField() {
    String body = text("jira/issue-resolved.json").replace("\"dana@example.com\"", "null");
    assertThat(invalid(signed(connector, body.getBytes(StandardCharsets.UTF_8))))
        .contains("fields.reporter.emailAddress");
  }

  @Test
  void malformedJsonIsInvalid() {
    assertThat(invalid(signed(connector, "{\"webhookEvent\":".getBytes(StandardCharsets.UTF_8))))
        .contains("JSON");
    assertThat(invalid(signed(connector, "{}".getBytes(StandardCharsets.UTF_8))))
        .contains("webhookEvent");
  }

  @Test
  void otherWebhookEventsAreIgnored() {
    String body =
        text("jira/issue-resolved.json").replace("jira:issue_updated", "jira:issue_created");
    assertThat(signed(connector, body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  void theReplayIdentityIsTheDecodedSignatureOrForATokenTheBody() {
    byte[] body = load("jira/issue-resolved.json");
    String hex = Signatures.hmacSha256Hex(SECRET, body);
    String lower =
        connector.replayIdentity(
            request(body, Map.of("X-Hub-Signature", "sha256=" + hex), Map.of()));
    String upper =
        connector.replayIdentity(
            request(
                body,
                Map.of(
                    "X-Hub-Signature",
                    "SHA256=" + hex.toUpperCase(Locale.ROOT),
                    "X-Closeloop-Signature",
                    "v1=ff"),
                Map.of()));
    assertThat(upper).isEqualTo(lower).isEqualTo("jira:sig:" + hex);

    // authenticated by ?token=: a made-up signature header does not make it a new request
    String token = connector.replayIdentity(request(body, Map.of(), Map.of("token", SECRET)));
    String tokenAndJunk =
        connector.replayIdentity(
            request(body, Map.of("X-Hub-Signature", "sha256=00"), Map.of("token", SECRET)));
    assertThat(token).isEqualTo(tokenAndJunk).startsWith("jira:body:");
  }

  @Test
  void theWebhookTimestampDatesTheChange() {
    TicketEvent e = event(signed(connector, load("jira/issue-resolved.json")));
    assertThat(e.changedAt()).isEqualTo(Instant.ofEpochMilli(1795514400118L));
  }
}
