package dev.closeloop.app;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

/**
 * Request bodies, read once and capped while they stream: a body past its route's limit is answered
 * 413 after reading at most limit + 1 bytes, whatever Content-Length says or whether it comes
 * chunked. Handlers read the captured bytes through {@link #bytes} / {@link #text}, never through
 * {@code ctx.body()} (which reads without a bound).
 */
final class Bodies {
  static final long SMALL = 64 * 1024;
  static final long SLACK = 1024 * 1024;
  static final long LINKS_CSV = 4 * 1024 * 1024;
  private static final String ATTRIBUTE = "closeloop.body";

  private Bodies() {}

  /**
   * How long a body may take at least: a slow client that sends a byte now and then (each one
   * resetting the idle timeout) would otherwise hold a server thread for as long as it likes, and a
   * few hundred of them would hold them all. Package-private for tests.
   */
  static volatile Duration minimumTime = Duration.ofSeconds(10);

  /** Beyond {@link #minimumTime}, a body of the route's limit may take as long as at this rate. */
  static final long MINIMUM_RATE = 64 * 1024;

  /**
   * Reads the body up to {@code limit}; false after answering 413 (or 408 when it does not arrive
   * in time, 400 on a broken stream).
   */
  static boolean capture(Context ctx, long limit) {
    if (ctx.contentLength() > limit) {
      tooLarge(ctx, limit);
      return false;
    }
    Duration allowed = allowance(limit);
    byte[] body;
    try {
      body = readWithin(ctx, limit, allowed);
    } catch (IOException e) {
      ctx.header("Connection", "close");
      if (timedOut(e)) {
        HttpApi.error(
            ctx,
            408,
            "the body did not arrive within " + allowed.toSeconds() + " s; send it whole");
      } else {
        HttpApi.error(ctx, 400, "could not read the body");
      }
      return false;
    }
    if (body.length > limit) {
      tooLarge(ctx, limit);
      return false;
    }
    ctx.attribute(ATTRIBUTE, body);
    return true;
  }

  /** The time a body may take: {@link #minimumTime}, or longer for a large limit. */
  static Duration allowance(long limit) {
    Duration byRate = Duration.ofMillis(limit * 1000 / MINIMUM_RATE);
    return byRate.compareTo(minimumTime) > 0 ? byRate : minimumTime;
  }

  /**
   * Reads up to {@code limit} + 1 bytes, all of them within {@code allowed} of now: before each
   * read the connection's idle timeout is cut to the time left, so a body still coming at the
   * deadline ends that read with a timeout (the thread is free again), however often single bytes
   * arrive.
   */
  private static byte[] readWithin(Context ctx, long limit, Duration allowed) throws IOException {
    InputStream in = ctx.req().getInputStream();
    HttpChannel channel = Request.getBaseRequest(ctx.req()).getHttpChannel();
    long idle = channel.getIdleTimeout();
    long deadline = System.nanoTime() + allowed.toNanos();
    long declared = ctx.contentLength(); // over the limit was answered 413 before this
    try {
      return declared >= 0
          ? readDeclared(in, (int) declared, channel, idle, deadline)
          : readUndeclared(in, limit, channel, idle, deadline);
    } finally {
      channel.setIdleTimeout(idle);
    }
  }

  /**
   * A body whose Content-Length is known (and within the limit): read into an array of that size,
   * no growing copies. The server ends the stream at Content-Length; a body cut short is shorter.
   */
  private static byte[] readDeclared(
      InputStream in, int length, HttpChannel channel, long idle, long deadline)
      throws IOException {
    byte[] body = new byte[length];
    int read = 0;
    while (read < length) {
      cutIdleTimeout(channel, idle, deadline);
      int n = in.read(body, read, length - read);
      if (n < 0) {
        return java.util.Arrays.copyOf(body, read);
      }
      read += n;
    }
    return body;
  }

  /** A chunked body: read in slices up to {@code limit} + 1 bytes. */
  private static byte[] readUndeclared(
      InputStream in, long limit, HttpChannel channel, long idle, long deadline)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[(int) Math.min(limit + 1, 16 * 1024)];
    while (out.size() <= limit) {
      cutIdleTimeout(channel, idle, deadline);
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - out.size()));
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Before each read: the connection's idle timeout cut to the time left before the deadline. */
  private static void cutIdleTimeout(HttpChannel channel, long idle, long deadline)
      throws IOException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw new IOException(new TimeoutException("body deadline passed"));
    }
    channel.setIdleTimeout(idle > 0 ? Math.min(idle, left) : left);
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static void tooLarge(Context ctx, long limit) {
    // the rest of the body is never read: the connection cannot carry another request
    ctx.header("Connection", "close");
    HttpApi.error(ctx, 413, "body over " + limit + " bytes");
  }

  static byte[] bytes(Context ctx) {
    byte[] body = ctx.attribute(ATTRIBUTE);
    return body == null ? new byte[0] : body;
  }

  static String text(Context ctx) {
    return new String(bytes(ctx), StandardCharsets.UTF_8);
  }

  /**
   * The body as UTF-8 text, refused when it is not: a CSV saved in a legacy code page (Excel's
   * plain "CSV" on Windows) or a broken sender would otherwise have each byte it cannot read
   * replaced by U+FFFD and stored as if it were the text meant ({@code Jos?@example.com}).
   */
  static String utf8(Context ctx) {
    return utf8(bytes(ctx));
  }

  /** {@code bytes} as UTF-8 text; {@link NotUtf8} naming the first line that is not. */
  static String utf8(byte[] bytes) {
    int line = dev.closeloop.language.Texts.firstLineNotUtf8(bytes);
    if (line > 0) {
      throw new NotUtf8(line);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Text that is not UTF-8: a client error (400) naming the line. */
  static final class NotUtf8 extends IllegalArgumentException {
    NotUtf8(int line) {
      super("line " + line + " is not UTF-8 text (save it as UTF-8: in Excel, \"CSV UTF-8\")");
    }
  }
}
