package dev.closeloop.ticket.poll;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock helpdesk on 127.0.0.1 and a poll context that never sleeps. */
abstract class WireMockSupport {
  static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");

  WireMockServer server;
  final RecordingSleeper sleeper = new RecordingSleeper();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startServer() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  PollContext context(FakeStore store) {
    return new PollContext(
        http, store, store, Clock.fixed(NOW, ZoneOffset.UTC), sleeper, RetryPolicy.DEFAULT);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String sample(String path) {
    try (InputStream in = WireMockSupport.class.getResourceAsStream("/connectors/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
