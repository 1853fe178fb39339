package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.closeloop.chat.slack.FakeSlack;
import dev.closeloop.ticket.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar as a subprocess against a fake Slack in this JVM: 2,000 signed webhooks fired
 * concurrently, kill -9 mid-burst, restart on the same H2 file; every event answered 202 gets
 * exactly one DM and no event gets two; a second kill -9 while the DMs go out, and a restart. Then
 * the fake fails (HTTP 500s, then 429s with Retry-After) while a second batch is delivered, and
 * every one arrives exactly once after it recovers. Figures go to stdout and {@code
 * target/crash-figures.txt} (see docs/reliability.md).
 */
class CrashIT {
  static final String SECRET = "s3cret";
  static final String TOKEN = "tok";
  static final int EVENTS = Integer.getInteger("crash.events", 2000);
  static final int KILL_AFTER_ACCEPTED = Integer.getInteger("crash.killAfter", 200);
  static final int FAULT_EVENTS = 100;
  static final int FAILING_500 = 40;
  static final int FAILING_429 = 10;

  @TempDir Path dir;
  final FakeSlack slack = FakeSlack.start();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final List<String> figures = new ArrayList<>();
  Process process;
  int port;

  @AfterEach
  void stop() throws IOException {
    if (process != null) {
      process.destroyForcibly();
    }
    slack.close();
    Path target = Path.of(System.getProperty("closeloop.jar")).getParent();
    Files.write(target.resolve("crash-figures.txt"), figures, StandardCharsets.UTF_8);
    figures.forEach(System.out::println);
  }

  /**
   * Intake commits in groups (one commit for every close waiting at that moment): a kill -9 the
   * instant a 202 arrives, with other groups in flight, must lose none of the events answered 202.
   */
  @Test
  void killNineRightAfterA202UnderGroupCommitLosesNoEventAnswered202() throws Exception {
    Path config = writeConfig();
    Files.deleteIfExists(appLog());
    start(config);
    int events = 600;
    Map<Integer, Integer> status = new ConcurrentHashMap<>();
    AtomicInteger accepted = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService senders = Executors.newFixedThreadPool(32);
    for (int i = 0; i < events; i++) {
      int n = i;
      senders.submit(
          () -> {
            int code = post(ticket("GC-" + n, "U" + n));
            if (code == 202
                && accepted.incrementAndGet() >= KILL_AFTER_ACCEPTED_GROUP
                && !killed.getAndSet(true)) {
              process.destroyForcibly(); // at once: the 202 has just been read
            }
            status.put(n, code);
          });
    }
    senders.shutdown();
    assertThat(senders.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    process.waitFor();
    assertThat(killed).isTrue();
    List<Integer> answered202 =
        status.entrySet().stream().filter(e -> e.getValue() == 202).map(Map.Entry::getKey).toList();

    start(config);
    List<Integer> lost = new ArrayList<>();
    int storedWithoutAnswer = 0;
    for (int n = 0; n < events; n++) {
      int found = surveysFor("GC-" + n);
      if (answered202.contains(n) && found != 200) {
        lost.add(n);
      } else if (!answered202.contains(n) && found == 200) {
        storedWithoutAnswer++; // committed, then the kill cut the answer: allowed
      }
    }
    figures.add(
        "group commit: kill -9 right after 202 number "
            + KILL_AFTER_ACCEPTED_GROUP
            + "; answered 202: "
            + answered202.size()
            + ", lost: "
            + lost.size()
            + ", committed but unanswered: "
            + storedWithoutAnswer);
    assertThat(answered202).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED_GROUP);
    assertThat(lost).as("events answered 202 and missing after the restart").isEmpty();
  }

  static final int KILL_AFTER_ACCEPTED_GROUP = 100;

  /** The status of {@code GET /admin/surveys?ticket=ID}: 200 when the store has a survey. */
  private int surveysFor(String ticketId) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base() + "/admin/surveys?ticket=" + ticketId))
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void killNineMidBurstLosesNothingAndSendsNothingTwice() throws Exception {
    for (int i = 0; i < EVENTS + FAULT_EVENTS; i++) {
      slack.user("U" + i, "p" + i + "@example.com", "P" + i, "UTC");
    }
    Path config = writeConfig();
    Files.deleteIfExists(appLog());

    // 1. burst, kill -9 mid-burst
    long t0 = System.nanoTime();
    start(config);
    figures.add("first start to ready: " + millisSince(t0) + " ms");
    Map<Integer, Integer> status = new ConcurrentHashMap<>();
    AtomicInteger accepted = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    long burst = System.nanoTime();
    ExecutorService senders = Executors.newFixedThreadPool(32);
    for (int i = 0; i < EVENTS; i++) {
      int n = i;
      senders.submit(
          () -> {
            int code = post(ticket("CR-" + n, "U" + n));
            status.put(n, code);
            if (code == 202
                && accepted.incrementAndGet() >= KILL_AFTER_ACCEPTED
                && !killed.getAndSet(true)) {
              process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
              figures.add("kill -9 after " + millisSince(burst) + " ms of burst");
            }
          });
    }
    senders.shutdown();
    assertThat(senders.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    process.waitFor();
    long ok202 = status.values().stream().filter(c -> c == 202).count();
    long failed = status.values().stream().filter(c -> c < 0).count();
    figures.add(
        "events fired: "
            + EVENTS
            + ", answered 202 before the kill: "
            + ok202
            + ", no answer (connection cut or refused): "
            + failed
            + ", other: "
            + (EVENTS - ok202 - failed));
    assertThat(killed).isTrue();
    int dmsBeforeRestart = totalDms(EVENTS);
    figures.add("DMs already sent when killed: " + dmsBeforeRestart);

    // 2. restart on the same H2 file; kill -9 again while DMs are going out, restart again.
    // Nothing is re-fired: what was answered 202 must come out once.
    long firstRestart = System.nanoTime();
    start(config);
    figures.add("restart to ready: " + millisSince(firstRestart) + " ms");
    int killDuringDelivery = Math.min(50, (int) ok202 / 2);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> totalDms(EVENTS) >= dmsBeforeRestart + killDuringDelivery);
    process.destroyForcibly();
    process.waitFor();
    figures.add("second kill -9 while delivering, with " + totalDms(EVENTS) + " DMs sent");
    long restart = System.nanoTime();
    start(config);
    figures.add("second restart to ready: " + millisSince(restart) + " ms");
    await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (int i = 0; i < EVENTS; i++) {
                if (status.get(i) == 202 && dms(i) == 0) {
                  return false;
                }
              }
              return true;
            });
    figures.add("all accepted DMs delivered " + millisSince(restart) + " ms after restart");
    int lost = 0;
    int duplicated = 0;
    int unansweredButDelivered = 0;
    for (int i = 0; i < EVENTS; i++) {
      int d = dms(i);
      if (status.get(i) == 202 && d == 0) {
        lost++;
      }
      if (d > 1) {
        duplicated++;
      }
      if (status.get(i) != 202 && d == 1) {
        unansweredButDelivered++; // committed, then the kill cut the answer: allowed, once
      }
    }
    figures.add(
        "crash phase: lost "
            + lost
            + ", duplicated "
            + duplicated
            + ", committed but unanswered (delivered once) "
            + unansweredButDelivered);
    assertThat(lost).isZero();
    assertThat(duplicated).isZero();

    // 3. the platform fails for a while: 500s, then 429s with Retry-After; then recovers
    slack.failWithStatus("chat.postMessage", 500, FAILING_500);
    int callsBefore = slack.calls("chat.postMessage").size();
    long faults = System.nanoTime();
    ExecutorService second = Executors.newFixedThreadPool(16);
    List<Integer> secondStatus = new ArrayList<>();
    List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
    for (int i = EVENTS; i < EVENTS + FAULT_EVENTS; i++) {
      int n = i;
      futures.add(second.submit(() -> post(ticket("CR-" + n, "U" + n))));
    }
    for (var f : futures) {
      secondStatus.add(f.get());
    }
    second.shutdown();
    assertThat(secondStatus).containsOnly(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> slack.calls("chat.postMessage").size() >= callsBefore + FAILING_500);
    slack.rateLimit("chat.postMessage", FAILING_429, 1);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (int i = EVENTS; i < EVENTS + FAULT_EVENTS; i++) {
                if (dms(i) == 0) {
                  return false;
                }
              }
              return true;
            });
    figures.add(
        "fault phase: "
            + FAULT_EVENTS
            + " events, "
            + FAILING_500
            + " x HTTP 500 then "
            + FAILING_429
            + " x 429 (Retry-After 1 s); all delivered "
            + millisSince(faults)
            + " ms after the first event");
    int dup2 = 0;
    for (int i = EVENTS; i < EVENTS + FAULT_EVENTS; i++) {
      if (dms(i) != 1) {
        dup2++;
      }
    }
    figures.add("fault phase: lost 0, duplicated " + dup2);
    assertThat(dup2).isZero();
    HttpResponse<String> dead =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/admin/outbox?state=dead"))
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(dead.statusCode()).isEqualTo(200);
    assertThat(dead.body()).doesNotContain("\"id\"");
    long reconciled =
        Files.readAllLines(appLog()).stream()
            .filter(l -> l.contains("event=outbox_reconciled"))
            .count();
    figures.add(
        "outbox rows found in flight after the kill and reconciled before any resend: "
            + reconciled);
    figures.add("whole test: " + millisSince(t0) + " ms");
  }

  private Path writeConfig() throws IOException {
    String d = dir.toAbsolutePath().toString();
    Path config = dir.resolve("closeloop.yml");
    Files.writeString(
        config,
        """
        server: { port: 0, portFile: "%s/port" }
        storage: { url: "jdbc:h2:file:%s/db" }
        intake: { secret: "%s" }
        admin: { token: "%s" }
        slack: { botToken: "%s", signingSecret: "sig", apiUrl: "%s" }
        survey: { delay: PT0S, reminderAfter: PT0S, expireAfter: P30D, quietHours: "", weekends: true }
        delivery: { maxAttempts: 100, backoff: PT1S, backoffMax: PT4S }
        """
            .formatted(d, d, SECRET, TOKEN, FakeSlack.BOT_TOKEN, slack.apiUrl()));
    return config;
  }

  /**
   * A SIGTERM (the container's or systemd's stop) is an ordinary stop: the app stops its jobs and
   * closes the store itself, and logs no ERROR — H2's own shutdown hook closed the store under the
   * outbox job, which logged "job_failed … Database is already closed" with a stack trace.
   */
  @Test
  void aSigtermStopsWithoutAnErrorAndKeepsWhatWasAnswered() throws Exception {
    Path config = writeConfig();
    long logBefore = Files.exists(appLog()) ? Files.size(appLog()) : 0;
    for (int i = 0; i < 30; i++) {
      slack.user("U" + i, "p" + i + "@example.com", "P" + i, "UTC");
    }
    start(config);
    for (int i = 0; i < 30; i++) {
      assertThat(post(ticket("TERM-" + i, "U" + i))).isEqualTo(202);
    }
    process.destroy(); // SIGTERM: the shutdown hook runs
    assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String log;
    try (var in = Files.newInputStream(appLog())) {
      in.skipNBytes(logBefore);
      log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(log).contains("closeloop ready").doesNotContain(" ERROR ");
    start(config);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> java.util.stream.IntStream.range(0, 30).allMatch(i -> dms(i) > 0));
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
            .redirectOutput(ProcessBuilder.Redirect.appendTo(appLog().toFile()))
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(portFile) && !Files.readString(portFile).isBlank());
    port = Integer.parseInt(Files.readString(portFile).trim());
  }

  /** The subprocess's output, kept in target/ for a look after a failure. */
  private static Path appLog() {
    return Path.of(System.getProperty("closeloop.jar")).resolveSibling("crash-app.log");
  }

  private int post(String json) {
    String ts = Long.toString(Instant.now().getEpochSecond());
    String sig =
        "v1=" + Signatures.hmacSha256Hex(SECRET, Signatures.utf8(ts + "."), Signatures.utf8(json));
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(base() + "/hooks/tickets"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header("X-Closeloop-Timestamp", ts)
                  .header("X-Closeloop-Signature", sig)
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static String ticket(String id, String slackId) {
    return """
        {"event":"ticket.closed","ticket":{"id":"%s","title":"Printer jam","assignee":"Alex","team":"desk"},
         "requester":{"slackId":"%s","name":"P"}}"""
        .formatted(id, slackId);
  }

  private int dms(int i) {
    return slack.messages(slack.dmChannel("U" + i)).size();
  }

  private int totalDms(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += dms(i);
    }
    return total;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
