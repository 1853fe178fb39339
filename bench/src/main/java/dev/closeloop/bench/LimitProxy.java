package dev.closeloop.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bench-only rate limiter in front of a test fake (FakeSlack / FakeDiscord): it enforces the
 * platform's published limits and answers 429 as the platform does when a request exceeds one;
 * otherwise it forwards the request unchanged to the fake. The fakes stay as they are (their tests
 * need them unlimited); the app is pointed at the proxy with {@code slack.apiUrl} / {@code
 * discord.apiUrl}.
 *
 * <p>Slack (see PLATFORMS.md): chat.postMessage about 1 per second per channel (burst 1) and at
 * most 10 per second workspace-wide (burst 10); Tier 1 1/min (burst 3), Tier 2 20/min (burst 5),
 * Tier 3 50/min (burst 10), Tier 4 100/min (burst 20). 429 with {@code Retry-After} seconds and
 * {@code {"ok":false,"error":"ratelimited"}}.
 *
 * <p>Discord: 50 requests per second per bot (burst 50, {@code X-RateLimit-Global} 429s) and
 * per-route buckets: message create and edit 5 per 5 s per channel, announced with {@code
 * X-RateLimit-Limit/Remaining/Reset-After/Bucket} as Discord does. 429 with {@code retry_after}
 * (float seconds) in the body and {@code Retry-After}.
 *
 * <p>Each limit "n per period" is counted by one of two {@link Model}s, chosen per proxy: a token
 * bucket (n/period refilled continuously, the bursts above), or a rolling window (at most n in any
 * interval of one period, no burst credit). A sender paced for one model can fail the other: a
 * bucket lets 10 Slack posts go at once and then one every 100 ms (20 in the first second), a
 * window refuses the 11th until the first is a second old.
 */
final class LimitProxy implements AutoCloseable {
  enum Kind {
    SLACK,
    DISCORD
  }

  /** How a limit is counted. */
  enum Model {
    /** A token bucket: {@code n} per period refilled continuously, a burst of {@code burst}. */
    BUCKET,
    /**
     * A rolling window: at most {@code n} in any interval of one period, no burst credit (the
     * stricter reading of "1 per second per channel, 10 per second workspace-wide").
     */
    WINDOW;

    static Model of(String name) {
      return valueOf(name.toUpperCase());
    }
  }

  /** One limit on one key: "n per period seconds". */
  interface Limit {
    /** Seconds until one more request is allowed; 0 when it is now. */
    double waitFor(long now);

    /** Counts one request at {@code now} (after {@link #waitFor} said 0). */
    void take(long now);

    /** How many more are allowed now. */
    int remaining(long now);

    /** Seconds until the limit is fully available again. */
    double resetAfter(long now);
  }

  /** A token bucket: {@code rate} per second, at most {@code burst}. */
  static final class Bucket implements Limit {
    final double rate;
    final double burst;
    double tokens;
    long at;

    Bucket(double rate, double burst) {
      this.rate = rate;
      this.burst = burst;
      this.tokens = burst;
      this.at = System.nanoTime();
    }

    private void refill(long now) {
      if (now <= at) {
        return;
      }
      tokens = Math.min(burst, tokens + (now - at) / 1e9 * rate);
      at = now;
    }

    @Override
    public double waitFor(long now) {
      refill(now);
      return tokens >= 1 ? 0 : (1 - tokens) / rate;
    }

    @Override
    public void take(long now) {
      refill(now);
      tokens -= 1;
    }

    @Override
    public int remaining(long now) {
      refill(now);
      return (int) Math.floor(tokens);
    }

    @Override
    public double resetAfter(long now) {
      refill(now);
      return (burst - tokens) / rate;
    }
  }

  /** A rolling window: at most {@code n} requests in any {@code period} nanoseconds. */
  static final class Window implements Limit {
    final int n;
    final long period;
    final java.util.ArrayDeque<Long> taken = new java.util.ArrayDeque<>();

    Window(int n, double periodSeconds) {
      this.n = n;
      this.period = (long) (periodSeconds * 1e9);
    }

    private void expire(long now) {
      while (!taken.isEmpty() && taken.peekFirst() <= now - period) {
        taken.pollFirst();
      }
    }

    @Override
    public double waitFor(long now) {
      expire(now);
      return taken.size() < n ? 0 : (taken.peekFirst() + period - now) / 1e9;
    }

    @Override
    public void take(long now) {
      expire(now);
      taken.addLast(now);
    }

    @Override
    public int remaining(long now) {
      expire(now);
      return n - taken.size();
    }

    @Override
    public double resetAfter(long now) {
      expire(now);
      return taken.isEmpty() ? 0 : (taken.peekLast() + period - now) / 1e9;
    }
  }

  private static final Set<String> SKIP_REQUEST =
      Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final Set<String> SKIP_RESPONSE =
      Set.of("content-length", "transfer-encoding", "connection", "date");
  private static final Pattern CHANNEL_MESSAGES =
      Pattern.compile("channels/(\\d+)/messages(/\\d+)?");

  private final Kind kind;
  private final Model model;
  private final String target;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Limit> buckets = new HashMap<>();

  /** The {@link System#nanoTime} at which {@link #KICKS} global 429s are forced; 0: never. */
  private long kickAt;

  private int kicked;
  static final int KICKS = 3;
  final AtomicInteger injected = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger limited = new AtomicInteger();

  /** Successful (2xx) calls per route, e.g. "chat.postMessage" or "POST channels/{id}/messages". */
  final Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();

  final Map<String, AtomicInteger> rejected = new ConcurrentHashMap<>();
  volatile long lastOkNanos;

  /** Proxies {@code target} (a base URL ending in /, e.g. the fake's apiUrl()). */
  LimitProxy(Kind kind, String target) throws IOException {
    this(kind, Model.BUCKET, target);
  }

  /** Proxies {@code target}, counting every limit by {@code model}. */
  LimitProxy(Kind kind, Model model, String target) throws IOException {
    this.kind = kind;
    this.model = model;
    this.target = target;
    this.traceOut = openTrace();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The proxy's base URL, with the same path as the target's. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + URI.create(target).getPath();
  }

  int ok(String route) {
    AtomicInteger n = ok.get(route);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String basePath = URI.create(target).getPath();
      String full = ex.getRequestURI().getRawPath();
      String route = full.startsWith(basePath) ? full.substring(basePath.length()) : full;
      String method = ex.getRequestMethod();
      calls.incrementAndGet();
      List<String[]> limitHeaders = new ArrayList<>();
      String label;
      double wait;
      boolean global = false;
      synchronized (buckets) {
        long now = System.nanoTime();
        List<Limit> need = new ArrayList<>();
        if (kind == Kind.SLACK) {
          label = route;
          if (route.equals("chat.postMessage")) {
            need.add(limit("workspace:post", 10, 1, 10, now));
            String ch = slackChannel(ex, body);
            if (System.getenv("BENCH_DEBUG") != null) {
              System.err.println(
                  "postMessage channel="
                      + ch
                      + " ct="
                      + ex.getRequestHeaders().getFirst("Content-Type")
                      + " body="
                      + new String(body, StandardCharsets.UTF_8)
                          .substring(0, Math.min(200, body.length)));
            }
            need.add(limit("channel:" + ch, 1, 1, 1, now));
          } else {
            int[] tier = slackTier(route);
            need.add(limit("method:" + route, tier[0], 60, tier[1], now));
          }
          wait = need.stream().mapToDouble(l -> l.waitFor(now)).max().orElse(0);
        } else {
          Matcher m = CHANNEL_MESSAGES.matcher(route);
          boolean messages = m.matches() && (method.equals("POST") || method.equals("PATCH"));
          label =
              method
                  + " "
                  + (messages
                      ? "channels/{id}/messages" + (m.group(2) == null ? "" : "/{id}")
                      : route.replaceAll("\\d{6,}", "{id}"));
          Limit route5 =
              messages ? limit("route:" + method + ":" + m.group(1), 5, 5, 5, now) : null;
          Limit globalBucket = limit("global", 50, 1, 50, now);
          double routeWait = route5 == null ? 0 : route5.waitFor(now);
          double globalWait = globalBucket.waitFor(now);
          if (kickAt != 0 && now - kickAt >= 0 && kicked < KICKS) {
            // a 429 the limits did not cause (another process on the same token, the platform
            // having a bad moment): the app must recover from it, not be thrown into a rhythm
            kicked++;
            injected.incrementAndGet();
            globalWait = Math.max(globalWait, 0.2);
          }
          global = globalWait > 0 && globalWait >= routeWait;
          wait = Math.max(routeWait, globalWait);
          if (route5 != null) {
            need.add(route5);
          }
          need.add(globalBucket);
          if (wait == 0 && route5 != null) {
            route5.take(now);
            limitHeaders.add(new String[] {"X-RateLimit-Limit", "5"});
            limitHeaders.add(
                new String[] {"X-RateLimit-Remaining", Integer.toString(route5.remaining(now))});
            limitHeaders.add(
                new String[] {
                  "X-RateLimit-Reset-After", String.format("%.3f", route5.resetAfter(now))
                });
            limitHeaders.add(
                new String[] {
                  "X-RateLimit-Reset",
                  String.format(
                      "%.3f", System.currentTimeMillis() / 1000.0 + route5.resetAfter(now))
                });
            limitHeaders.add(
                new String[] {"X-RateLimit-Bucket", "bench-" + method.toLowerCase() + "-messages"});
            need.remove(route5);
          }
        }
        if (wait == 0) {
          for (Limit b : need) {
            b.take(now);
          }
        }
      }
      trace(label, wait);
      if (wait > 0) {
        limited.incrementAndGet();
        rejected.computeIfAbsent(label, k -> new AtomicInteger()).incrementAndGet();
        reject(ex, wait, global);
        return;
      }
      forward(ex, route, body, limitHeaders, label);
    } catch (Exception e) {
      ex.sendResponseHeaders(502, -1);
    }
  }

  /**
   * The limit "n per period seconds" on {@code key}: a token bucket refilled at n/period with
   * {@code burst}, or a rolling window of n per period, as this proxy's model says.
   */
  private Limit limit(String key, int n, double periodSeconds, int burst, long now) {
    return buckets.computeIfAbsent(
        key,
        k ->
            model == Model.BUCKET
                ? new Bucket(n / periodSeconds, burst)
                : new Window(n, periodSeconds));
  }

  /** {per minute, burst} of a Slack Web API method's tier. */
  private static int[] slackTier(String method) {
    switch (method) {
      case "apps.connections.open":
        return new int[] {1, 3};
      case "users.info":
      case "views.open":
      case "auth.test":
      case "chat.postEphemeral":
        return new int[] {100, 20};
      case "files.getUploadURLExternal":
      case "files.completeUploadExternal":
        return new int[] {20, 5};
      default:
        return new int[] {
          50, 10
        }; // Tier 3: chat.update, conversations.open/history, users.lookupByEmail
    }
  }

  private static String slackChannel(HttpExchange ex, byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    String ct = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    if (ct.contains("json")) {
      Matcher m = Pattern.compile("\"channel\"\\s*:\\s*\"([^\"]+)\"").matcher(s);
      return m.find() ? m.group(1) : "?";
    }
    for (String kv : s.split("&")) {
      if (kv.startsWith("channel=")) {
        return URLDecoder.decode(kv.substring(8), StandardCharsets.UTF_8);
      }
    }
    return "?";
  }

  private void reject(HttpExchange ex, double wait, boolean global) throws IOException {
    byte[] out;
    var h = ex.getResponseHeaders();
    h.add("Retry-After", Long.toString((long) Math.ceil(wait)));
    h.add("Content-Type", "application/json");
    if (kind == Kind.SLACK) {
      out = "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(StandardCharsets.UTF_8);
    } else {
      if (global) {
        h.add("X-RateLimit-Global", "true");
      }
      h.add("X-RateLimit-Scope", global ? "global" : "user");
      out =
          String.format(
                  "{\"message\":\"You are being rate limited.\",\"retry_after\":%.3f,\"global\":%s,\"code\":0}",
                  wait, global)
              .getBytes(StandardCharsets.UTF_8);
    }
    ex.sendResponseHeaders(429, out.length);
    ex.getResponseBody().write(out);
  }

  private void forward(
      HttpExchange ex, String route, byte[] body, List<String[]> extra, String label)
      throws Exception {
    String query = ex.getRequestURI().getRawQuery();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target + route + (query == null ? "" : "?" + query)))
            .timeout(Duration.ofSeconds(30))
            .method(
                ex.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    ex.getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!SKIP_REQUEST.contains(name.toLowerCase())) {
                values.forEach(v -> b.header(name, v));
              }
            });
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    r.headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!SKIP_RESPONSE.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(v -> ex.getResponseHeaders().add(name, v));
              }
            });
    for (String[] h : extra) {
      ex.getResponseHeaders().set(h[0], h[1]);
    }
    if (r.statusCode() / 100 == 2) {
      ok.computeIfAbsent(label, k -> new AtomicInteger()).incrementAndGet();
      lastOkNanos = System.nanoTime();
    }
    byte[] out = r.body();
    ex.sendResponseHeaders(
        r.statusCode(), r.statusCode() == 204 || out.length == 0 ? -1 : out.length);
    if (out.length > 0 && r.statusCode() != 204) {
      ex.getResponseBody().write(out);
    }
  }

  /**
   * With {@code BENCH_TRACE} set to a directory, one line per request (seconds since the proxy
   * started, the route, the wait it was refused for or 0) into {@code <kind>-proxy.trace} there:
   * what the platform saw, to set beside the app's own log.
   */
  private void trace(String label, double wait) {
    if (traceOut == null) {
      return;
    }
    synchronized (traceOut) {
      traceOut.printf("%.4f %s %.3f%n", (System.nanoTime() - started) / 1e9, label, wait);
    }
  }

  private final long started = System.nanoTime();
  private final java.io.PrintWriter traceOut;

  private java.io.PrintWriter openTrace() {
    String dir = System.getenv("BENCH_TRACE");
    if (dir == null) {
      return null;
    }
    try {
      return new java.io.PrintWriter(
          java.nio.file.Files.newBufferedWriter(
              java.nio.file.Path.of(dir, kind.name().toLowerCase() + "-proxy.trace")),
          false);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Forces {@link #KICKS} global 429s (Discord) from {@code nanoTime} on. */
  void kickAt(long nanoTime) {
    synchronized (buckets) {
      kickAt = nanoTime == 0 ? 1 : nanoTime;
    }
  }

  String summary() {
    return String.format(
        "%d calls, %d answered 429 (%.2f%%%s); ok %s; 429 %s",
        calls.get(),
        limited.get(),
        calls.get() == 0 ? 0.0 : 100.0 * limited.get() / calls.get(),
        injected.get() == 0 ? "" : ", " + injected.get() + " of them forced",
        new java.util.TreeMap<>(ok),
        new java.util.TreeMap<>(rejected));
  }

  @Override
  public void close() {
    if (traceOut != null) {
      synchronized (traceOut) {
        traceOut.flush();
      }
    }
    server.stop(0);
    pool.shutdownNow();
  }
}
