package dev.closeloop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collection;

/** What the raw-socket test servers ({@link StallingServer}, {@link FloodingServer}) share. */
final class RawSockets {
  private RawSockets() {}

  /** Reads a request's head, up to and including its blank line (or to the end of the stream). */
  static void readHead(InputStream in) throws IOException {
    int state = 0; // counts the bytes of \r\n\r\n seen in a row
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
    }
  }

  /** Stops accepting and closes every connection still open. */
  static void closeAll(ServerSocket server, Collection<Socket> open) {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
