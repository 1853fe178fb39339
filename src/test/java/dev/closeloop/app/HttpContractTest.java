package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.store.People;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API walked from outside the way clients get it wrong: routes that do not exist, the
 * wrong method, backwards date ranges, an Authorization scheme in another case, CSV as spreadsheets
 * write it. Every answer is JSON with an {@code error} an operator can act on.
 */
class HttpContractTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(dir, "", clock);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> plain(String method, String path) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  @Test
  void anUnknownRouteIsAJsonNotFound() {
    for (HttpResponse<String> r :
        new HttpResponse[] {
          plain("GET", "/nothing-here"),
          app.admin("GET", "/admin/nothing", null),
          plain("GET", "/sandbox/api/nothing")
        }) {
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(r.body()).isEqualTo("{\"error\":\"not found\"}");
    }
  }

  @Test
  void aKnownRouteWithTheWrongMethodIs405NamingTheAllowedOnes() {
    HttpResponse<String> hook = plain("GET", "/hooks/tickets");
    assertThat(hook.statusCode()).isEqualTo(405);
    assertThat(hook.headers().firstValue("Allow")).contains("POST");
    assertThat(hook.body()).isEqualTo("{\"error\":\"method not allowed; use POST\"}");

    HttpResponse<String> admin = app.admin("DELETE", "/admin/incidents", null);
    assertThat(admin.statusCode()).isEqualTo(405);
    assertThat(admin.body()).isEqualTo("{\"error\":\"method not allowed; use GET\"}");

    // the admin guard still answers first: no route is revealed without the token
    assertThat(plain("DELETE", "/admin/incidents").statusCode()).isEqualTo(401);
    assertThat(plain("POST", "/health/live").statusCode()).isEqualTo(405);
  }

  @Test
  void statsWithUntilBeforeSinceIsABadRequest() {
    HttpResponse<String> r =
        app.admin("GET", "/admin/stats?since=2026-12-31&until=2026-12-01", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"error\":\"until must not be before since\"}");
    assertThat(
            app.admin("GET", "/admin/stats?since=2026-12-01&until=2026-12-01", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() {
    HttpResponse<String> r =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/admin/incidents")))
                .header("Authorization", "bearer " + TestApp.TOKEN)
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(
            app.send(
                    HttpRequest.newBuilder(URI.create(app.url("/admin/incidents")))
                        .header("Authorization", "bearer wrong")
                        .build())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void linksImportTakesCsvAsSpreadsheetsSaveIt() {
    // Excel's "CSV UTF-8" starts with a byte order mark; many tools quote every field
    String csv =
        "\uFEFFemail,discordId\r\n"
            + "\"Dana@Example.com\",\"123456789012345678\"\r\n"
            + "erin@example.com,223456789012345678\r\n";
    HttpResponse<String> r = app.admin("POST", "/admin/links", csv);
    assertThat(r.body()).isEqualTo("{\"linked\":2}");
    assertThat(linkedTo("dana@example.com")).contains("123456789012345678");

    HttpResponse<String> bomFirst =
        app.admin("POST", "/admin/links", "\uFEFFfay@example.com,323456789012345678\n");
    assertThat(bomFirst.body()).isEqualTo("{\"linked\":1}");
    // the mark is not part of the address: the link is found by the plain email
    assertThat(linkedTo("fay@example.com")).contains("323456789012345678");
  }

  @Test
  void aLinksImportLineThatCannotBeKeptIs400NamingItAndNothingIsLinked() {
    String tooLong = "x".repeat(400) + "@example.com";
    for (String bad :
        new String[] {
          tooLong + ",423456789012345678",
          "gus @example.com,423456789012345678",
          "gus@example.com\u0000,423456789012345678",
          "gus@example.com,4234567890123456789012345"
        }) {
      HttpResponse<String> r =
          app.admin("POST", "/admin/links", "hal@example.com,523456789012345678\n" + bad + "\n");
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body()).as(bad).contains("line 2");
    }
    // the good line before each bad one was not linked either: an import is all or nothing
    assertThat(linkedTo("hal@example.com")).isEmpty();
  }

  @Test
  void aLinksImportThatIsNotUtf8Is400NamingTheLineNotStoredWithReplacementCharacters() {
    // Excel's plain "CSV" on Windows is Windows-1252: "José" is the byte E9, which UTF-8 cannot
    // read. Before, it was linked as "Jos\uFFFD@example.com" and answered {"linked":2}.
    byte[] csv =
        "email,discordId\nkim@example.com,723456789012345678\nJos\u00e9@example.com,823456789012345678\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> r = adminBytes("/admin/links", "text/csv", csv);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("line 3 is not UTF-8");
    assertThat(linkedTo("kim@example.com")).isEmpty();
    assertThat(linkedTo("jos\uFFFD@example.com")).isEmpty();
  }

  @Test
  void aSandboxBodyThatIsNotUtf8Is400NotADemoTicketWithReplacementCharacters() {
    byte[] body =
        "{\"email\":\"ren\u00e9@example.com\",\"id\":\"DEMO-UTF\"}"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> r =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/sandbox/api/tickets")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("line 1 is not UTF-8");
    assertThat(app.admin("GET", "/admin/surveys?ticket=DEMO-UTF&source=sandbox", null).statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<String> adminBytes(String path, String type, byte[] body) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + TestApp.TOKEN)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  @Test
  void anAddressThatBeginsWithEmailIsNotTakenForTheHeader() {
    HttpResponse<String> r =
        app.admin(
            "POST", "/admin/links", "email,discordId\nemail.desk@example.com,623456789012345678\n");
    assertThat(r.body()).isEqualTo("{\"linked\":1}");
    assertThat(linkedTo("email.desk@example.com")).contains("623456789012345678");
  }

  @Test
  void theSandboxRefusesABodyThatIsNotAJsonObjectInsteadOfClosingADefaultTicket() {
    for (String body : new String[] {"not json", "[1,2]", "{\"email\":"}) {
      HttpResponse<String> r = app.postJson("/sandbox/api/tickets", body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      // what is wrong, as every admin and sandbox route says it: not JSON at all, or not an object
      assertThat(r.body())
          .as(body)
          .isEqualTo(
              body.startsWith("[")
                  ? "{\"error\":\"body must be a JSON object\"}"
                  : "{\"error\":\"body is not valid JSON\"}");
    }
    assertThat(app.admin("GET", "/admin/surveys?ticket=DEMO-1000", null).statusCode())
        .isEqualTo(404);
    // the page's own request still closes a demo ticket
    HttpResponse<String> ok = app.postJson("/sandbox/api/tickets", "{\"id\":\"SB-1\"}");
    assertThat(ok.statusCode()).isEqualTo(202);
  }

  @Test
  void headersOver16KibAre431InJsonLikeEveryOtherError() {
    HttpResponse<String> r =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/health/live")))
                .header("X-Padding", "a".repeat(17 * 1024))
                .build());
    assertThat(r.statusCode()).isEqualTo(431);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(r.body()).isEqualTo("{\"error\":\"request headers over 16 KiB\"}");
    HttpResponse<String> longUri =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/health/live?x=" + "a".repeat(17 * 1024))))
                .build());
    assertThat(longUri.statusCode()).isEqualTo(414);
    assertThat(longUri.body()).isEqualTo("{\"error\":\"request URI over 16 KiB\"}");
  }

  @Test
  void aRequestJettyRefusesIsOneQuietLineWithNoStack() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      HttpResponse<String> longUri =
          app.send(
              HttpRequest.newBuilder(URI.create(app.url("/health/live?x=" + "a".repeat(20_000))))
                  .build());
      assertThat(longUri.statusCode()).isEqualTo(414);
    } finally {
      root.detachAppender(logs);
    }
    assertThat(logs.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .isEmpty();
    assertThat(logs.list)
        .filteredOn(e -> e.getFormattedMessage().contains("event=request_refused"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getFormattedMessage())
                  .isEqualTo("event=request_refused status=414 why=\"request URI over 16 KiB\"");
              assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
              assertThat(e.getThrowableProxy()).isNull();
            });
  }

  /**
   * A request with a WebSocket key goes to Javalin's WebSocket upgrade, which has no route here and
   * answered Jetty's HTML error page naming the servlet class, without the anti-framing headers.
   */
  @Test
  void aWebSocketUpgradeOnAnyRouteIsAJsonNotFoundLikeEveryOtherError() throws Exception {
    for (String path : new String[] {"/health/live", "/admin/surveys", "/nothing", "/sandbox"}) {
      String answer =
          raw(
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
      assertThat(answer).as(path).startsWith("HTTP/1.1 404 ");
      assertThat(answer)
          .as(path)
          .containsIgnoringCase("Content-Type: application/json")
          .contains("X-Frame-Options: DENY")
          .doesNotContain("<html", "Servlet", "SERVLET", "javalin");
      assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
          .as(path)
          .startsWith("{\"error\":");
    }
    // Jetty's own error pages were for GET, POST and HEAD only: another method got an empty body
    for (String method : new String[] {"TRACE", "PUT", "DELETE", "PROPFIND"}) {
      String answer = raw(method + " * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(method).startsWith("HTTP/1.1 400 ");
      assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
          .as(method)
          .startsWith("{\"error\":");
    }
  }

  /**
   * A malformed Host (an unclosed IPv6 bracket, a port that is no number) made Jetty's HostPort log
   * a WARN naming the client's text, once per request, besides the refused request's INFO line.
   */
  @Test
  void aMalformedHostIsOneQuietLineNotAWarn() throws Exception {
    ch.qos.logback.classic.LoggerContext context =
        (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    java.util.Map<String, ch.qos.logback.classic.Level> before = new java.util.HashMap<>();
    for (String name : LogSetup.ERROR_ONLY) {
      before.put(name, context.getLogger(name).getLevel());
      context.getLogger(name).setLevel(ch.qos.logback.classic.Level.ERROR);
    }
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      for (String host : new String[] {"[::1", "[[::1]", "x:99999", "x:abc", "a@b"}) {
        String answer =
            raw("GET /health/live HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).as(host).startsWith("HTTP/1.1 400 ").contains("{\"error\":");
      }
    } finally {
      root.detachAppender(logs);
      before.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
    assertThat(logs.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .isEmpty();
    assertThat(logs.list)
        .filteredOn(e -> e.getFormattedMessage().contains("event=request_refused"))
        .hasSize(5);
  }

  private String raw(String request) throws java.io.IOException {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", app.port)) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = s.getInputStream().read(buf)) > 0; ) {
          out.write(buf, 0, n);
          String sofar = out.toString(java.nio.charset.StandardCharsets.UTF_8);
          int head = sofar.indexOf("\r\n\r\n");
          int len = sofar.indexOf("Content-Length: ");
          if (head > 0 && len > 0) {
            int n2 = Integer.parseInt(sofar.substring(len + 16, sofar.indexOf('\r', len)).strip());
            if (out.size() >= head + 4 + n2) {
              break;
            }
          }
        }
      } catch (java.net.SocketTimeoutException e) {
        // an upgrade answer keeps the connection: what came is the answer
      }
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void withNoAdminTokenSetTheAdminApiSaysWhatToSet(@TempDir Path other) {
    try (TestApp off = TestApp.start(other, "admin: { token: \"\" }", clock)) {
      HttpResponse<String> r = off.admin("GET", "/admin/incidents", null);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).isEqualTo("{\"error\":\"the admin API is off: set admin.token\"}");
    }
    // with a token set, a wrong one is not told anything more
    HttpResponse<String> wrong =
        app.send(
            HttpRequest.newBuilder(URI.create(app.url("/admin/incidents")))
                .header("Authorization", "Bearer nope")
                .build());
    assertThat(wrong.body()).isEqualTo("{\"error\":\"missing or wrong admin token\"}");
  }

  @Test
  void aClosedAtFarInTheFutureCountsFromReceiptNeverA5xxOrASurveyYearsAhead() {
    // T0 is a Tuesday 10:00 UTC: due at receipt + survey.delay (PT15M)
    String edge =
        app.webhook(TestApp.closed("FAR-1", Instant.MAX, "{\"email\":\"a@example.com\"}")).body();
    assertThat(edge).contains("accepted");
    HttpResponse<String> future =
        app.webhook(
            TestApp.closed(
                "FAR-2", Instant.parse("2030-01-01T00:00:00Z"), "{\"email\":\"b@example.com\"}"));
    assertThat(future.statusCode()).isEqualTo(202);
    for (String ticket : new String[] {"FAR-1", "FAR-2"}) {
      assertThat(app.admin("GET", "/admin/surveys?ticket=" + ticket, null).body())
          .as(ticket)
          .contains("\"state\":\"scheduled\"", "\"dueAt\":\"2026-11-24T10:15:00Z\"");
    }
    // the same future-dated close again is a duplicate, as any repeat is
    assertThat(
            app.webhook(
                    TestApp.closed(
                        "FAR-2",
                        Instant.parse("2030-01-01T00:00:00Z"),
                        "{\"email\":\"b@example.com\"}"))
                .body())
        .isEqualTo("{\"status\":\"duplicate\"}");
    // within a day ahead (a skewed clock), the contract's rule holds: closedAt + delay
    app.webhook(
        TestApp.closed(
            "SOON-1", Instant.parse("2026-11-24T11:00:00Z"), "{\"email\":\"d@example.com\"}"));
    assertThat(app.admin("GET", "/admin/surveys?ticket=SOON-1", null).body())
        .contains("\"dueAt\":\"2026-11-24T11:15:00Z\"");
    HttpResponse<String> past =
        app.webhook(TestApp.closed("FAR-3", Instant.MIN, "{\"email\":\"c@example.com\"}"));
    assertThat(past.statusCode()).isEqualTo(202);
    assertThat(app.admin("GET", "/admin/surveys?ticket=FAR-3", null).body())
        .contains("\"reason\":\"stale\"");
  }

  @Test
  void anEmptyUserOrASourceInAnotherCaseFiltersAsTheWebhookRouteDoes() {
    app.webhook(TestApp.closed("INC-5", clock.instant(), "{\"email\":\"a@example.com\"}"));
    String all = app.admin("GET", "/admin/export?format=json", null).body();
    assertThat(all).contains("INC-5");
    // user= from a form left empty is no filter, not a filter matching nobody
    assertThat(app.admin("GET", "/admin/export?format=json&user=", null).body()).isEqualTo(all);
    // /hooks/tickets/JIRA is the jira source; so is source=GENERIC the generic one
    assertThat(app.admin("GET", "/admin/surveys?ticket=INC-5&source=GENERIC", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aParameterThatIsNotValidUrlEncodingIs400NotDroppedIntoAnUnfilteredAnswer() throws Exception {
    app.webhook(TestApp.closed("INC-6", clock.instant(), "{\"email\":\"b@example.com\"}"));
    // a raw '%' (or a bad escape) once made the parameter vanish: the export of one user was
    // everyone's, a date range was no range
    for (String path :
        new String[] {
          "/admin/export?format=json&user=a%",
          "/admin/export?format=json&user=b%zz@example.com",
          "/admin/stats?since=2026-11-01&until=%zz",
          "/admin/incidents?state=all&after=%E0%A4%A",
          "/admin/surveys?ticket=INC-6&source=%g1",
          "/sandbox/api/messages?since=%zz"
        }) {
      String answer = rawGet(path);
      assertThat(answer).as(path).startsWith("HTTP/1.1 400 ");
      assertThat(answer).as(path).contains("URL encoding").doesNotContain("INC-6");
    }
    assertThat(rawGet("/admin/export?format=json&user=b%40example.com"))
        .as("a proper escape still decodes")
        .startsWith("HTTP/1.1 200 ")
        .contains("INC-6");
    assertThat(rawGet("/admin/stats?foo=%zz"))
        .as("a parameter with the bad escape in it is named")
        .contains("foo");
  }

  /** A GET with the admin token over a raw socket: java.net.URI refuses a malformed escape. */
  private String rawGet(String path) throws java.io.IOException {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", app.port)) {
      s.setSoTimeout(20_000);
      s.getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                      + "Authorization: Bearer "
                      + TestApp.TOKEN
                      + "\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private Optional<String> linkedTo(String email) {
    return app.app.db().jdbi().withHandle(h -> new People(h).linkedDiscordId(email));
  }
}
