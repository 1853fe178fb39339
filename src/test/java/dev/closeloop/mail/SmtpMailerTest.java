package dev.closeloop.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.closeloop.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The relay is a peer like any other: one that answers a byte at a time, or without end, must not
 * hold the one mail thread for ever or fill the memory. Angus Mail bounds each read ({@code
 * timeouts.mail}), not the exchange, and reads a reply line whole whatever its length: a relay
 * dripping a byte every 200 ms held a send for as long as it liked, and one sending a reply line
 * without end ran a 256 MiB JVM out of memory in 5 s (seen with the library alone).
 */
class SmtpMailerTest {
  static final Duration STEP = Duration.ofSeconds(1);

  static SmtpMailer mailer(int port) {
    return new SmtpMailer(
        new Config.Smtp("127.0.0.1", port, "", "", "closeloop@example.com", false),
        new Config.Timeouts(STEP, STEP, STEP, STEP, STEP));
  }

  /** A relay on 127.0.0.1 that plays {@code script} to each connection until the test ends. */
  static final class Hostile implements AutoCloseable {
    interface Script {
      void play(InputStream in, OutputStream out, CountDownLatch ended) throws Exception;
    }

    final ServerSocket server;
    final List<Socket> open = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);

    Hostile(Script script) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket s = server.accept();
                    open.add(s);
                    Thread c =
                        new Thread(
                            () -> {
                              try {
                                script.play(s.getInputStream(), s.getOutputStream(), ended);
                              } catch (Exception e) {
                                // the client went away
                              }
                            });
                    c.setDaemon(true);
                    c.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "hostile-relay");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      ended.countDown();
      server.close();
      for (Socket s : open) {
        s.close();
      }
    }
  }

  /** What the send came to, waited for at most 60 s (the bound under test is seconds). */
  static Throwable outcome(SmtpMailer mailer) throws Exception {
    CompletableFuture<Throwable> sent =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                mailer.send("dana@example.com", "code", "your code");
                return null;
              } catch (Throwable e) {
                return e;
              }
            });
    return sent.get(60, TimeUnit.SECONDS);
  }

  @Test
  void aRelayDrippingItsGreetingIsLeftWithinTheExchangeBound() throws Exception {
    try (Hostile relay =
        new Hostile(
            (in, out, ended) -> {
              // "220" never completed: a byte every 200 ms, well inside each read's timeout
              while (!ended.await(200, TimeUnit.MILLISECONDS)) {
                out.write('2');
                out.flush();
              }
            })) {
      Throwable e = outcome(mailer(relay.port()));
      assertThat(e).isInstanceOf(Mailer.MailException.class);
      assertThat(e).hasMessageContaining("did not finish within");
    }
  }

  @Test
  void aRelayDrippingAfterData() throws Exception {
    try (Hostile relay =
        new Hostile(
            (in, out, ended) -> {
              var reader =
                  new java.io.BufferedReader(
                      new java.io.InputStreamReader(in, StandardCharsets.US_ASCII));
              out.write("220 relay\r\n".getBytes(StandardCharsets.US_ASCII));
              out.flush();
              String line;
              while ((line = reader.readLine()) != null) {
                if (line.startsWith("EHLO") || line.startsWith("HELO")) {
                  out.write("250 relay\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (line.equals(".")) {
                  // the message is in: its answer comes a byte at a time, never whole
                  while (!ended.await(200, TimeUnit.MILLISECONDS)) {
                    out.write('2');
                    out.flush();
                  }
                  return;
                } else if (line.equals("DATA")) {
                  out.write("354 go on\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (line.startsWith("MAIL") || line.startsWith("RCPT")) {
                  out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
              }
            })) {
      Throwable e = outcome(mailer(relay.port()));
      assertThat(e).isInstanceOf(Mailer.MailException.class);
      assertThat(e).hasMessageContaining("did not finish within");
    }
  }

  @Test
  void aRelaySendingAReplyLineWithoutEndIsCutOffNotReadIntoMemory() throws Exception {
    try (Hostile relay =
        new Hostile(
            (in, out, ended) -> {
              out.write("220 ".getBytes(StandardCharsets.US_ASCII));
              byte[] chunk = new byte[64 * 1024];
              java.util.Arrays.fill(chunk, (byte) 'a');
              // 16 MiB then silence: enough to see whether it is read whole, not to hurt the test
              for (int i = 0; i < 256; i++) {
                out.write(chunk);
              }
              out.flush();
              ended.await();
            })) {
      Throwable e = outcome(mailer(relay.port()));
      assertThat(e).isInstanceOf(Mailer.MailException.class);
      assertThat(e).hasMessageContaining("sent more than");
    }
  }

  @Test
  void anHonestRelayStillGetsTheMail() throws Exception {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try {
      assertThat(outcome(mailer(mail.getSmtp().getPort()))).isNull();
      assertThat(mail.getReceivedMessages()).hasSize(1);
      assertThat(GreenMailUtil.getBody(mail.getReceivedMessages()[0])).contains("your code");
    } finally {
      mail.stop();
    }
  }

  @Test
  void aRelayRefusingOrHangingUpMidDataIsAFailureNotAHang() throws Exception {
    for (String answer : new String[] {"421 busy", "554 no", "hangup"}) {
      try (Hostile relay =
          new Hostile(
              (in, out, ended) -> {
                var reader =
                    new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, StandardCharsets.US_ASCII));
                out.write("220 relay\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String line;
                while ((line = reader.readLine()) != null) {
                  if (line.startsWith("EHLO") || line.startsWith("HELO")) {
                    out.write("250 relay\r\n".getBytes(StandardCharsets.US_ASCII));
                  } else if (line.equals("DATA")) {
                    if (answer.equals("hangup")) {
                      out.write("354 go on\r\n".getBytes(StandardCharsets.US_ASCII));
                      out.flush();
                      reader.readLine();
                      out.close();
                      return;
                    }
                    out.write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                  } else {
                    out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.flush();
                }
              })) {
        assertThat(outcome(mailer(relay.port())))
            .as(answer)
            .isInstanceOf(Mailer.MailException.class);
      }
    }
    assertThatThrownBy(() -> mailer(1).send("a@example.com", "s", "t"))
        .isInstanceOf(Mailer.MailException.class);
  }
}
