package dev.closeloop.ticket.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GETs JSON with Basic auth, waiting out 429/503 as the {@link RetryPolicy} says. */
final class PollHttp {
  private static final Logger log = LoggerFactory.getLogger(PollHttp.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A page: its parsed body and the response, for headers such as {@code Link}. */
  record Page(JsonNode body, HttpResponse<String> response) {}

  private final String poller;
  private final PollContext context;
  private final String authorization;

  PollHttp(String poller, PollContext context, String user, String password) {
    this.poller = poller;
    this.context = context;
    String pair = user + ":" + password;
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  Page get(URI uri) {
    RetryPolicy retry = context.retry();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = send(uri);
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new Page(parse(uri, response.body()), response);
      }
      if (!RetryPolicy.retryable(status)) {
        throw new PollException(poller + ": GET " + uri.getRawPath() + " answered " + status);
      }
      if (attempt >= retry.maxAttempts()) {
        throw new PollException(
            poller
                + ": GET "
                + uri.getRawPath()
                + " answered "
                + status
                + ", gave up after "
                + attempt
                + " attempts");
      }
      Duration wait =
          retry.waitFor(response.headers().firstValue("Retry-After").orElse(null), context.clock());
      log.info(
          "poller={} status={} attempt={} will retry in {}s",
          poller,
          status,
          attempt,
          wait.toSeconds());
      pause(wait);
    }
  }

  private HttpResponse<String> send(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(context.requestTimeout())
            .header("Accept", "application/json")
            .header("Authorization", authorization)
            .GET()
            .build();
    // the request's own timeout ends at the response headers; the body is bounded here too
    java.util.concurrent.CompletableFuture<HttpResponse<String>> call =
        context.http().sendAsync(request, CappedBody.of(CappedBody.POLL_PAGE));
    try {
      return call.get(
          context.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      call.cancel(true);
      throw tooLong(uri, e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof java.net.http.HttpTimeoutException) {
        throw tooLong(uri, cause);
      }
      CappedBody.TooLarge large = CappedBody.TooLarge.in(cause);
      if (large != null) {
        throw new PollException(
            poller + ": GET " + uri.getRawPath() + " answered " + large.getMessage(), cause);
      }
      throw new PollException(poller + ": GET " + uri.getRawPath() + " failed: " + cause, cause);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new PollException(poller + ": interrupted", e);
    }
  }

  private PollException tooLong(URI uri, Throwable cause) {
    return new PollException(
        poller
            + ": GET "
            + uri.getRawPath()
            + " took longer than "
            + context.requestTimeout()
            + " (timeouts.helpdesk)",
        cause);
  }

  private void pause(Duration wait) {
    try {
      context.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PollException(poller + ": interrupted while waiting out a rate limit", e);
    }
  }

  private JsonNode parse(URI uri, String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new PollException(poller + ": GET " + uri.getRawPath() + " did not return an object");
      }
      return node;
    } catch (IOException e) {
      throw new PollException(poller + ": GET " + uri.getRawPath() + " returned invalid JSON", e);
    }
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String trimSlash(String url) {
    return url.strip().replaceAll("/+$", "");
  }
}
