package dev.closeloop.ticket.writeback;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock helpdesk on 127.0.0.1, and the writes the tests send it. */
abstract class WriterTestSupport {
  static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final ObjectMapper JSON = new ObjectMapper();

  WireMockServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

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

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static Write.Note note(TicketRef ticket) {
    return new Write.Note(
        "wb-41-note",
        ticket,
        "Survey: not fixed, 2/5.\nComment: the VPN still drops\nhttps://closeloop.example/s/41",
        new Write.SurveyResult(
            false, 2, "the VPN still drops", null, "https://closeloop.example/s/41"));
  }

  static Write.FollowUp followUp(TicketRef ticket) {
    return new Write.FollowUp(
        "wb-41-followup",
        ticket,
        "Alex followed up on 24 Nov: called Dana, replaced the cable",
        "Alex",
        NOW,
        "called Dana, replaced the cable");
  }

  static Write.Reopen reopen(TicketRef ticket) {
    return new Write.Reopen(
        "wb-41-reopen", ticket, "Dana says it is not fixed: the VPN still drops");
  }

  static Write.Request request(TicketRef original) {
    return new Write.Request(
        "wb-41-request",
        original,
        "dana@example.com",
        "Dana",
        "New laptop charger",
        "My laptop charger is broken too");
  }

  /** The one request received with this method and path (query ignored). */
  LoggedRequest only(RequestMethod method, String path) {
    List<LoggedRequest> found =
        server.getAllServeEvents().stream()
            .map(e -> e.getRequest())
            .filter(r -> r.getMethod().equals(method) && r.getUrl().split("\\?")[0].equals(path))
            .toList();
    assertThat(found).as(method + " " + path).hasSize(1);
    return found.get(0);
  }

  static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many requests reached the server, of any kind. */
  int requests() {
    return server.getAllServeEvents().size();
  }
}
