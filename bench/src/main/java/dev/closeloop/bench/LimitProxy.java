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
 * platform's published limits as token buckets and answers 429 as the platform does when a request
 * exceeds one; otherwise it forwards the request unchanged to the fake. The fakes stay as they are
 * (their tests need them unlimited); the app is pointed at the proxy with {@code slack.apiUrl} /
 * {@code discord.apiUrl}.
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
 */
final class LimitProxy implements AutoCloseable {
  enum Kind {
    SLACK,
    DISCORD
  }

  /** A token bucket: {@code rate} per second, at most {@code burst}. */
  static final class Bucket {
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

    void refill(long now) {
      if (now <= at) {
        return;
      }
      tokens = Math.min(burst, tokens + (now - at) / 1e9 * rate);
      at = now;
    }

    /** Seconds until one token is there; 0 when there is one now. */
    double waitFor() {
      return tokens >= 1 ? 0 : (1 - tokens) / rate;
    }

    double resetAfter() {
      return (burst - tokens) / rate;
    }
  }

  private static final Set<String> SKIP_REQUEST =
      Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final Set<String> SKIP_RESPONSE =
      Set.of("content-length", "transfer-encoding", "connection", "date");
  private static final Pattern CHANNEL_MESSAGES =
      Pattern.compile("channels/(\\d+)/messages(/\\d+)?");

  private final Kind kind;
  private final String target;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Bucket> buckets = new HashMap<>();
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger limited = new AtomicInteger();

  /** Successful (2xx) calls per route, e.g. "chat.postMessage" or "POST channels/{id}/messages". */
  final Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();

  final Map<String, AtomicInteger> rejected = new ConcurrentHashMap<>();
  volatile long lastOkNanos;

  /** Proxies {@code target} (a base URL ending in /, e.g. the fake's apiUrl()). */
  LimitProxy(Kind kind, String target) throws IOException {
    this.kind = kind;
    this.target = target;
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
        List<Bucket> need = new ArrayList<>();
        if (kind == Kind.SLACK) {
          label = route;
          if (route.equals("chat.postMessage")) {
            need.add(bucket("workspace:post", 10, 10, now));
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
            need.add(bucket("channel:" + ch, 1, 1, now));
          } else {
            int[] tier = slackTier(route);
            need.add(bucket("method:" + route, tier[0] / 60.0, tier[1], now));
          }
          wait = need.stream().mapToDouble(Bucket::waitFor).max().orElse(0);
        } else {
          Matcher m = CHANNEL_MESSAGES.matcher(route);
          boolean messages = m.matches() && (method.equals("POST") || method.equals("PATCH"));
          label =
              method
                  + " "
                  + (messages
                      ? "channels/{id}/messages" + (m.group(2) == null ? "" : "/{id}")
                      : route.replaceAll("\\d{6,}", "{id}"));
          Bucket route5 = messages ? bucket("route:" + method + ":" + m.group(1), 1, 5, now) : null;
          Bucket globalBucket = bucket("global", 50, 50, now);
          double routeWait = route5 == null ? 0 : route5.waitFor();
          double globalWait = globalBucket.waitFor();
          global = globalWait > 0 && globalWait >= routeWait;
          wait = Math.max(routeWait, globalWait);
          if (route5 != null) {
            need.add(route5);
          }
          need.add(globalBucket);
          if (wait == 0 && route5 != null) {
            route5.tokens -= 1;
            limitHeaders.add(new String[] {"X-RateLimit-Limit", "5"});
            limitHeaders.add(
                new String[] {
                  "X-RateLimit-Remaining", Integer.toString((int) Math.floor(route5.tokens))
                });
            limitHeaders.add(
                new String[] {
                  "X-RateLimit-Reset-After", String.format("%.3f", route5.resetAfter())
                });
            limitHeaders.add(
                new String[] {
                  "X-RateLimit-Reset",
                  String.format("%.3f", System.currentTimeMillis() / 1000.0 + route5.resetAfter())
                });
            limitHeaders.add(
                new String[] {"X-RateLimit-Bucket", "bench-" + method.toLowerCase() + "-messages"});
            need.remove(route5);
          }
        }
        if (wait == 0) {
          for (Bucket b : need) {
            b.tokens -= 1;
          }
        }
      }
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

  private Bucket bucket(String key, double rate, double burst, long now) {
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(rate, burst));
    b.refill(now);
    return b;
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

  String summary() {
    return String.format(
        "%d calls, %d answered 429 (%.2f%%); ok %s; 429 %s",
        calls.get(),
        limited.get(),
        calls.get() == 0 ? 0.0 : 100.0 * limited.get() / calls.get(),
        new java.util.TreeMap<>(ok),
        new java.util.TreeMap<>(rejected));
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
