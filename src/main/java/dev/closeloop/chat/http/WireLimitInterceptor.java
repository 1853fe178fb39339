package dev.closeloop.chat.http;

import dev.closeloop.chat.WireLimit;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A {@link WireLimit} in a platform SDK's OkHttp client: each request whose path {@code counts}
 * takes its place in the limit just before it goes, waiting on the SDK's thread if need be; the
 * others pass untouched. An interrupted wait ends the call as an I/O error, as OkHttp expects.
 */
public final class WireLimitInterceptor implements Interceptor {
  private final WireLimit limit;
  private final Predicate<String> counts;
  private final String what;

  /**
   * @param counts whether a request to this encoded path counts against the limit
   * @param what the limit, for the interrupted wait's message ("Discord's global limit")
   */
  public WireLimitInterceptor(WireLimit limit, Predicate<String> counts, String what) {
    this.limit = limit;
    this.counts = counts;
    this.what = what;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (counts.test(chain.request().url().encodedPath())) {
      try {
        limit.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("waiting for " + what);
        io.initCause(e);
        throw io;
      }
    }
    return chain.proceed(chain.request());
  }
}
