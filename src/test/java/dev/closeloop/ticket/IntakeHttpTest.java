package dev.closeloop.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic webhook over real HTTP: every answer of docs/reference.md "Ticket webhooks". */
class IntakeHttpTest {
  @TempDir static Path dir;
  static TestApp app;
  static final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:05:00Z"));

  @BeforeAll
  static void start() {
    app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true }\nsandbox: { enabled: false }",
            clock);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static final String REQUESTER =
      "{\"email\":\"dana@example.com\",\"name\":\"Dana\",\"timezone\":\"Europe/Berlin\"}";

  @Test
  @DisplayName("A valid close is 202 with an id, and its repeat is 200 duplicate")
  void acceptsThenDuplicate() {
    String body = TestApp.closed("INC-1", Instant.parse("2026-11-24T10:00:00Z"), REQUESTER);
    HttpResponse<String> first = app.webhook(body);
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.body()).contains("\"status\":\"accepted\"").contains("\"id\":");
    HttpResponse<String> again = app.webhook(body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("duplicate");
    String otherClosedAt =
        TestApp.closed("INC-1", Instant.parse("2026-11-24T10:01:00Z"), REQUESTER);
    assertThat(app.webhook(otherClosedAt).body())
        .as("a close of a ticket already closed")
        .contains("duplicate");
  }

  @Test
  void extraFieldsAreIgnored() {
    String body =
        "{\"event\":\"ticket.closed\",\"force\":true,\"ticket\":{\"id\":\"INC-9\",\"priority\":\"p1\"},"
            + "\"requester\":{\"email\":\"x@example.com\",\"vip\":true}}";
    assertThat(app.webhook(body).statusCode()).isEqualTo(202);
  }

  @Test
  @DisplayName("A reopen cancels a survey not yet answered; a repeated reopen is a duplicate")
  void reopenCancels() {
    assertThat(app.webhook(TestApp.closed("INC-2", clock.instant(), REQUESTER)).statusCode())
        .isEqualTo(202);
    String reopen = "{\"event\":\"ticket.reopened\",\"ticket\":{\"id\":\"INC-2\"}}";
    assertThat(app.webhook(reopen).statusCode()).isEqualTo(202);
    HttpResponse<String> surveys = app.admin("GET", "/admin/surveys?ticket=INC-2", null);
    assertThat(surveys.body())
        .contains("\"state\":\"cancelled\"")
        .contains("\"reason\":\"reopened\"");
    assertThat(app.webhook(reopen).body()).contains("duplicate");
    String never = "{\"event\":\"ticket.reopened\",\"ticket\":{\"id\":\"NEVER-SEEN\"}}";
    HttpResponse<String> ignored = app.webhook(never);
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.body()).contains("ignored");
  }

  @Test
  void badInputIsA400NamingTheField() {
    assertThat(app.webhook("{not json").statusCode()).isEqualTo(400);
    HttpResponse<String> noId =
        app.webhook(
            "{\"event\":\"ticket.closed\",\"ticket\":{},\"requester\":{\"email\":\"a@b.c\"}}");
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(noId.body()).contains("ticket.id");
    HttpResponse<String> noWho =
        app.webhook("{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"X\"},\"requester\":{}}");
    assertThat(noWho.statusCode()).isEqualTo(400);
    assertThat(noWho.body()).contains("email");
    HttpResponse<String> badEvent =
        app.webhook("{\"event\":\"ticket.updated\",\"ticket\":{\"id\":\"X\"}}");
    assertThat(badEvent.body()).contains("event");
    // an event of the wrong type is present, not missing: the answer says what it must be
    HttpResponse<String> numericEvent =
        app.webhook("{\"event\":5,\"ticket\":{\"id\":\"X\"},\"requester\":{\"email\":\"a@b.c\"}}");
    assertThat(numericEvent.statusCode()).isEqualTo(400);
    assertThat(numericEvent.body())
        .isEqualTo("{\"error\":\"event must be ticket.closed or ticket.reopened\"}");
    HttpResponse<String> badDate =
        app.webhook(
            "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"X\",\"closedAt\":\"yesterday\"},"
                + "\"requester\":{\"email\":\"a@b.c\"}}");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("ticket.closedAt");
    assertThat(app.webhook("[]").statusCode()).isEqualTo(400);
  }

  private HttpRequest.Builder raw(String body) {
    return HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets")))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  @Test
  void unsignedStaleOrWrongSignatureIs401() {
    String body = TestApp.closed("INC-3", clock.instant(), REQUESTER);
    assertThat(app.send(raw(body).header("Content-Type", "application/json").build()).statusCode())
        .isEqualTo(401);
    String ts = Long.toString(clock.instant().minus(Duration.ofSeconds(301)).getEpochSecond());
    assertThat(send(body, "application/json", ts, v1(ts, body)).statusCode()).isEqualTo(401);
    String now = Long.toString(clock.instant().getEpochSecond());
    assertThat(send(body, "application/json", now, "v1=00").statusCode()).isEqualTo(401);
  }

  @Test
  void wrongContentTypeIs415AndHugeBodyIs413() {
    assertThat(app.send(raw("{}").header("Content-Type", "text/plain").build()).statusCode())
        .isEqualTo(415);
    String huge = "{\"event\":\"ticket.closed\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
    assertThat(app.send(raw(huge).header("Content-Type", "text/plain").build()).statusCode())
        .as("413 is checked before 415")
        .isEqualTo(413);
  }

  @Test
  @DisplayName(
      "A body of exactly 64 KiB is taken, its long title cut as the store keeps it; a byte more is"
          + " 413")
  void aBodyAtTheLimitIsTakenWhateverFieldItsLengthIsIn() {
    String head = "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"INC-64K\",\"title\":\"";
    String tail =
        "\"},\"requester\":{\"email\":\"long@example.com\",\"name\":\""
            + "N".repeat(500)
            + "\",\"timezone\":\""
            + "Z".repeat(100)
            + "\"}}";
    String body = head + "t".repeat(64 * 1024 - head.length() - tail.length()) + tail;
    assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(64 * 1024);
    HttpResponse<String> r = app.webhook(body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String survey = app.admin("GET", "/admin/surveys?ticket=INC-64K", null).body();
    assertThat(survey).contains("\"name\":\"" + "N".repeat(299) + "…\"");
    String oneMore = body.replace("\"title\":\"", "\"title\":\"t").replace("INC-64K", "INC-64L");
    assertThat(app.webhook(oneMore).statusCode()).isEqualTo(413);
  }

  @Test
  void trailingTextAfterTheObjectOrADuplicateKeyIsMalformedJson() {
    String close = TestApp.closed("INC-40", clock.instant(), REQUESTER).strip();
    HttpResponse<String> trailing = app.webhook(close + "garbage");
    assertThat(trailing.statusCode()).isEqualTo(400);
    assertThat(trailing.body()).contains("not valid JSON");
    assertThat(app.webhook(close + "{}").statusCode()).isEqualTo(400);
    // two "event" keys: which one a reader takes is anyone's guess, so neither is taken
    HttpResponse<String> twice =
        app.webhook(
            "{\"event\":\"ticket.closed\",\"event\":\"ticket.reopened\","
                + "\"ticket\":{\"id\":\"INC-41\"},\"requester\":"
                + REQUESTER
                + "}");
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("event");
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-40", null).statusCode()).isEqualTo(404);
    assertThat(app.webhook(close + "\n").statusCode())
        .as("trailing blanks are fine")
        .isEqualTo(202);
  }

  @Test
  void onlyApplicationJsonIsJson() {
    String close = TestApp.closed("INC-42", clock.instant(), REQUESTER);
    for (String type :
        new String[] {"application/jsonx", "application/json-patch+json", "application/json5"}) {
      assertThat(signed(close, type).statusCode()).as(type).isEqualTo(415);
    }
    assertThat(signed(close, "Application/JSON; charset=UTF-8").statusCode()).isEqualTo(202);
  }

  @Test
  void anUpperCaseHexSignatureIsTheSameSignature() {
    String body = TestApp.closed("INC-43", clock.instant(), REQUESTER);
    String ts = Long.toString(clock.instant().getEpochSecond());
    String sig = "v1=" + v1(ts, body).substring(3).toUpperCase(java.util.Locale.ROOT);
    assertThat(send(body, "application/json", ts, sig).statusCode()).isEqualTo(202);
  }

  private HttpResponse<String> signed(String body, String contentType) {
    String ts = Long.toString(clock.instant().getEpochSecond());
    return send(body, contentType, ts, v1(ts, body));
  }

  private HttpResponse<String> send(String body, String contentType, String ts, String signature) {
    return app.send(
        raw(body)
            .header("Content-Type", contentType)
            .header("X-Closeloop-Timestamp", ts)
            .header("X-Closeloop-Signature", signature)
            .build());
  }

  /** The generic webhook's signature of {@code body} at {@code ts}, with the test secret. */
  private static String v1(String ts, String body) {
    return "v1="
        + Signatures.hmacSha256Hex(
            TestApp.SECRET, Signatures.utf8(ts + "."), Signatures.utf8(body));
  }

  @Test
  void unknownSourceIs404() {
    HttpResponse<String> r = app.postJson("/hooks/tickets/remedy", "{}");
    assertThat(r.statusCode()).isEqualTo(404);
  }

  @Test
  void adminNeedsTheToken() {
    HttpResponse<String> r =
        app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/incidents"))).GET().build());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(app.admin("GET", "/admin/incidents", null).statusCode()).isEqualTo(200);
    assertThat(app.admin("GET", "/admin/surveys?ticket=NOPE", null).statusCode()).isEqualTo(404);
    assertThat(app.admin("GET", "/admin/stats?since=yesterday", null).statusCode()).isEqualTo(400);
  }

  @Test
  void healthAndMetrics() {
    assertThat(
            app.send(HttpRequest.newBuilder(URI.create(app.url("/health/live"))).build())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            app.send(HttpRequest.newBuilder(URI.create(app.url("/health/ready"))).build())
                .statusCode())
        .isEqualTo(200);
    // the JVM binders are bound just after the ready line, off the start-up path
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        app.send(HttpRequest.newBuilder(URI.create(app.url("/metrics"))).build())
                            .body())
                    .contains("jvm_memory_used_bytes", "closeloop_outbox_rows")
                    .doesNotContain("s3cret"));
  }
}
