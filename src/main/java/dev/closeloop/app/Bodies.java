package dev.closeloop.app;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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

  /** Reads the body up to {@code limit}; false after answering 413 (or 400 on a broken stream). */
  static boolean capture(Context ctx, long limit) {
    if (ctx.contentLength() > limit) {
      tooLarge(ctx, limit);
      return false;
    }
    byte[] body;
    try {
      InputStream in = ctx.req().getInputStream();
      body = in.readNBytes((int) limit + 1);
    } catch (IOException e) {
      ctx.header("Connection", "close");
      HttpApi.error(ctx, 400, "could not read the body");
      return false;
    }
    if (body.length > limit) {
      tooLarge(ctx, limit);
      return false;
    }
    ctx.attribute(ATTRIBUTE, body);
    return true;
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
}
