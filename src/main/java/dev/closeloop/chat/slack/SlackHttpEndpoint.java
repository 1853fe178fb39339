package dev.closeloop.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP mode: the app's own server hands every {@code POST /slack/events} here, raw body and
 * headers as received. Bolt checks the signature ({@code X-Slack-Signature}, {@code
 * X-Slack-Request-Timestamp}, five-minute window: 401 otherwise, before the body is read), answers
 * {@code url_verification} and {@code ssl_check}, and routes events, interactions and commands; a
 * retried event ({@code X-Slack-Retry-Num}) whose event id was already taken is acked without being
 * handled again.
 *
 * <pre>{@code
 * javalin.post(SlackHttpEndpoint.PATH, ctx -> {
 *   SlackHttpEndpoint.Reply r = endpoint.handle(ctx.body(), ctx::header);
 *   ctx.status(r.status()).contentType(r.contentType()).result(r.body());
 * });
 * }</pre>
 *
 * Before {@link SlackPlatform#start} has reached Slack (auth.test) it answers a request Slack
 * signed 503, which Slack retries, and any other 401. Its own answers are JSON {@code {"error":
 * "…"}}, like every other route's.
 */
public final class SlackHttpEndpoint {
  private static final Logger log = LoggerFactory.getLogger(SlackHttpEndpoint.class);
  public static final String PATH = "/slack/events";

  /** What to answer Slack: status, content type and body. */
  public record Reply(int status, String contentType, String body) {
    /** An answer of our own, {@code {"error": "…"}} like the rest of the HTTP API. */
    static Reply error(int status, String message) {
      com.google.gson.JsonObject json = new com.google.gson.JsonObject();
      json.addProperty("error", message);
      return new Reply(status, "application/json", json.toString());
    }
  }

  private final App app;
  private final SlackRequestParser parser;
  private final BooleanSupplier started;

  SlackHttpEndpoint(App app, BooleanSupplier started) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.started = started;
  }

  /** The request headers Slack's requests depend on. */
  static final List<String> HEADERS =
      List.of(
          "Content-Type",
          "X-Slack-Signature",
          "X-Slack-Request-Timestamp",
          "X-Slack-Retry-Num",
          "X-Slack-Retry-Reason");

  /**
   * Handles one request from Slack, reading headers one by one (e.g. Javalin's {@code
   * ctx::header}).
   */
  public Reply handle(String rawBody, Function<String, String> header) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : HEADERS) {
      String value = header.apply(name);
      if (value != null) {
        headers.put(name, List.of(value));
      }
    }
    return handle(rawBody, headers);
  }

  /**
   * Whether {@code X-Slack-Signature} is this app's signing secret over the timestamp and body,
   * with the timestamp within five minutes: what Bolt checks, asked here before Bolt is ready.
   */
  private boolean signedBySlack(String rawBody, Map<String, List<String>> headers) {
    String ts = header(headers, "X-Slack-Request-Timestamp");
    String signature = header(headers, "X-Slack-Signature");
    String secret = app.config().getSigningSecret();
    if (ts == null || signature == null || secret == null || secret.isEmpty()) {
      return false;
    }
    try {
      return new com.slack.api.app_backend.SlackSignature.Verifier(
              new com.slack.api.app_backend.SlackSignature.Generator(secret))
          .isValid(ts.strip(), rawBody == null ? "" : rawBody, signature.strip());
    } catch (RuntimeException e) {
      return false; // a timestamp that is not a number
    }
  }

  /** Whether the body is Slack's {@code app_rate_limited} notice (which Bolt does not parse). */
  private static boolean rateLimitNotice(String rawBody) {
    if (rawBody == null || !rawBody.contains("app_rate_limited")) {
      return false;
    }
    try {
      com.google.gson.JsonElement json = com.google.gson.JsonParser.parseString(rawBody);
      return json.isJsonObject()
          && json.getAsJsonObject().has("type")
          && json.getAsJsonObject().get("type").isJsonPrimitive()
          && "app_rate_limited".equals(json.getAsJsonObject().get("type").getAsString());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private static boolean aheadOfNow(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("X-Slack-Request-Timestamp") && !e.getValue().isEmpty()) {
        try {
          long at = Long.parseLong(e.getValue().get(0).strip());
          return at > java.time.Instant.now().getEpochSecond() + 300;
        } catch (NumberFormatException notANumber) {
          return false; // Bolt refuses it
        }
      }
    }
    return false;
  }

  /**
   * Handles one request from Slack.
   *
   * @param rawBody the body exactly as received (the signature covers it byte for byte)
   * @param headers request headers; names are matched case-insensitively
   */
  public Reply handle(String rawBody, Map<String, List<String>> headers) {
    if (!started.getAsBoolean()) {
      // only what Slack signed is asked to retry: anyone else is refused as Bolt refuses them
      // once connected, never answered a 5xx for a request that is not Slack's
      return signedBySlack(rawBody, headers)
          ? Reply.error(503, "not connected to Slack yet: retry shortly")
          : Reply.error(401, "invalid request");
    }
    if (aheadOfNow(headers)) {
      // Bolt refuses a timestamp over 5 minutes old but not one ahead: refuse both, like the
      // webhooks, so a signed request stays usable for at most 5 minutes either way
      log.info("slack http request refused reason=timestamp_ahead");
      return Reply.error(401, "invalid request");
    }
    if (!signedBySlack(rawBody, headers)) {
      // before Bolt reads it: Bolt's parser logs a body of no known shape whole at WARN, and
      // anyone could have the log take up to 1 MiB a request that way
      return Reply.error(401, "invalid request");
    }
    Request<?> request;
    try {
      request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(PATH)
                  .queryString(Map.of())
                  .requestBody(rawBody == null ? "" : rawBody)
                  .headers(new RequestHeaders(headers))
                  .remoteAddress("")
                  .build());
    } catch (RuntimeException e) {
      log.info("slack http request unreadable error={}", e.toString());
      return Reply.error(400, "unreadable request");
    }
    if (request == null) {
      if (rateLimitNotice(rawBody) && signedBySlack(rawBody, headers)) {
        // Slack drops this app's events for the rest of the minute (over 30,000 an hour): the
        // operator must hear of it, and Slack wants a 200
        log.warn(
            "event=slack_events_rate_limited next=Slack drops events until the minute ends;"
                + " answers typed meanwhile are lost");
        return new Reply(200, "application/json", "{}");
      }
      return Reply.error(400, "unknown request");
    }
    try {
      Response r = app.run(request);
      String type = r.getContentType() == null ? "text/plain; charset=utf-8" : r.getContentType();
      return new Reply(r.getStatusCode(), type, r.getBody() == null ? "" : r.getBody());
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopping: the event was not taken, Slack retries it
      log.info("slack http request not taken type={} reason=stopping", request.getRequestType());
      return Reply.error(503, "stopping: retry shortly");
    } catch (RuntimeException e) {
      // nothing on this path does I/O (the listeners only translate and queue the event): an
      // unchecked failure is Bolt, or a listener, reading a signed payload of the wrong shape (an
      // object where a string goes, a null user, an event without one). A retry would fail the
      // same way, so no 500 for Slack to retry and no stack trace in the operator's log
      log.info(
          "slack http request unreadable type={} error={}", request.getRequestType(), e.toString());
      return Reply.error(400, "unreadable request");
    } catch (Exception e) {
      log.error(
          "slack http request failed type={} next=Slack retries", request.getRequestType(), e);
      return Reply.error(500, "failed: Slack retries");
    }
  }
}
