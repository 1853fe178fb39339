package dev.closeloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Timed admin API calls against the running jar (one at a time: latency, not load). */
final class Admin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Admin(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer bench-token")
        .timeout(Duration.ofMinutes(10))
        .build();
  }

  private String body(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(get(path), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** {@code path} called {@code warmup} times untimed, then {@code n} times timed. */
  Stats time(String path, int warmup, int n) throws IOException, InterruptedException {
    for (int i = 0; i < warmup; i++) {
      body(path);
    }
    Stats s = new Stats();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      body(path);
      s.add(System.nanoTime() - t);
    }
    return s;
  }

  /** Pages through a paged list ({@code "next"} cursors), each page timed, from the start again. */
  Stats pages(String path, int warmup, int n) throws IOException, InterruptedException {
    Stats s = new Stats();
    String next = null;
    for (int i = 0; i < warmup + n; i++) {
      String p =
          next == null ? path : path + "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
      long t = System.nanoTime();
      JsonNode page = JSON.readTree(body(p));
      if (i >= warmup) {
        s.add(System.nanoTime() - t);
      }
      next = page.path("next").isTextual() ? page.get("next").asText() : null;
    }
    return s;
  }

  /** The size of a streamed answer, read and dropped. */
  long bytes(String path) throws IOException, InterruptedException {
    HttpResponse<InputStream> r = http.send(get(path), HttpResponse.BodyHandlers.ofInputStream());
    long n = 0;
    try (InputStream in = r.body()) {
      byte[] buf = new byte[1 << 16];
      int k;
      while ((k = in.read(buf)) > 0) {
        n += k;
      }
    }
    return n;
  }
}
