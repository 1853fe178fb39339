package dev.closeloop.ticket.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.ticket.poll.CappedBody;
import dev.closeloop.ticket.poll.RetryPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JSON over HTTP to one helpdesk, every request bounded by the timeout, every non-2xx answer turned
 * into a {@link WriteOutcome.Failure} in one place: 401/403 denied naming the credentials or the
 * permission the call needs, 404 gone, 408/409/429/5xx and network errors retried ({@code
 * Retry-After} honoured), anything else rejected with the system's error text, shortened and
 * without our secrets.
 */
final class HelpdeskHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_TEXT = 300;

  /** A raw answer. */
  record Response(int status, String body, HttpHeaders headers) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** A failed call, carrying its outcome up to {@link #attempt} or {@link #lookUp}. */
  static final class Stop extends RuntimeException {
    final int status;
    final transient WriteOutcome.Failure outcome;

    /** The system's answer, or null when there was none (network, or decided here). */
    final transient String body;

    Stop(int status, WriteOutcome.Failure outcome) {
      this(status, outcome, null);
    }

    Stop(int status, WriteOutcome.Failure outcome, String body) {
      super(outcome.reason(), null, false, false);
      this.status = status;
      this.outcome = outcome;
      this.body = body;
    }
  }

  private final String name;
  private final String base;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private final String credentials;
  private final Map<String, String> headers;
  private final List<String> secrets;

  /**
   * @param name the system as people call it ("Jira")
   * @param base the API's base URL, without a trailing slash
   * @param credentials the config keys a 401 points at
   * @param headers sent with every request (authorization)
   * @param secrets never shown in a reason
   */
  HelpdeskHttp(
      String name,
      String base,
      HttpClient http,
      Duration timeout,
      Clock clock,
      String credentials,
      Map<String, String> headers,
      List<String> secrets) {
    this.name = name;
    this.base = trimSlash(base);
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
    this.credentials = credentials;
    this.headers = Map.copyOf(headers);
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
  }

  String name() {
    return name;
  }

  String base() {
    return base;
  }

  /** Runs a write, turning a {@link Stop} into its outcome. */
  static WriteOutcome attempt(Supplier<WriteOutcome> write) {
    try {
      return write.get();
    } catch (Stop stop) {
      return stop.outcome;
    }
  }

  /** Runs a look-up, turning a {@link Stop} into {@link LookUp.CannotTell}. */
  static LookUp lookUp(Supplier<LookUp> lookUp) {
    try {
      return lookUp.get();
    } catch (Stop stop) {
      return new LookUp.CannotTell(stop.outcome);
    }
  }

  JsonNode get(String path, String needs) {
    return call("GET", path, null, needs, Map.of());
  }

  JsonNode call(String method, String path, JsonNode body, String needs) {
    return call(method, path, body, needs, Map.of());
  }

  /**
   * Sends {@code body} (null: none) and returns the answer's JSON ({@link MissingNode} when empty);
   * throws {@link Stop} for anything but 2xx.
   *
   * @param needs the permission or role this call needs, in the system's words, for a 403
   */
  JsonNode call(
      String method, String path, JsonNode body, String needs, Map<String, String> extra) {
    Response response = exchange(method, path, body == null ? null : body.toString(), extra);
    if (!response.ok()) {
      throw new Stop(response.status(), classify(response, method, path, needs), response.body());
    }
    return parse(response.body());
  }

  /** One request; a network failure or timeout throws {@link Stop} with a retry. */
  Response exchange(String method, String path, String body, Map<String, String> extra) {
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(timeout)
              .header("Accept", "application/json");
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putAll(extra);
      all.forEach(request::header);
    } catch (IllegalArgumentException e) {
      throw new Stop(
          0,
          new WriteOutcome.Rejected(
              name
                  + ": cannot build "
                  + describe(method, path)
                  + ": check "
                  + credentials
                  + " and the base URL ("
                  + redact(String.valueOf(e.getMessage()))
                  + ")"));
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json; charset=utf-8")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    String call = describe(method, path);
    // the request's own timeout ends at the response headers: the body is bounded here too
    java.util.concurrent.CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(request.build(), CappedBody.of(CappedBody.WRITE_BACK));
    try {
      HttpResponse<String> r =
          pending.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw noAnswer(call);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw noAnswer(call);
      }
      CappedBody.TooLarge large = CappedBody.TooLarge.in(cause);
      if (large != null) {
        throw new Stop(
            0,
            new WriteOutcome.Retry(
                name + " answered " + call + " with " + large.getMessage(), null));
      }
      throw new Stop(
          0,
          new WriteOutcome.Retry(
              name + " is unreachable (" + call + ": " + redact(String.valueOf(cause)) + ")",
              null));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new Stop(0, new WriteOutcome.Retry("interrupted during " + call, null));
    }
  }

  private Stop noAnswer(String call) {
    return new Stop(
        0,
        new WriteOutcome.Retry(
            name + " did not answer " + call + " within " + timeout.toSeconds() + " s", null));
  }

  WriteOutcome.Failure classify(Response r, String method, String path, String needs) {
    int status = r.status();
    String call = describe(method, path);
    String said = errorText(r.body());
    String saidPart = said.isEmpty() ? "" : " (" + name + " said: " + said + ")";
    if (status == 401) {
      return new WriteOutcome.Denied(
          name + " refused the credentials on " + call + ": check " + credentials + saidPart);
    }
    if (status == 403) {
      return new WriteOutcome.Denied(name + " denied " + call + ": " + needs + saidPart);
    }
    if (status == 404) {
      return new WriteOutcome.Gone(
          name
              + " answered 404 to "
              + call
              + ": the ticket is gone or not visible to this account");
    }
    if (status == 408 || status == 409 || status == 425 || status == 429 || status >= 500) {
      Duration after =
          RetryPolicy.retryAfter(r.headers().firstValue("Retry-After").orElse(null), clock);
      return new WriteOutcome.Retry(
          name + " answered " + status + " to " + call,
          after == null || after.isNegative() ? null : after);
    }
    if (status >= 300 && status < 400) {
      return new WriteOutcome.Rejected(
          name
              + " redirected "
              + call
              + " to "
              + r.headers().firstValue("Location").orElse("?")
              + ": check the base URL");
    }
    return new WriteOutcome.Rejected(name + " refused " + call + " with " + status + saidPart);
  }

  /** The system's error text: one line, at most {@value #MAX_ERROR_TEXT} characters, no secret. */
  String errorText(String body) {
    if (body == null) {
      return "";
    }
    String text = redact(body.replaceAll("\\s+", " ").strip());
    return text.length() <= MAX_ERROR_TEXT
        ? text
        : dev.closeloop.language.Texts.head(text, MAX_ERROR_TEXT) + "…";
  }

  private String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }

  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static String basic(String user, String password) {
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String trimSlash(String url) {
    return url == null ? "" : url.strip().replaceAll("/+$", "");
  }

  /** The call as a reason shows it: method and path, without the query. */
  private String describe(String method, String path) {
    return method + " " + pathOnly(path.isEmpty() ? base : path);
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** Text of a JSON field, or null when absent or null. */
  static String text(JsonNode node, String pointer) {
    JsonNode n = node.at(pointer);
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }
}
