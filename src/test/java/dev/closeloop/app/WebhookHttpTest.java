package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import dev.closeloop.ticket.Signatures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The generic webhook over HTTP against hostile requests: replays, clock skew, sizes, logs. */
class WebhookHttpTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final String COMMENT = "my-private-words-" + "x".repeat(10);

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  TestApp app;

  @BeforeEach
  void start() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    app = TestApp.start(dir, "", clock);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    app.close();
  }

  @Test
  void aReplayedRequestIsADuplicateEvenAfterAReopen() {
    String close =
        "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"INC-7\"},\"requester\":{\"email\":\"d@example.com\"}}";
    HttpRequest original = signed(close, clock.instant().getEpochSecond());
    assertThat(app.send(original).statusCode()).isEqualTo(202);
    assertThat(app.send(original).body()).contains("duplicate");
    clock.advance(Duration.ofSeconds(30));
    assertThat(
            app.webhook("{\"event\":\"ticket.reopened\",\"ticket\":{\"id\":\"INC-7\"}}")
                .statusCode())
        .isEqualTo(202);
    clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> replay = app.send(signed(close, T0.getEpochSecond()));
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).contains("duplicate");
  }

  @Test
  void aCloseAfterAReopenInTheSameSecondIsANewClose() {
    // closedAt left out defaults to the time of receipt: a close, a reopen and a new close signed
    // in one second (a helpdesk rule firing fast, or a test suite) are two closes, not one sent
    // twice; the second was a duplicate, and the re-closed ticket never surveyed
    long ts = clock.instant().getEpochSecond();
    String close =
        "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"INC-11\"},\"requester\":{\"email\":\"%s\"}}";
    assertThat(app.send(signed(close.formatted("a@example.com"), ts)).statusCode()).isEqualTo(202);
    clock.advance(Duration.ofMillis(120));
    String reopen = "{\"event\":\"ticket.reopened\",\"ticket\":{\"id\":\"INC-11\"}}";
    assertThat(app.send(signed(reopen, ts)).statusCode()).isEqualTo(202);
    clock.advance(Duration.ofMillis(120));
    HttpResponse<String> again = app.send(signed(close.formatted("b@example.com"), ts));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-11", null).body())
        .contains("\"state\":\"scheduled\"", "\"state\":\"cancelled\"", "b@example.com");
    // and the first close sent again is still a replay
    assertThat(app.send(signed(close.formatted("a@example.com"), ts)).body()).contains("duplicate");
  }

  @Test
  void aReplayedReopenDoesNotCancelANewerSurvey() {
    String close1 =
        "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"INC-9\",\"closedAt\":\"2026-11-24T09:00:00Z\"},"
            + "\"requester\":{\"email\":\"r@example.com\"}}";
    String reopen = "{\"event\":\"ticket.reopened\",\"ticket\":{\"id\":\"INC-9\"}}";
    String close2 = close1.replace("09:00:00Z", "09:05:00Z");
    long ts = clock.instant().getEpochSecond();
    assertThat(app.send(signed(close1, ts)).statusCode()).isEqualTo(202);
    HttpRequest reopenRequest = signed(reopen, ts);
    assertThat(app.send(reopenRequest).statusCode()).isEqualTo(202);
    assertThat(app.send(signed(close2, ts)).statusCode()).isEqualTo(202);
    HttpResponse<String> replay = app.send(signed(reopen, ts));
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).contains("duplicate");
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-9", null).body())
        .as("the newer survey is still scheduled")
        .contains("\"state\":\"scheduled\"");
  }

  @Test
  void aTimeZoneTooLongToBeValidIsLoggedAsInvalidLikeAnyOther() {
    // a zone over 64 characters was dropped silently, while a short invalid one was logged
    for (String tz : new String[] {"Mars/Olympus", "Europe/" + "x".repeat(80)}) {
      logs.list.clear();
      String body =
          "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"TZ-%d\"},\"requester\":{\"email\":\"t@example.com\",\"timezone\":\"%s\"}}"
              .formatted(tz.length(), tz);
      assertThat(app.webhook(body).statusCode()).isEqualTo(202);
      assertThat(logs.list)
          .as(tz)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(m -> assertThat(m).startsWith("event=invalid_timezone"));
    }
  }

  @Test
  void timestampsMoreThan300SecondsAwayAreRefused() {
    String body = TestApp.closed("INC-8", T0, "{\"email\":\"d@example.com\"}");
    long now = clock.instant().getEpochSecond();
    assertThat(app.send(signed(body, now - 301)).statusCode()).isEqualTo(401);
    assertThat(app.send(signed(body, now + 301)).statusCode()).isEqualTo(401);
    assertThat(app.send(signed(body, now - 299)).statusCode()).isEqualTo(202);
  }

  @Test
  void oversizedHeadersAnswer431AndOversizedBodies413() {
    HttpResponse<String> big =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets")))
                .header("Content-Type", "application/json")
                .header("X-Filler", "a".repeat(17 * 1024))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(big.statusCode()).isEqualTo(431);
    String huge = "{\"event\":\"ticket.closed\",\"pad\":\"" + "x".repeat(65 * 1024) + "\"}";
    HttpResponse<String> tooLarge = app.send(signed(huge, clock.instant().getEpochSecond()));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    // 413 comes before 401: an unsigned huge body is refused for its size
    HttpResponse<String> unsigned = app.postJson("/hooks/tickets", huge);
    assertThat(unsigned.statusCode()).isEqualTo(413);
    HttpResponse<String> health =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/health/live")))
                .header("X-Filler", "a".repeat(17 * 1024))
                .GET()
                .build());
    assertThat(health.statusCode()).isEqualTo(431);
  }

  @Test
  void badInputNeverAnswers5xxAndNothingSecretIsLogged() {
    long now = clock.instant().getEpochSecond();
    String withComment =
        TestApp.closed("INC-9", T0, "{\"email\":\"d@example.com\",\"name\":\"" + COMMENT + "\"}");
    assertThat(app.send(signed(withComment, now)).statusCode()).isEqualTo(202);
    String[] bodies = {
      "",
      "{",
      "[]",
      "null",
      "{\"event\":\"ticket.closed\"}",
      "\u0000\u0001",
      "{\"event\":1e999}",
      "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\""
          + "i".repeat(5000)
          + "\"},\"requester\":{\"email\":\"a@b\"}}"
    };
    for (String b : bodies) {
      int code = app.send(signed(b, now)).statusCode();
      assertThat(code).as("body %s", b.length() > 40 ? b.substring(0, 40) : b).isBetween(200, 499);
    }
    HttpResponse<String> badSig =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets")))
                .header("Content-Type", "application/json")
                .header("X-Closeloop-Timestamp", Long.toString(now))
                .header("X-Closeloop-Signature", "v1=" + TestApp.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(withComment))
                .build());
    assertThat(badSig.statusCode()).isEqualTo(401);
    HttpResponse<String> badToken =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/admin/stats")))
                .header("Authorization", "Bearer wrong-" + TestApp.TOKEN)
                .GET()
                .build());
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(app.admin("GET", "/admin/stats", null).statusCode()).isEqualTo(200);
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent e : logs.list) {
      String line =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      assertThat(line)
          .doesNotContain(TestApp.SECRET)
          .doesNotContain("Bearer")
          .doesNotContain(COMMENT);
    }
  }

  private HttpRequest signed(String json, long ts) {
    String sig =
        "v1="
            + Signatures.hmacSha256Hex(
                TestApp.SECRET, Signatures.utf8(ts + "."), Signatures.utf8(json));
    return HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets")))
        .header("Content-Type", "application/json")
        .header("X-Closeloop-Timestamp", Long.toString(ts))
        .header("X-Closeloop-Signature", sig)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }
}
