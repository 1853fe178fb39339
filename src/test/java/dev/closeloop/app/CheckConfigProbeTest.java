package dev.closeloop.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-config --probe} against a fake Zammad: plain words and the exit code. */
class CheckConfigProbeTest {
  @TempDir Path dir;
  private WireMockServer zammad;

  @BeforeEach
  void start() {
    zammad = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    zammad.start();
  }

  @AfterEach
  void stop() {
    zammad.stop();
  }

  private record Run(int code, String out) {}

  private Run checkConfig(String yaml, String... extra) throws Exception {
    Path cfg = dir.resolve("c.yml");
    Files.writeString(cfg, yaml);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      String[] args = new String[extra.length + 3];
      args[0] = "check-config";
      args[1] = "--config";
      args[2] = cfg.toString();
      System.arraycopy(extra, 0, args, 3, extra.length);
      int code = Cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private String zammadConfig(int port) {
    return "server: { port: 0 }\nconnectors: { zammad: { baseUrl: \"http://127.0.0.1:"
        + port
        + "\", apiToken: zm-probe-token } }\n";
  }

  private void me(String roles) {
    zammad.stubFor(
        get(urlPathEqualTo("/api/v1/users/me"))
            .withHeader("Authorization", equalTo("Token token=zm-probe-token"))
            .willReturn(
                okJson("{\"id\":5,\"email\":\"bot@acme.example\",\"roles\":[" + roles + "]}")));
  }

  @Test
  void allGoodExitsZero() throws Exception {
    me("\"Agent\"");

    Run r = checkConfig(zammadConfig(zammad.port()), "--probe");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("# probe zammad: ok")
        .contains("signed in as bot@acme.example")
        .doesNotContain("zm-probe-token");
  }

  @Test
  void aMissingRoleExitsOneSayingWhat() throws Exception {
    me("\"Customer\"");

    Run r = checkConfig(zammadConfig(zammad.port()), "--probe");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("MISSING:").contains("no Agent role");
  }

  @Test
  void anUnreachableHelpdeskExitsOne() throws Exception {
    int port = zammad.port();
    zammad.stop();

    Run r = checkConfig(zammadConfig(port), "--probe");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("MISSING: Zammad is unreachable");
  }

  @Test
  void withoutProbeNothingIsAsked() throws Exception {
    Run r = checkConfig(zammadConfig(zammad.port()));

    assertThat(r.code()).isZero();
    assertThat(zammad.getAllServeEvents()).isEmpty();
  }

  @Test
  void nothingConfiguredIsNothingToCheck() throws Exception {
    Run r = checkConfig("server: { port: 0 }\n", "--probe");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("nothing to check");
  }
}
