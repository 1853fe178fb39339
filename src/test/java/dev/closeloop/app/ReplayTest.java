package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import dev.closeloop.ticket.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A captured webhook replayed: with one more (ignored) signature header, with upper-case hex, and
 * days later. Its identity is the connector plus the decoded signature, kept as long as
 * retention.keep; and per ticket, an event the helpdesk dates no later than the last one applied
 * changes nothing.
 */
class ReplayTest {
  static final String JIRA = "jira-secret";
  static final String ZAMMAD = "zammad-secret";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:05:00Z"));
  TestApp app;

  @BeforeEach
  void start() {
    app =
        TestApp.start(
            dir,
            "connectors: { jira: { secret: " + JIRA + " }, zammad: { secret: " + ZAMMAD + " } }",
            clock);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  static String sample(String path) {
    try (InputStream in = ReplayTest.class.getResourceAsStream("/connectors/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(String source, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets/" + source)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return app.send(b.build());
  }

  static String jiraSignature(String body) {
    return "sha256=" + Signatures.hmacSha256Hex(JIRA, Signatures.utf8(body));
  }

  static String zammadSignature(String body) {
    return "sha1=" + Signatures.hmacSha1Hex(ZAMMAD, Signatures.utf8(body));
  }

  String surveys(String ticket) {
    return app.admin("GET", "/admin/surveys?ticket=" + ticket, null).body();
  }

  @Test
  void anOldReopenReplayedAfterANewCloseCancelsNothing() {
    String resolved = sample("jira/issue-resolved.json"); // timestamp 2026-11-24T10:00
    String reopened = sample("jira/issue-reopened.json"); // timestamp 2026-11-25T10:00
    String resolvedAgain = // resolved again on 2026-11-26
        resolved
            .replace("1795514400118", "1795687200000")
            .replace("2026-11-24T10:00:00.000+0000", "2026-11-26T10:00:00.000+0000");
    assertThat(post("jira", resolved, Map.of("X-Hub-Signature", jiraSignature(resolved))))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(202);
    assertThat(post("jira", reopened, Map.of("X-Hub-Signature", jiraSignature(reopened))))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(202);
    assertThat(post("jira", resolvedAgain, Map.of("X-Hub-Signature", jiraSignature(resolvedAgain))))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(202);
    assertThat(surveys("IT-1042")).contains("\"state\":\"scheduled\"");

    String upper = "sha256=" + jiraSignature(reopened).substring(7).toUpperCase(Locale.ROOT);
    HttpResponse<String> upperCase = post("jira", reopened, Map.of("X-Hub-Signature", upper));
    HttpResponse<String> extraHeader =
        post(
            "jira",
            reopened,
            Map.of(
                "X-Hub-Signature",
                jiraSignature(reopened),
                "X-Closeloop-Signature",
                "v1=00",
                "X-GLPI-signature",
                "ab"));

    for (HttpResponse<String> replay : java.util.List.of(upperCase, extraHeader)) {
      assertThat(replay.statusCode()).isEqualTo(200);
      assertThat(replay.body()).contains("duplicate");
    }
    assertThat(surveys("IT-1042")).contains("\"state\":\"scheduled\"");
    assertThat(surveys("IT-1042").split("\"state\":\"cancelled\"", -1)).hasSize(2);
  }

  @Test
  void anOlderEventFromTheHelpdeskChangesNothingEvenAsANewRequest() {
    String closed = sample("zammad/ticket-closed.json"); // updated_at 2026-11-24T10:00
    String reopened = sample("zammad/ticket-reopened.json"); // updated_at 2026-11-25T08:01
    String closedLater =
        closed
            .replace("2026-11-24T10:00:00.120Z", "2026-11-26T09:00:00.120Z")
            .replace("2026-11-24T10:00:00.104Z", "2026-11-26T09:00:00.104Z");
    assertThat(closedLater).isNotEqualTo(closed);
    post("zammad", closed, Map.of("X-Hub-Signature", zammadSignature(closed)));
    post("zammad", reopened, Map.of("X-Hub-Signature", zammadSignature(reopened)));
    post("zammad", closedLater, Map.of("X-Hub-Signature", zammadSignature(closedLater)));

    // the same old reopen, re-serialised (a new body, a new signature): still older than the close
    String reshaped = reopened.replace("\n", "\r\n");
    HttpResponse<String> r =
        post("zammad", reshaped, Map.of("X-Hub-Signature", zammadSignature(reshaped)));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("duplicate");
    assertThat(surveys("10081").split("\"state\":\"cancelled\"", -1)).hasSize(2);
  }

  @Test
  void anEventTheHelpdeskDatesYearsAheadDoesNotFreezeTheTicket() {
    // a wrong clock or year on the helpdesk: were 2999 kept as the ticket's last change, no later
    // real event would ever be newer, and the ticket would never reopen again
    String closedAhead =
        sample("zammad/ticket-closed.json")
            .replace(
                "\"updated_at\": \"2026-11-24T10:00:00.120Z\"",
                "\"updated_at\": \"2999-01-01T00:00:00Z\"");
    assertThat(closedAhead).contains("2999");
    post("zammad", closedAhead, Map.of("X-Hub-Signature", zammadSignature(closedAhead)));
    clock.advance(java.time.Duration.ofMinutes(5));
    String reopened =
        sample("zammad/ticket-reopened.json")
            .replace("2026-11-25T08:01:00.000Z", clock.instant().toString());
    HttpResponse<String> r =
        post("zammad", reopened, Map.of("X-Hub-Signature", zammadSignature(reopened)));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(surveys("10081")).contains("\"state\":\"cancelled\"");
  }

  @Test
  void aBodySignedReopenReplayedDaysLaterAfterANewCloseCancelsNothing() {
    // no helpdesk time in these bodies: only the request's identity can tell the replay
    String closed = sample("zammad/ticket-closed.json").replace("\"updated_at\"", "\"x_updated\"");
    String reopened =
        sample("zammad/ticket-reopened.json").replace("\"updated_at\"", "\"x_updated\"");
    String closedAgain = closed.replace("2026-11-24T10:00:00.104Z", "2026-11-26T09:00:00.104Z");
    String resolved =
        sample("jira/issue-resolved.json")
            .replace("\"timestamp\"", "\"x_timestamp\"")
            .replace("\"updated\"", "\"x_updated\"")
            .replace("IT-1042", "IT-7");
    String reopenedJira =
        sample("jira/issue-reopened.json")
            .replace("\"timestamp\"", "\"x_timestamp\"")
            .replace("\"updated\"", "\"x_updated\"")
            .replace("IT-1042", "IT-7");
    String resolvedAgain =
        resolved.replace(
            "\"resolutiondate\": \"2026-11-24T10:00:00.000+0000\"",
            "\"resolutiondate\": \"2026-11-26T09:00:00.000+0000\"");
    assertThat(resolvedAgain).isNotEqualTo(resolved);
    for (String body : java.util.List.of(closed, reopened, closedAgain)) {
      assertThat(post("zammad", body, Map.of("X-Hub-Signature", zammadSignature(body))))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(202);
    }
    for (String body : java.util.List.of(resolved, reopenedJira, resolvedAgain)) {
      assertThat(post("jira", body, Map.of("X-Hub-Signature", jiraSignature(body))))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(202);
    }

    clock.advance(Duration.ofDays(2));
    assertThat(app.admin("POST", "/admin/purge", null).statusCode()).isEqualTo(200);

    HttpResponse<String> zammad =
        post("zammad", reopened, Map.of("X-Hub-Signature", zammadSignature(reopened)));
    HttpResponse<String> jira =
        post("jira", reopenedJira, Map.of("X-Hub-Signature", jiraSignature(reopenedJira)));
    for (HttpResponse<String> replay : java.util.List.of(zammad, jira)) {
      assertThat(replay.statusCode()).isEqualTo(200);
      assertThat(replay.body()).contains("duplicate");
    }
    assertThat(surveys("10081").split("\"state\":\"cancelled\"", -1)).hasSize(2);
    assertThat(surveys("IT-7").split("\"state\":\"cancelled\"", -1)).hasSize(2);
  }
}
