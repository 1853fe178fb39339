package dev.closeloop.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on 127.0.0.1 that answers every request 200 with a valid JSON object of about
 * {@code bodyBytes} bytes ({@code {"isLast":true,…}} and then whitespace, which JSON allows),
 * streamed as it is written: chunked, or with its {@code Content-Length} declared. What a hostile
 * or broken helpdesk sends to fill a client's memory; nothing of it is held here.
 */
public final class FloodingServer implements AutoCloseable {
  private static final byte[] HEAD =
      "{\"isLast\":true,\"issues\":[],\"result\":[],\"tickets\":[]}"
          .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TAIL = "\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final long bodyBytes;
  private final boolean declared;

  public FloodingServer(long bodyBytes, boolean declared) {
    this.bodyBytes = bodyBytes;
    this.declared = declared;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Thread acceptor = new Thread(this::accept, "flooding-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> answer(s), "flooding-answer");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void answer(Socket s) {
    try {
      RawSockets.readHead(s.getInputStream());
      OutputStream out = s.getOutputStream();
      long padding = bodyBytes - HEAD.length - TAIL.length;
      String framing = declared ? "Content-Length: " + bodyBytes : "Transfer-Encoding: chunked";
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      piece(out, HEAD, HEAD.length);
      byte[] pad = new byte[64 * 1024];
      Arrays.fill(pad, (byte) ' ');
      for (long left = padding; left > 0; left -= pad.length) {
        piece(out, pad, (int) Math.min(pad.length, left));
      }
      piece(out, TAIL, TAIL.length);
      if (!declared) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException e) {
      // the client hung up: what a capped client does
    }
  }

  private void piece(OutputStream out, byte[] bytes, int n) throws IOException {
    if (!declared) {
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(bytes, 0, n);
    if (!declared) {
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Override
  public void close() {
    RawSockets.closeAll(server, open);
  }
}
