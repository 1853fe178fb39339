package dev.closeloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed generic webhooks over HTTP: closed-loop at a concurrency, or open-loop at a fixed rate.
 */
final class Load {
  /** What one load phase measured. */
  record Result(
      int sent, int accepted, Map<Integer, Integer> statuses, double seconds, Stats latency) {
    double acceptedPerSecond() {
      return accepted / seconds;
    }

    String line() {
      return String.format(
          "%d sent, %d accepted in %.2f s = %.0f accepted/s; %s; statuses %s",
          sent, accepted, seconds, acceptedPerSecond(), latency.summary(), statuses);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI uri;

  /** The first transport failure (status -1), for the report. */
  volatile String firstError;

  private final String secret;

  Load(int port, String secret) {
    this.uri = URI.create("http://127.0.0.1:" + port + "/hooks/tickets");
    this.secret = secret;
  }

  /** A closed-ticket payload; every index is a distinct ticket and requester. */
  static String closed(String run, int i, Instant closedAt, String requester) {
    return "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\""
        + run
        + "-"
        + i
        + "\",\"title\":\"VPN drops every hour\","
        + "\"url\":\"https://help.example.com/t/"
        + run
        + "-"
        + i
        + "\",\"closedAt\":\""
        + closedAt
        + "\","
        + "\"assignee\":\"Alex\",\"team\":\"network\"},\"requester\":"
        + requester
        + "}";
  }

  static String emailRequester(String run, int i) {
    return "{\"email\":\"user"
        + i
        + "@"
        + run.toLowerCase()
        + ".example.com\",\"name\":\"User "
        + i
        + "\",\"timezone\":\"UTC\"}";
  }

  HttpRequest request(String body) {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-Closeloop-Timestamp", ts)
        .header("X-Closeloop-Signature", "v1=" + hmacHex(secret, ts + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static String hmacHex(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] d = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code concurrency} workers send bodies {@code from..from+count-1} as fast as answers come
   * back.
   */
  Result closedLoop(int concurrency, int from, int count, IntFunction<String> body)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger accepted = new AtomicInteger();
    ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
    Stats stats = new Stats();
    List<Thread> workers = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      Thread t =
          new Thread(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < from + count) {
                  HttpRequest req = request(body.apply(i));
                  long s = System.nanoTime();
                  int status;
                  try {
                    status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                  } catch (Exception e) {
                    status = -1;
                  }
                  stats.add(System.nanoTime() - s);
                  statuses.merge(status, 1, Integer::sum);
                  if (status == 202) {
                    accepted.incrementAndGet();
                  }
                }
              },
              "load-" + w);
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Result(count, accepted.get(), asMap(statuses), secs, stats);
  }

  /**
   * Open loop: one request every 1/rate s for {@code seconds}, whatever the answers do. Latency is
   * measured from the intended send time, so a stall is not hidden (no coordinated omission).
   */
  Result fixedRate(int rate, double seconds, int from, IntFunction<String> body)
      throws InterruptedException {
    int total = (int) Math.round(rate * seconds);
    long period = 1_000_000_000L / rate;
    AtomicInteger accepted = new AtomicInteger();
    ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
    Stats stats = new Stats();
    CountDownLatch done = new CountDownLatch(total);
    long t0 = System.nanoTime();
    for (int k = 0; k < total; k++) {
      long intended = t0 + k * period;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      HttpRequest req = request(body.apply(from + k));
      http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (r, e) -> {
                stats.add(System.nanoTime() - intended);
                int status = e == null ? r.statusCode() : -1;
                if (e != null && firstError == null) {
                  firstError = e.toString();
                  System.err.println("load: first failed request: " + e);
                }
                statuses.merge(status, 1, Integer::sum);
                if (status == 202) {
                  accepted.incrementAndGet();
                }
                done.countDown();
              });
    }
    done.await(60, TimeUnit.SECONDS);
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Result(total, accepted.get(), asMap(statuses), secs, stats);
  }

  private static Map<Integer, Integer> asMap(ConcurrentHashMap<Integer, Integer> m) {
    return new TreeMap<>(m);
  }
}
