package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who reaches the sandbox: loopback clients only unless {@code sandbox.allowRemote}, and then only
 * with the admin token. "Remote" here is a real client: a socket from this machine's own
 * non-loopback address, which the server sees as a remote peer.
 */
class SandboxExposureTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** The first up, non-loopback IPv4 address of this machine, if it has one. */
  static Optional<InetAddress> ownAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  String remoteUrl(String path) throws SocketException {
    Optional<InetAddress> own = ownAddress();
    assumeTrue(
        own.isPresent(),
        "this machine has no non-loopback IPv4 address, so a remote client cannot be made here;"
            + " the remote-client cases of the sandbox were NOT tested");
    return "http://" + own.get().getHostAddress() + ":" + app.port + path;
  }

  HttpResponse<String> get(String url, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return app.send(b.build());
  }

  HttpResponse<String> closeDemoTicket(String url) {
    return app.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"DEMO-1\"}"))
            .build());
  }

  @Test
  void byDefaultTheSandboxAnswersLoopbackClientsOnly() throws Exception {
    app = TestApp.start(dir, "", clock);

    assertThat(get(app.url("/sandbox"), null).statusCode()).isEqualTo(200);
    assertThat(get(remoteUrl("/sandbox"), null).statusCode()).isEqualTo(404);
    assertThat(get(remoteUrl("/sandbox/api/messages"), null).statusCode()).isEqualTo(404);
    assertThat(closeDemoTicket(remoteUrl("/sandbox/api/tickets")).statusCode()).isEqualTo(404);
    // nothing was taken in from the remote client
    assertThat(app.admin("GET", "/admin/surveys?ticket=DEMO-1", null).statusCode()).isEqualTo(404);
    // the rest of the server still answers remote clients (webhooks come from elsewhere)
    assertThat(get(remoteUrl("/health/live"), null).statusCode()).isEqualTo(200);
  }

  /**
   * A raw request from this machine, as the operator's browser sends it: {@code Host} and {@code
   * Content-Type} as given (java.net.http will not set Host). The status code.
   */
  int fromThisMachine(String method, String path, String host, String contentType, String body)
      throws java.io.IOException {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", app.port)) {
      s.setSoTimeout(20_000);
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\nConnection: close\r\n"
              + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
              + "Content-Length: "
              + b.length
              + "\r\n\r\n";
      s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(b);
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return Integer.parseInt(answer.split(" ", 3)[1]);
    }
  }

  @Test
  void aWebPageTheOperatorHasOpenCannotDriveTheSandboxThroughTheirBrowser() throws Exception {
    app = TestApp.start(dir, "", clock);
    String local = "127.0.0.1:" + app.port;
    String ticket = "{\"id\":\"DEMO-CSRF\"}";
    // a cross-site form or a fetch without preflight can only send these bodies
    for (String type :
        new String[] {
          "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null
        }) {
      assertThat(fromThisMachine("POST", "/sandbox/api/tickets", local, type, ticket))
          .as(String.valueOf(type))
          .isEqualTo(415);
    }
    assertThat(fromThisMachine("POST", "/sandbox/api/digest", local, null, "")).isEqualTo(415);
    // DNS rebinding: the attacker's own name, resolving to 127.0.0.1, is not this machine's
    String rebound = "evil.example:" + app.port;
    assertThat(fromThisMachine("GET", "/sandbox/api/messages", rebound, null, "")).isEqualTo(404);
    assertThat(fromThisMachine("POST", "/sandbox/api/tickets", rebound, "application/json", ticket))
        .isEqualTo(404);
    assertThat(app.admin("GET", "/admin/surveys?ticket=DEMO-CSRF", null).statusCode())
        .isEqualTo(404);
    // the page itself, opened as localhost, 127.0.0.1 or [::1], works as before
    for (String host :
        new String[] {
          "localhost:" + app.port, "localhost.:" + app.port, local, "[::1]:" + app.port
        }) {
      assertThat(fromThisMachine("GET", "/sandbox/api/messages", host, null, ""))
          .as(host)
          .isEqualTo(200);
    }
    assertThat(fromThisMachine("POST", "/sandbox/api/tickets", local, "application/json", ticket))
        .isEqualTo(202);
  }

  @Test
  void noOtherSiteCanFrameTheSandboxToTakeTheOperatorsClicks() {
    // opened from localhost in the operator's browser, the page passes every check: framed under
    // another site's buttons (clickjacking), their clicks would post digests and answer surveys
    app = TestApp.start(dir, "", clock);
    for (String path : new String[] {"/sandbox", "/sandbox/api/messages", "/health/live"}) {
      HttpResponse<String> r = get(app.url(path), null);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue("frame-ancestors 'none'");
    }
    // an answer no route gave (404) carries them too
    assertThat(get(app.url("/nowhere"), null).headers().firstValue("X-Frame-Options"))
        .hasValue("DENY");
  }

  @Test
  void noBrowserOrProxyKeepsACopyOfTheSandboxOrAdminAnswers() {
    // the sandbox's conversations and the admin API's surveys, exports and incidents name people:
    // a shared browser's cache or a proxy must not keep them
    app = TestApp.start(dir, "", clock);
    for (String path :
        new String[] {"/sandbox", "/sandbox/api/messages", "/admin/surveys?ticket=X"}) {
      HttpResponse<String> r = get(app.url(path), null);
      assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
    }
    assertThat(get(app.url("/health/live"), null).headers().firstValue("Cache-Control"))
        .as("nothing personal there")
        .isEmpty();
  }

  @Test
  void withAllowRemoteARemoteClientNeedsTheAdminToken() throws Exception {
    app = TestApp.start(dir, "sandbox: { allowRemote: true }", clock);

    HttpResponse<String> anonymous = get(remoteUrl("/sandbox"), null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(get(remoteUrl("/sandbox"), "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(get(remoteUrl("/sandbox/api/messages"), null).statusCode()).isEqualTo(401);

    assertThat(get(remoteUrl("/sandbox"), "Bearer " + TestApp.TOKEN).statusCode()).isEqualTo(200);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("it:" + TestApp.TOKEN).getBytes(StandardCharsets.UTF_8));
    assertThat(get(remoteUrl("/sandbox/api/messages"), basic).statusCode()).isEqualTo(200);
    // loopback stays as easy as before
    assertThat(get(app.url("/sandbox"), null).statusCode()).isEqualTo(200);
  }

  @Test
  void withAllowRemoteButNoAdminTokenRemoteClientsAreRefused() throws Exception {
    app = TestApp.start(dir, "sandbox: { allowRemote: true }\nadmin: { token: \"\" }", clock);

    assertThat(get(remoteUrl("/sandbox"), "Bearer ").statusCode()).isEqualTo(401);
    assertThat(get(remoteUrl("/sandbox"), null).statusCode()).isEqualTo(401);
  }

  @Test
  void aRealTicketWithNoChatIdentityIsNotSurveyedInTheSandboxUnlessEnabled() {
    app = TestApp.start(dir, "", clock);
    app.webhook(TestApp.closed("INC-1", T0, "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}"));
    clock.advance(java.time.Duration.ofHours(1));
    app.tick();

    String survey = app.admin("GET", "/admin/surveys?ticket=INC-1", null).body();
    assertThat(survey).contains("\"state\":\"skipped\"").contains("\"reason\":\"no_identity\"");
  }

  @Test
  void withSandboxEnabledTrueARealTicketReachesTheSandbox() {
    app = TestApp.start(dir, "sandbox: { enabled: true }", clock);
    app.webhook(TestApp.closed("INC-2", T0, "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}"));
    clock.advance(java.time.Duration.ofHours(1));
    app.tick();

    String survey = app.admin("GET", "/admin/surveys?ticket=INC-2", null).body();
    assertThat(survey).contains("\"platform\":\"sandbox\"");
  }

  @Test
  void theSandboxSwitchedOffSaysSoNotThatAPlatformIsConfigured() {
    app = TestApp.start(dir, "sandbox: { enabled: false }", clock);

    HttpResponse<String> page = get(app.url("/sandbox"), null);

    // no chat platform is configured here: the operator turned the sandbox off, and the answer
    // must not send them to set sandbox.enabled: true because of a platform that is not there
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("sandbox.enabled: false").doesNotContain("configured");
  }
}
