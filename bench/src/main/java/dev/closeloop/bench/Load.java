package dev.closeloop.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed generic webhooks over HTTP/1.1 keep-alive connections: closed-loop at a concurrency, or
 * open-loop at a fixed rate.
 *
 * <p>Two generators. {@link Generator#RAW} (the default) writes pre-built, pre-signed request bytes
 * on plain sockets and reads the answers with a minimal parser: every request is built and signed
 * before the clock starts, so on a 2-core machine the generator takes as little CPU from the server
 * as a load generator can. {@link Generator#HTTPCLIENT} is the JDK's {@code java.net.http} client
 * that earlier versions of this harness used, building and signing each request while timed; it is
 * kept to show what it cost (bench/README.md, "Why the old baseline was slow").
 */
final class Load {
  /** How requests are sent. */
  enum Generator {
    RAW,
    HTTPCLIENT;

    static Generator of(String name) {
      return valueOf(name.toUpperCase().replace("-", ""));
    }
  }

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

  private static final HexFormat HEX = HexFormat.of();

  private final int port;

  int port() {
    return port;
  }

  private final String secret;
  private final Generator generator;
  private final URI uri;
  private HttpClient http;

  /** The first transport failure (status -1), for the report. */
  volatile String firstError;

  Load(int port, String secret) {
    this(port, secret, Generator.RAW);
  }

  Load(int port, String secret, Generator generator) {
    this.port = port;
    this.secret = secret;
    this.generator = generator;
    this.uri = URI.create("http://127.0.0.1:" + port + "/hooks/tickets");
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

  static String hmacHex(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole signed HTTP/1.1 request, as the raw generator writes it. */
  byte[] rawRequest(String body) {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /hooks/tickets HTTP/1.1\r\n"
            + "Host: 127.0.0.1:"
            + port
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "X-Closeloop-Timestamp: "
            + ts
            + "\r\n"
            + "X-Closeloop-Signature: v1="
            + hmacHex(secret, ts + "." + body)
            + "\r\n"
            + "Content-Length: "
            + b.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + b.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(b, 0, all, h.length, b.length);
    return all;
  }

  private HttpRequest httpClientRequest(String body) {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-Closeloop-Timestamp", ts)
        .header("X-Closeloop-Signature", "v1=" + hmacHex(secret, ts + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    }
    return http;
  }

  /** One request-answer on whichever generator; the status, or -1 on a transport failure. */
  private interface Sender {
    int send(int i) throws IOException, InterruptedException;
  }

  /** Builds the sender for one worker: raw bytes on its own connection, or the JDK client. */
  private Sender sender(byte[][] prebuilt, int from, IntFunction<String> body, List<Conn> open) {
    if (generator == Generator.HTTPCLIENT) {
      HttpClient client = http();
      return i ->
          client
              .send(httpClientRequest(body.apply(i)), HttpResponse.BodyHandlers.discarding())
              .statusCode();
    }
    Conn conn = new Conn(port);
    synchronized (open) {
      open.add(conn);
    }
    return i -> conn.exchange(prebuilt[i - from]);
  }

  private byte[][] prebuild(int from, int count, IntFunction<String> body) {
    if (generator != Generator.RAW) {
      return null;
    }
    byte[][] out = new byte[count][];
    for (int k = 0; k < count; k++) {
      out[k] = rawRequest(body.apply(from + k));
    }
    return out;
  }

  /**
   * {@code concurrency} workers send bodies {@code from..from+count-1} as fast as answers come
   * back, each on its own keep-alive connection.
   */
  Result closedLoop(int concurrency, int from, int count, IntFunction<String> body)
      throws InterruptedException {
    byte[][] prebuilt = prebuild(from, count, body);
    AtomicInteger next = new AtomicInteger(from);
    Tally tally = new Tally();
    List<Conn> open = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      Sender sender = sender(prebuilt, from, body, open);
      Thread t =
          new Thread(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < from + count) {
                  long s = System.nanoTime();
                  int status = send(sender, i);
                  tally.add(status, System.nanoTime() - s);
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
    closeAll(open);
    return tally.result(count, secs);
  }

  /**
   * Open loop: one request every 1/rate s for {@code seconds}, whatever the answers do, over up to
   * {@code connections} connections. Latency is measured from the intended send time, so a stall
   * (or every connection being busy) is not hidden: no coordinated omission.
   */
  Result fixedRate(int rate, double seconds, int from, IntFunction<String> body)
      throws InterruptedException {
    return fixedRate(rate, seconds, from, body, 64);
  }

  Result fixedRate(int rate, double seconds, int from, IntFunction<String> body, int connections)
      throws InterruptedException {
    int total = (int) Math.round(rate * seconds);
    long period = 1_000_000_000L / rate;
    byte[][] prebuilt = prebuild(from, total, body);
    AtomicInteger next = new AtomicInteger(0);
    Tally tally = new Tally();
    List<Conn> open = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long t0 = System.nanoTime() + 50_000_000L; // all workers connected and waiting
    for (int w = 0; w < Math.min(connections, Math.max(1, total)); w++) {
      Sender sender = sender(prebuilt, from, body, open);
      Thread t =
          new Thread(
              () -> {
                int k;
                while ((k = next.getAndIncrement()) < total) {
                  long intended = t0 + k * period;
                  long wait;
                  while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  int status = send(sender, from + k);
                  tally.add(status, System.nanoTime() - intended);
                }
              },
              "load-rate-" + w);
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    closeAll(open);
    return tally.result(total, secs);
  }

  private int send(Sender sender, int i) {
    try {
      return sender.send(i);
    } catch (Exception e) {
      if (firstError == null) {
        firstError = e.toString();
        System.err.println("load: first failed request: " + e);
      }
      return -1;
    }
  }

  private static void closeAll(List<Conn> open) {
    synchronized (open) {
      open.forEach(Conn::close);
    }
  }

  /** Statuses and latencies of one phase. */
  private static final class Tally {
    final AtomicInteger accepted = new AtomicInteger();
    final ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
    final Stats stats = new Stats();

    void add(int status, long nanos) {
      stats.add(nanos);
      statuses.merge(status, 1, Integer::sum);
      if (status == 202) {
        accepted.incrementAndGet();
      }
    }

    Result result(int sent, double secs) {
      return new Result(sent, accepted.get(), new TreeMap<>(statuses), secs, stats);
    }
  }

  /** One keep-alive HTTP/1.1 connection that writes whole requests and reads whole answers. */
  static final class Conn {
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Conn(int port) {
      this.port = port;
    }

    /** Writes the request, reads the answer, returns its status; reconnects when needed. */
    int exchange(byte[] request) throws IOException {
      if (socket == null) {
        connect();
      }
      try {
        out.write(request);
        out.flush();
        return readAnswer();
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    private void connect() throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      out = socket.getOutputStream();
    }

    private int readAnswer() throws IOException {
      String status = line();
      if (status == null || !status.startsWith("HTTP/1.")) {
        throw new IOException("no HTTP answer: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      String h;
      while ((h = line()) != null && !h.isEmpty()) {
        int colon = h.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = h.substring(0, colon).trim();
        String value = h.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          chunked = value.equalsIgnoreCase("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
          close = value.equalsIgnoreCase("close");
        }
      }
      if (chunked) {
        long size;
        while ((size = Long.parseLong(line().trim().split(";")[0], 16)) > 0) {
          skip(size + 2);
        }
        while ((h = line()) != null && !h.isEmpty()) {
          // trailers
        }
      } else if (length > 0) {
        skip(length);
      }
      if (close) {
        close();
      }
      return code;
    }

    private void skip(long n) throws IOException {
      while (n > 0) {
        long s = in.skip(n);
        if (s <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed mid-answer");
          }
          s = 1;
        }
        n -= s;
      }
    }

    /** A CRLF-terminated ASCII line without the CRLF; null at end of stream. */
    private String line() throws IOException {
      StringBuilder sb = new StringBuilder(64);
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '\n') {
          int len = sb.length();
          return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
        }
        sb.append((char) c);
      }
      if (sb.length() == 0) {
        return null;
      }
      throw new IOException("connection closed mid-line");
    }

    void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing anyway
        }
        socket = null;
      }
    }
  }
}
