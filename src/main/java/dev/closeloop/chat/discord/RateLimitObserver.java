package dev.closeloop.chat.discord;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Watches JDA's HTTP traffic for 429 answers and remembers, per request path, until when Discord
 * asked us to wait. JDA itself waits and retries; this only lets {@code send()} tell the outbox how
 * long the wait is when it gives up waiting.
 */
final class RateLimitObserver implements Interceptor {
  private static final Pattern RETRY_AFTER_FIELD =
      Pattern.compile("\"retry_after\"\\s*:\\s*([0-9.]+)");

  /** The longest wait remembered, as {@code delivery.RetryPolicy.MOST_HONOURED}. */
  static final Duration MOST_WAITED = Duration.ofHours(1);

  private final Clock clock;
  private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

  RateLimitObserver(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() == 429) {
      Duration wait = retryAfter(response);
      if (!wait.isNegative()) {
        // Discord asking 10^9 s (or 1e300, Infinity) is not waited for years: see
        // delivery.RetryPolicy.MOST_HONOURED, which the outbox applies too
        blockedUntil.put(
            chain.request().url().encodedPath(),
            clock.instant().plus(wait.compareTo(MOST_WAITED) > 0 ? MOST_WAITED : wait));
      }
    }
    return response;
  }

  /** The wait still ahead for the path ending in {@code pathSuffix}, if a 429 asked for one. */
  Optional<Duration> remaining(String pathSuffix) {
    Instant now = clock.instant();
    return blockedUntil.entrySet().stream()
        .filter(e -> e.getKey().endsWith(pathSuffix))
        .map(e -> Duration.between(now, e.getValue()))
        .filter(d -> !d.isNegative() && !d.isZero())
        .max(Duration::compareTo);
  }

  private static Duration retryAfter(Response response) throws IOException {
    double seconds = 0;
    String header = response.header("Retry-After");
    if (header != null) {
      try {
        seconds = Double.parseDouble(header.trim());
      } catch (NumberFormatException ignored) {
        // a malformed header: the body may still say
      }
    }
    Matcher body = RETRY_AFTER_FIELD.matcher(response.peekBody(4096).string());
    if (body.find()) {
      seconds = Math.max(seconds, Double.parseDouble(body.group(1)));
    }
    double millis = Math.ceil(seconds * 1000);
    return Double.isNaN(millis) ? Duration.ZERO : Duration.ofMillis((long) millis);
  }
}
