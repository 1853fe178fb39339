package dev.closeloop.mail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Sockets for the SMTP relay whose reading is bounded as a whole: the exchange (greeting to QUIT,
 * STARTTLS included, which reads through this socket) ends within {@code within}, and at most
 * {@code maxBytes} are read from the relay. Angus Mail bounds each read, not the exchange, and
 * reads a reply line whole whatever its length: a relay answering a byte at a time held the one
 * mail thread for as long as it liked, and one sending a line without end filled the memory.
 */
final class BoundedSockets extends SocketFactory {
  private final Duration within;
  private final long maxBytes;

  BoundedSockets(Duration within, long maxBytes) {
    this.within = within;
    this.maxBytes = maxBytes;
  }

  @Override
  public Socket createSocket() {
    return new Bounded(within, maxBytes);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  /** A new bounded socket connected to {@code remote}, bound first to {@code local} if given. */
  private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
    Socket s = createSocket();
    if (local != null) {
      s.bind(local);
    }
    s.connect(remote);
    return s;
  }

  /** One connection: its deadline runs from when it is made. */
  static final class Bounded extends Socket {
    private final Duration within;
    private final long deadline;
    private final long maxBytes;
    private volatile int readTimeout;
    private InputStream in;

    Bounded(Duration within, long maxBytes) {
      this.within = within;
      this.deadline = System.nanoTime() + within.toNanos();
      this.maxBytes = maxBytes;
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws java.net.SocketException {
      readTimeout = timeout;
      super.setSoTimeout(timeout);
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in = new Capped(super.getInputStream());
      }
      return in;
    }

    private SocketTimeoutException late() {
      return new SocketTimeoutException(
          "the relay did not finish within " + within.toSeconds() + " s");
    }

    /** Whether the last read waited only what was left of the exchange, not a whole step. */
    private volatile boolean lastOfTheExchange;

    /** A read that timed out because the exchange's time was up says so. */
    private IOException timedOut(SocketTimeoutException e) {
      // its timeout was what was left: it ends at the deadline, give or take the clock's grain
      return lastOfTheExchange || deadline - System.nanoTime() <= 0 ? late() : e;
    }

    /** Each read waits at most what is left of the exchange (and at most the read timeout). */
    private void beforeRead() throws IOException {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw late();
      }
      long ms = Math.max(1, (left + 999_999) / 1_000_000);
      int each = readTimeout;
      lastOfTheExchange = each <= 0 || ms < each;
      super.setSoTimeout((int) Math.min(each > 0 ? Math.min(each, ms) : ms, Integer.MAX_VALUE));
    }

    private final class Capped extends FilterInputStream {
      private long read;

      Capped(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        beforeRead();
        int b;
        try {
          b = super.read();
        } catch (SocketTimeoutException e) {
          throw timedOut(e);
        }
        counted(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        beforeRead();
        int n;
        try {
          n = super.read(b, off, len);
        } catch (SocketTimeoutException e) {
          throw timedOut(e);
        }
        counted(Math.max(n, 0));
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        beforeRead();
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
      }

      private void counted(long n) throws IOException {
        read += n;
        if (read > maxBytes) {
          throw new IOException("the relay sent more than " + (maxBytes / 1024) + " KiB");
        }
      }
    }
  }
}
