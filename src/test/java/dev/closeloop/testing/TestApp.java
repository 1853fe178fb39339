package dev.closeloop.testing;

import dev.closeloop.app.App;
import dev.closeloop.app.ConfigLoader;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.ticket.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The real app, in-process, on a free port with an H2 file in a temp dir and a {@link
 * MutableClock}. The background scheduler is off: tests call {@link #tick()} and {@link #deliver()}
 * after moving the clock. Config: the base (free port, H2 in the temp dir, intake secret "s3cret",
 * admin token "tok") plus the test's own sections; the survey section keeps the contract defaults
 * unless the test sets it.
 */
public final class TestApp implements AutoCloseable {
  public static final String SECRET = "s3cret";
  public static final String TOKEN = "tok";

  public final MutableClock clock;
  public final Path dir;
  public final App app;
  public final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestApp(
      Path dir,
      String yaml,
      MutableClock clock,
      Map<PlatformId, ChatPlatform> extra,
      boolean scheduler) {
    this.dir = dir;
    this.clock = clock;
    Config config = new ConfigLoader(name -> null).loadString(yaml);
    this.app = new App(config, clock, extra);
    this.port = app.start(scheduler);
  }

  private TestApp(Path dir, String yaml, MutableClock clock, Map<PlatformId, ChatPlatform> extra) {
    this(dir, yaml, clock, extra, false);
  }

  /**
   * Starts an app with the real db-scheduler running its recurring tasks (outbox dispatch every 300
   * ms, survey tick every second) against the app's clock: for tests of several instances.
   */
  public static TestApp startScheduled(Path dir, String extraYaml, MutableClock clock) {
    return new TestApp(dir, baseYaml(dir) + "\n" + extraYaml, clock, Map.of(), true);
  }

  /**
   * Starts an app; {@code extraYaml} is appended to the base config (later keys win per section).
   */
  public static TestApp start(Path dir, String extraYaml, MutableClock clock) {
    return new TestApp(dir, baseYaml(dir) + "\n" + extraYaml, clock, Map.of());
  }

  public static TestApp start(
      Path dir, String extraYaml, MutableClock clock, Map<PlatformId, ChatPlatform> extra) {
    return new TestApp(dir, baseYaml(dir) + "\n" + extraYaml, clock, extra);
  }

  /**
   * The base config. Sections here are written whole, so pass a full replacement section in {@code
   * extraYaml} only for sections not listed here, or use {@link #yaml} to build your own.
   */
  public static String baseYaml(Path dir) {
    return """
        server: { port: 0 }
        storage: { url: "jdbc:h2:file:%s/db" }
        intake: { secret: "%s" }
        admin: { token: "%s" }
        """
        .formatted(dir.toAbsolutePath().toString().replace("\\", "/"), SECRET, TOKEN);
  }

  public void tick() {
    app.tick();
  }

  public int deliver() {
    return app.deliver();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** POSTs a generic webhook signed with the test secret at the clock's time. */
  public HttpResponse<String> webhook(String json) {
    String ts = Long.toString(clock.instant().getEpochSecond());
    String sig =
        "v1=" + Signatures.hmacSha256Hex(SECRET, Signatures.utf8(ts + "."), Signatures.utf8(json));
    return send(
        HttpRequest.newBuilder(URI.create(url("/hooks/tickets")))
            .header("Content-Type", "application/json")
            .header("X-Closeloop-Timestamp", ts)
            .header("X-Closeloop-Signature", sig)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** GETs {@code path} with no token; the body. */
  public String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).build()).body();
  }

  /** POSTs a JSON body to {@code path}, with no signature and no token. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A closed-ticket payload for the generic webhook. */
  public static String closed(String ticketId, Instant closedAt, String requesterJson) {
    return """
        {"event":"ticket.closed","ticket":{"id":"%s","title":"VPN drops every hour","url":"https://help.example.com/t/%s",
         "closedAt":"%s","assignee":"Alex","team":"network"},"requester":%s}
        """
        .formatted(ticketId, ticketId, closedAt, requesterJson);
  }

  public HttpResponse<String> admin(String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The value of one series of {@code GET /metrics}, e.g. {@code
   * closeloop_chat_lines_dropped_total{platform="slack"}}; 0 when it is not there yet.
   */
  public double metric(String series) {
    String body = send(HttpRequest.newBuilder(URI.create(url("/metrics"))).build()).body();
    for (String line : body.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]);
      }
    }
    return 0;
  }

  /** Typed lines dropped on {@code platform} by the per-person limit, as /metrics counts them. */
  public long droppedLines(String platform) {
    return (long) metric("closeloop_chat_lines_dropped_total{platform=\"" + platform + "\"}");
  }

  @Override
  public void close() {
    app.close();
  }

  /**
   * A new directory for one test's store, inside one directory per test JVM that is deleted with
   * everything in it when the JVM exits (each end-to-end test left its H2 files in the system's
   * temp directory: half a gigabyte on a machine that ran the suite a few hundred times).
   */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(TempRoot.DIR, prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The per-JVM parent of {@link #tempDir}, made on first use and deleted at exit. */
  private static final class TempRoot {
    static final Path DIR = make();

    private static Path make() {
      try {
        Path dir = Files.createTempDirectory("closeloop-tests-");
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> TestPostgres.deleteTree(dir), "test-temp-cleanup"));
        return dir;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
