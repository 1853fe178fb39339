package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.closeloop.ticket.Signatures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helpdesk writes across kill -9, with the real jar: the app is killed while Zendesk holds the
 * answer to a write it has already applied (the reopen, then the new ticket for a request), so the
 * outbox row is left in flight. After the restart the write is looked up by its marker and
 * recorded, never sent again: one reopen, one new ticket, one result note, and the requester told
 * once each.
 */
class WriteBackCrashIT {
  static final String SECRET = "zd-webhook-secret";
  static final String TOKEN = "tok";
  static final String DANA = "dana@example.com";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final FakeZendesk zendesk = new FakeZendesk();
  Process process;
  int port;

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    zendesk.close();
  }

  @Test
  void aWriteAppliedJustBeforeKillNineIsLookedUpAfterTheRestartNotWrittenAgain() throws Exception {
    Path config = writeConfig();
    start(config);
    assertThat(webhook()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> dm().contains("Did we fix it?"));
    long survey = surveyId();

    // 1. the reopen: Zendesk applies it and never answers; kill -9 meanwhile
    zendesk.stallWrites(true);
    click("cl:s:" + survey + ":fixed:no");
    await().atMost(Duration.ofSeconds(30)).until(() -> dm().contains("Shall I reopen 35436"));
    click("cl:s:" + survey + ":reopen:yes");
    await().atMost(Duration.ofSeconds(30)).until(() -> zendesk.updates.size() == 1);
    kill();
    assertThat(zendesk.status).isEqualTo("open");

    zendesk.stallWrites(false);
    start(config);
    await().atMost(Duration.ofSeconds(60)).until(() -> !unsettledWrites());
    assertThat(zendesk.updates).as("the reopen was written once").hasSize(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> dm().contains("Reopened 35436 — the Facilities team has it again."));
    assertThat(log()).contains("event=writeback_reconciled").contains("outcome=already_written");

    // 2. the request's new ticket: created, then kill -9 before Closeloop hears of it
    type("the printer still jams");
    click("cl:s:" + survey + ":rate:2");
    await().atMost(Duration.ofSeconds(30)).until(() -> dm().contains("anything else"));
    zendesk.stallWrites(true);
    click("cl:s:" + survey + ":else:yes");
    type("My laptop charger is broken too");
    await().atMost(Duration.ofSeconds(30)).until(() -> zendesk.creates.size() == 1);
    kill();

    zendesk.stallWrites(false);
    start(config);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> dm().contains("Your request is now ticket 35437"));
    // the survey's result note follows, once
    await().atMost(Duration.ofSeconds(60)).until(() -> zendesk.updates.size() == 2);
    assertThat(zendesk.creates).as("the request became one ticket").hasSize(1);
    assertThat(zendesk.updates.get(1)).contains("Fixed: no", "My laptop charger is broken too");
    assertThat(count(dm(), "Reopened 35436")).isEqualTo(1);
    assertThat(count(dm(), "Your request is now ticket 35437")).isEqualTo(1);
    JsonNode pending = JSON.readTree(admin("/admin/outbox?state=pending")).path("outbox");
    JsonNode dead = JSON.readTree(admin("/admin/outbox?state=dead")).path("outbox");
    assertThat(pending).isEmpty();
    assertThat(dead).isEmpty();
  }

  private Path writeConfig() throws IOException {
    String d = dir.toAbsolutePath().toString();
    Path config = dir.resolve("closeloop.yml");
    Files.writeString(
        config,
        """
        server: { port: 0, portFile: "%s/port" }
        storage: { url: "jdbc:h2:file:%s/db" }
        admin: { token: "%s" }
        sandbox: { enabled: true }
        survey: { delay: PT0S, reminderAfter: PT0S, quietHours: "", weekends: true }
        timeouts: { helpdesk: PT2M }
        connectors:
          zendesk:
            secret: "%s"
            baseUrl: "http://127.0.0.1:%d"
            email: "agent@acme.example"
            apiToken: "zd-token"
            writeBack: { createRequests: true }
        """
            .formatted(d, d, TOKEN, SECRET, zendesk.port()));
    return config;
  }

  private void start(Path config) throws IOException {
    Path portFile = dir.resolve("port");
    Files.deleteIfExists(portFile);
    String java = ProcessHandle.current().info().command().orElse("java");
    process =
        new ProcessBuilder(
                java,
                "-jar",
                System.getProperty("closeloop.jar"),
                "run",
                "--config",
                config.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()))
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(portFile) && !Files.readString(portFile).isBlank());
    port = Integer.parseInt(Files.readString(portFile).trim());
  }

  private void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no bookkeeping
    process.waitFor();
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("app.log"));
  }

  private int webhook() throws Exception {
    String body =
        """
        {"ticket":{"id":"35436","title":"Printer on 3rd floor jams",
         "url":"https://acme.zendesk.com/agent/tickets/35436","status":"Solved",
         "updated_at":"%s","requester":{"email":"dana@example.com","name":"Dana Reyes"},
         "assignee":"Alex Kim","group":"Facilities"}}
        """
            .formatted(Instant.now());
    String ts = Instant.now().toString();
    return http.send(
            HttpRequest.newBuilder(URI.create(base() + "/hooks/tickets/zendesk"))
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header(
                    "X-Zendesk-Webhook-Signature",
                    Signatures.hmacSha256Base64(SECRET, Signatures.utf8(ts), Signatures.utf8(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** True while a helpdesk write is pending, in flight or unconfirmed. */
  private boolean unsettledWrites() throws Exception {
    for (JsonNode row : JSON.readTree(admin("/admin/outbox?state=pending")).path("outbox")) {
      if ("writeback".equals(row.path("kind").asText())) {
        return true;
      }
    }
    return false;
  }

  private String dm() throws Exception {
    StringBuilder out = new StringBuilder();
    for (JsonNode m : JSON.readTree(get("/sandbox/api/messages")).path("messages")) {
      if (("dm:" + DANA).equals(m.path("conversation").asText())) {
        out.append(m.path("body")).append('\n');
      }
    }
    return out.toString();
  }

  private long surveyId() throws Exception {
    return JSON.readTree(admin("/admin/surveys?ticket=35436&source=zendesk"))
        .at("/surveys/0/id")
        .asLong();
  }

  private void click(String actionId) throws Exception {
    post("/sandbox/api/click", "{\"user\":\"" + DANA + "\",\"actionId\":\"" + actionId + "\"}");
  }

  private void type(String text) throws Exception {
    post(
        "/sandbox/api/type",
        JSON.createObjectNode().put("user", DANA).put("text", text).toString());
  }

  private void post(String path, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String admin(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** How many messages (one per line of {@link #dm()}) say {@code needle}. */
  private static long count(String messages, String needle) {
    return messages.lines().filter(m -> m.contains(needle)).count();
  }

  /**
   * Zendesk's ticket 35436 as far as the write-back sees it: updates (status + comments) and
   * creates are applied when they arrive; while stalled, the answer is held back (the app is killed
   * meanwhile), as if the network dropped it.
   */
  static final class FakeZendesk implements AutoCloseable {
    final List<String> updates = new CopyOnWriteArrayList<>();
    final List<String> creates = new CopyOnWriteArrayList<>();
    volatile String status = "solved";
    private volatile CountDownLatch stall = new CountDownLatch(0);
    private final HttpServer server;

    FakeZendesk() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", this::handle);
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    void stallWrites(boolean on) {
      CountDownLatch old = stall;
      stall = new CountDownLatch(on ? 1 : 0);
      old.countDown();
    }

    private void handle(HttpExchange x) throws IOException {
      String path = x.getRequestURI().getPath();
      String query = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
      String method = x.getRequestMethod();
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if ("PUT".equals(method) && path.equals("/api/v2/tickets/35436.json")) {
        JsonNode t = JSON.readTree(body).path("ticket");
        if (t.has("status")) {
          status = t.path("status").asText();
        }
        updates.add(t.at("/comment/body").asText());
        hold();
        answer(
            x,
            200,
            "{\"ticket\":{\"id\":35436},\"audit\":{\"events\":[{\"id\":"
                + (2000 + updates.size())
                + ",\"type\":\"Comment\"}]}}");
      } else if ("POST".equals(method) && path.equals("/api/v2/tickets.json")) {
        creates.add(body);
        hold();
        answer(x, 201, "{\"ticket\":{\"id\":35437}}");
      } else if (path.equals("/api/v2/tickets/35436.json")) {
        answer(x, 200, "{\"ticket\":{\"id\":35436,\"status\":\"" + status + "\"}}");
      } else if (path.equals("/api/v2/tickets/35436/comments.json")) {
        ObjectNode out = JSON.createObjectNode();
        var list = out.putArray("comments");
        for (int i = updates.size() - 1; i >= 0; i--) {
          list.addObject().put("id", 2001 + i).put("body", updates.get(i));
        }
        answer(x, 200, out.toString());
      } else if (path.equals("/api/v2/tickets.json") && query.startsWith("external_id=")) {
        String marker = query.substring("external_id=".length());
        boolean found = creates.stream().anyMatch(c -> c.contains(marker));
        answer(x, 200, found ? "{\"tickets\":[{\"id\":35437}]}" : "{\"tickets\":[]}");
      } else {
        answer(x, 404, "{\"error\":\"RecordNotFound\"}");
      }
    }

    private void hold() {
      try {
        stall.await(3, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
      byte[] b = json.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      try {
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
      } catch (IOException gone) {
        // the app was killed while we held the answer back
      } finally {
        x.close();
      }
    }

    @Override
    public void close() {
      stallWrites(false);
      server.stop(0);
    }
  }
}
