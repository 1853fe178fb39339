package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI verb that finds another program on {@code server.port} (the app down and something else
 * started there, or a stale {@code server.portFile}): it must not hand that program {@code
 * admin.token}, and an answer that never ends must not hold it. The program is a raw socket server
 * on 127.0.0.1 that answers {@code /health/live} as the app does, but cannot prove the token.
 */
class HostilePortTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;
  private ServerSocket server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** Counted down when the test ends: the program's answering threads stop then. */
  private final CountDownLatch ended = new CountDownLatch(1);

  private record Run(int code, String out, String err) {}

  /** How the program answers one request (its head, as received). */
  interface Answer {
    void write(String head, OutputStream out) throws IOException, InterruptedException;
  }

  private int listen(Answer answer) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  Thread t =
                      new Thread(
                          () -> {
                            try (s) {
                              String head = head(s.getInputStream());
                              requests.add(head);
                              answer.write(head, s.getOutputStream());
                            } catch (Exception e) {
                              // the client went away
                            }
                          });
                  t.setDaemon(true);
                  t.start();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    accept.setDaemon(true);
    accept.start();
    return server.getLocalPort();
  }

  private static String head(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      sb.append((char) c);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return sb.toString();
  }

  private static void ok(OutputStream out, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.flush();
  }

  @AfterEach
  void close() throws IOException {
    ended.countDown();
    if (server != null) {
      server.close();
    }
  }

  private Path config(int port) throws IOException {
    Path cfg = dir.resolve("c.yml");
    String db = dir.resolve("db").toAbsolutePath().toString().replace("\\", "/");
    Files.writeString(
        cfg,
        "server: { port: "
            + port
            + " }\nstorage: { url: \"jdbc:h2:file:"
            + db
            + "\" }\nadmin: { token: \""
            + TOKEN
            + "\" }\n");
    return cfg;
  }

  private Run run(String... args) {
    CliRunner.Captured c = CliRunner.captured(args);
    return new Run(c.code(), c.out(), c.err());
  }

  @Test
  void anotherProgramOnThePortNeverReceivesTheAdminToken() throws Exception {
    // it answers everything as the app would, the figures included
    int port =
        listen(
            (head, out) ->
                ok(
                    out,
                    head.contains("/health/live")
                        ? "{\"status\":\"live\"}"
                        : "{\"csat\":1.0,\"responseRate\":1.0}"));

    Run r = run("stats", "--config", config(port).toString());

    // before: exit 0, the program's figures printed, and "Authorization: Bearer <token>" sent to it
    assertThat(requests)
        .noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).contains("authorization"));
    assertThat(requests).noneMatch(h -> h.contains(TOKEN));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .contains("127.0.0.1:" + port + " answers but does not prove it holds admin.token")
        .doesNotContain("\n");
    assertThat(r.out()).doesNotContain("csat");
  }

  @Test
  void aHealthAnswerThatNeverEndsDoesNotHoldTheVerb() throws Exception {
    // headers at once, then a byte now and then, for ever
    int port =
        listen(
            (head, out) -> {
              out.write(
                  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
              out.flush();
              // until the test ends (a chunk every 200 ms, never the last one)
              do {
                out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
              } while (!ended.await(200, TimeUnit.MILLISECONDS));
            });
    Path cfg = config(port);

    // before: the verb waited for the end of that body for ever (a hang guard, not a timing claim)
    CompletableFuture<Run> verb =
        CompletableFuture.supplyAsync(() -> run("purge", "--config", cfg.toString()));
    assertThat(verb).succeedsWithin(Duration.ofMinutes(2));
    // the program proved nothing and answered no health check in time: the verb went to the store
    assertThat(verb.join().code()).isZero();
    assertThat(requests).noneMatch(h -> h.contains(TOKEN));
  }
}
