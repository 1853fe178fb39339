package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.slack.FakeSlack;
import dev.closeloop.chat.slack.SlackPlatform;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every body is capped while it streams: a 10 MiB chunked request (no Content-Length) sent over a
 * raw socket is answered 413 on every route that takes a body, and the server still answers the
 * next request.
 */
class BodyLimitsTest {
  static final int TEN_MIB = 10 * 1024 * 1024;

  static Path dir;
  static FakeSlack fakeSlack;
  static TestApp app;

  @BeforeAll
  static void start() {
    dir = TestApp.tempDir("body-limits");
    fakeSlack = FakeSlack.start();
    SlackPlatform slack = new SlackPlatform(fakeSlack.httpModeConfig("signing-secret"));
    app =
        TestApp.start(
            dir,
            "",
            new MutableClock(Instant.parse("2026-11-24T10:00:00Z")),
            Map.of(PlatformId.SLACK, slack));
  }

  @AfterAll
  static void stop() {
    app.close();
    fakeSlack.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/hooks/tickets",
        "/hooks/tickets/jira",
        "/slack/events",
        "/sandbox/api/type",
        "/sandbox/api/tickets",
        "/admin/links",
        "/admin/erase-user"
      })
  void aTenMebibyteChunkedBodyIs413WhileItStreamsAndTheServerGoesOn(String path) throws Exception {
    assertThat(chunkedStatus(path, TEN_MIB)).isEqualTo(413);
    assertThat(app.send(java.net.http.HttpRequest.newBuilder(uri("/health/live")).build()))
        .extracting(java.net.http.HttpResponse::statusCode)
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/hooks/tickets", "/slack/events", "/admin/links", "/sandbox/api/type"})
  void aContentLengthOverTheLimitIs413FromTheHeaderWithNoBodySent(String path) throws Exception {
    // the body never comes: the answer must not wait for it (nor for the 30 s idle timeout,
    // longer than this socket's read timeout)
    try (Socket s = new Socket("127.0.0.1", app.port)) {
      s.setSoTimeout(20_000);
      s.getOutputStream()
          .write(
              ("POST "
                      + path
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Authorization: Bearer "
                      + TestApp.TOKEN
                      + "\r\nContent-Length: "
                      + TEN_MIB
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      assertThat(statusLine(s.getInputStream())).startsWith("HTTP/1.1 413 ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/hooks/tickets", "/sandbox/api/type", "/admin/erase-user"})
  void aBodyTrickledAByteAtATimeIs408AtItsDeadlineNotHeldForever(String path) throws Exception {
    // slowloris on the body: one byte every 200 ms resets the 30 s idle timeout each time, and a
    // 60,000-byte body would take over three hours; a few hundred such clients held every server
    // thread (GET /health/live timed out). The body now has a deadline (here cut to 1 s).
    java.time.Duration before = Bodies.minimumTime;
    Bodies.minimumTime = java.time.Duration.ofSeconds(1);
    try (Socket s = new Socket("127.0.0.1", app.port)) {
      s.setSoTimeout(20_000);
      CompletableFuture<String> answer = answerOf(s.getInputStream());
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Authorization: Bearer "
                  + TestApp.TOKEN
                  + "\r\nContent-Length: 60000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try {
        // at most 75 bytes (15 s): far less than the body, far longer than its deadline; each
        // byte follows the last when the answer has not come within 200 ms (no blind sleep: the
        // loop ends the moment the server answers)
        for (int i = 0; i < 75 && !answer.isDone(); i++) {
          out.write(' ');
          out.flush();
          try {
            answer.get(200, TimeUnit.MILLISECONDS);
          } catch (java.util.concurrent.TimeoutException notYet) {
            // no answer yet: the next byte
          }
        }
      } catch (IOException closedByServer) {
        // the server answered and closed: what we want
      }
      assertThat(answer.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408 ");
    } finally {
      Bodies.minimumTime = before;
    }
    assertThat(app.send(java.net.http.HttpRequest.newBuilder(uri("/health/live")).build()))
        .extracting(java.net.http.HttpResponse::statusCode)
        .isEqualTo(200);
  }

  @Test
  void aBodyOfARoutesLimitMayTakeLongerThanTheMinimum() {
    assertThat(Bodies.allowance(Bodies.SMALL)).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(Bodies.allowance(Bodies.LINKS_CSV)).isEqualTo(java.time.Duration.ofSeconds(64));
  }

  @Test
  void aSmallChunkedBodyIsStillRead() throws Exception {
    // the cap is on size, not on chunked encoding: a short chunked request is served as usual
    assertThat(chunkedStatus("/sandbox/api/type", 10)).isEqualTo(400);
  }

  @Test
  void headersOver16KibAre431() throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port)) {
      s.setSoTimeout(20_000);
      String big = "x".repeat(17 * 1024);
      s.getOutputStream()
          .write(
              ("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(statusLine(s.getInputStream())).contains(" 431 ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.2", "HTTP/9.9", "XTTP/1.1", "HTTP/1.10", "HTTP/3"})
  void aRequestLineWithAnUnknownVersionIs400NotA5xx(String version) throws Exception {
    // Jetty answered these 505 HTTP Version Not Supported: a 5xx for what the client sent
    try (Socket s = new Socket("127.0.0.1", app.port)) {
      s.setSoTimeout(20_000);
      s.getOutputStream()
          .write(
              ("POST /hooks/tickets " + version + "\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).as(version).startsWith("HTTP/1.1 400 ").contains("{\"error\":");
    }
    assertThat(
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(uri("/health/live")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(200);
  }

  /** The status line the server answers on {@code in}, read by a second thread. */
  static CompletableFuture<String> answerOf(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return statusLine(in);
          } catch (IOException e) {
            return "io error: " + e;
          }
        });
  }

  static java.net.URI uri(String path) {
    return java.net.URI.create(app.url(path));
  }

  /**
   * Streams {@code total} bytes of JSON-ish filler in 64 KiB chunks while a second thread reads the
   * answer, so a 413 sent before the body ends is seen even if the server then closes.
   */
  static int chunkedStatus(String path, int total) throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port)) {
      s.setSoTimeout(30_000);
      CompletableFuture<String> answer = answerOf(s.getInputStream());
      OutputStream out = s.getOutputStream();
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Authorization: Bearer "
              + TestApp.TOKEN
              + "\r\nTransfer-Encoding: chunked\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'a');
      try {
        int sent = 0;
        while (sent < total && !answer.isDone()) {
          int n = Math.min(chunk.length, total - sent);
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk, 0, n);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          sent += n;
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedByServer) {
        // the server answered and closed before the body ended: what we want
      }
      String line = answer.get(30, TimeUnit.SECONDS);
      assertThat(line).startsWith("HTTP/1.1 ");
      return Integer.parseInt(line.split(" ")[1]);
    }
  }

  static String statusLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).strip();
  }
}
