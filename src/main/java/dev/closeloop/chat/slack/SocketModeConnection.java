package dev.closeloop.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode connection, supervised. The SDK's Java-WebSocket client does the socket; this
 * class runs Bolt for each envelope (as the SDK's SocketModeApp does), acks, and keeps the socket
 * alive itself instead of relying on the SDK's session monitor:
 *
 * <ul>
 *   <li>a close or error triggers a check after {@code reconnectGrace} (so Slack's own refresh,
 *       which the SDK follows by itself, is not answered with a second reconnect);
 *   <li>a watchdog pings every {@code watchdogInterval}: no pong (a zombie socket, a handshake that
 *       never completed) means reconnect;
 *   <li>reconnects back off exponentially up to {@code maxBackoff} until Slack says hello
 *       (apps.connections.open is Tier 1);
 *   <li>envelopes are handled once: a redelivered envelope (same event id or envelope id) that was
 *       already handled is acked again without running the handler.
 * </ul>
 */
final class SocketModeConnection {
  private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);
  private static final int MESSAGE_PROCESSORS = 2;

  private final App app;
  private final Slack slack;
  private final String appToken;
  private final SlackPlatform.Options options;
  private final ScheduledExecutorService scheduler;
  private final SocketModeRequestParser parser;
  private final Gson gson;
  private final RecentKeys envelopes = new RecentKeys(10_000);

  private volatile SocketModeClient client;
  private volatile boolean connected;
  private volatile boolean stopped;

  /** Attempts since the last hello; only touched on the scheduler thread. */
  private int attempts;

  private long nextAttemptNanos;

  SocketModeConnection(
      App app,
      Slack slack,
      String appToken,
      SlackPlatform.Options options,
      ScheduledExecutorService scheduler) {
    this.app = app;
    this.slack = slack;
    this.appToken = appToken;
    this.options = options;
    this.scheduler = scheduler;
    this.parser = new SocketModeRequestParser(app.config());
    this.gson = GsonFactory.createSnakeCase(slack.getConfig());
  }

  void start() {
    scheduler.execute(this::check);
    long every = options.watchdogInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  boolean connected() {
    return connected && !stopped;
  }

  void stop() {
    stopped = true;
    connected = false;
    SocketModeClient c = client;
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        log.warn("slack socket close failed error={}", e.toString());
      }
    }
  }

  /** Verifies the socket and reconnects when it is dead. Runs on the scheduler thread only. */
  private void check() {
    if (stopped) {
      return;
    }
    try {
      SocketModeClient c = client;
      if (c != null && c.verifyConnection()) {
        connected = true;
        return;
      }
      connected = false;
      long now = System.nanoTime();
      if (now - nextAttemptNanos < 0) {
        return; // backing off; the watchdog comes back
      }
      attempts++;
      nextAttemptNanos = now + backoff(attempts).toNanos();
      if (c == null) {
        connectFirstTime();
      } else {
        log.info("slack socket dead attempt={} next=reconnect", attempts);
        c.connectToNewEndpoint();
      }
    } catch (Exception e) {
      Duration wait = backoff(attempts);
      log.warn(
          "slack socket connect failed attempt={} reason={} next=retry in {}",
          attempts,
          SlackErrors.startFailure(e, slack.getConfig().getMethodsEndpointUrlPrefix()),
          wait);
      scheduleCheck(wait);
    }
  }

  private void connectFirstTime() throws Exception {
    app.start(); // auth.test; throws while Slack cannot be reached
    String url = slack.issueSocketModeUrl(appToken);
    SocketModeClient c =
        new SocketModeClientJavaWSImpl(
            slack,
            appToken,
            url,
            MESSAGE_PROCESSORS,
            new ConcurrentLinkedMessageQueue(),
            true,
            false, // our watchdog replaces the SDK's session monitor
            SocketModeClient.DEFAULT_SESSION_MONITOR_INTERVAL_MILLISECONDS);
    c.addWebSocketMessageListener(this::onMessage);
    c.addWebSocketCloseListener(
        (code, reason) -> {
          connected = false;
          if (stopped) {
            return;
          }
          log.info(
              "slack socket closed code={} reason={} next=check in {}",
              code,
              reason,
              options.reconnectGrace());
          scheduleCheck(options.reconnectGrace());
        });
    c.addWebSocketErrorListener(
        error -> {
          log.info(
              "slack socket error={} next=check in {}", error.toString(), options.reconnectGrace());
          scheduleCheck(options.reconnectGrace());
        });
    client = c;
    if (stopped) { // stop() ran while we were connecting: it could not see this client
      c.close();
      return;
    }
    c.connect();
  }

  private void resetBackoff() {
    attempts = 0;
    nextAttemptNanos = System.nanoTime();
  }

  private void scheduleCheck(Duration delay) {
    if (!stopped) {
      scheduler.schedule(this::check, Math.max(delay.toMillis(), 1), TimeUnit.MILLISECONDS);
    }
  }

  private Duration backoff(int attempt) {
    if (attempt <= 1) {
      return options.reconnectBackoff();
    }
    long factor = 1L << Math.min(attempt - 1, 20);
    Duration d = options.reconnectBackoff().multipliedBy(factor);
    return d.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : d;
  }

  private void onMessage(String message) {
    JsonObject obj;
    try {
      JsonElement el = gson.fromJson(message, JsonElement.class);
      if (!el.isJsonObject()) {
        return;
      }
      obj = el.getAsJsonObject();
    } catch (RuntimeException e) {
      log.warn("slack socket message unreadable error={}", e.toString());
      return;
    }
    JsonElement typeField = obj.get("type");
    String type = typeField != null && typeField.isJsonPrimitive() ? typeField.getAsString() : "";
    if (type.equals("hello")) {
      connected = true;
      scheduler.execute(this::resetBackoff);
      log.info("slack socket ready");
      return;
    }
    SocketModeRequest req;
    try {
      req = parser.parse(message);
    } catch (RuntimeException e) {
      // Bolt's parser reading an envelope of the wrong shape (a view_submission with no view or no
      // user, a field of the wrong type): thrown here, the SDK logged an ERROR with a stack trace
      // and never acked, so Slack redelivered it to fail the same way again
      unreadable(obj, "error=" + oneLine(e));
      return;
    }
    if (req == null || req.getBoltRequest() == null) {
      if (obj.has("envelope_id")) {
        unreadable(obj, "reason=unknown_envelope type=" + oneLine(type));
      }
      return; // disconnect and other messages that are not envelopes: nothing to ack
    }
    handleEnvelope(req, dedupeKey(obj));
  }

  /** Acks an envelope nothing can handle, with one INFO line: a retry would fail the same way. */
  private void unreadable(JsonObject envelope, String why) {
    JsonElement id = envelope.get("envelope_id");
    String envelopeId = id != null && id.isJsonPrimitive() ? id.getAsString() : null;
    log.info("slack envelope unreadable envelope_id={} {} next=acked", envelopeId, why);
    if (envelopeId != null) {
      send(envelopeId, gson.toJson(new AckResponse(envelopeId)));
    }
  }

  /** An error as one short line: Gson's messages run on with a line break and a link. */
  private static String oneLine(Object o) {
    String s = String.valueOf(o);
    int nl = s.indexOf('\n');
    s = nl < 0 ? s : s.substring(0, nl);
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private void handleEnvelope(SocketModeRequest req, String key) {
    String envelopeId = req.getEnvelope().getEnvelopeId();
    switch (envelopes.begin(key)) {
      case DONE -> {
        log.info("slack envelope duplicate key={} next=ack again", key);
        send(envelopeId, gson.toJson(new AckResponse(envelopeId)));
        return;
      }
      case IN_PROGRESS -> {
        return; // the first delivery is still running and will ack
      }
      case NEW -> {}
    }
    try {
      Response resp = app.run(req.getBoltRequest());
      if (resp.getStatusCode() != 200) {
        envelopes.forget(key);
        log.warn(
            "slack envelope not acked status={} body={} next=Slack retries",
            resp.getStatusCode(),
            resp.getBody());
        return;
      }
      envelopes.done(key);
      send(envelopeId, responseFor(envelopeId, resp));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      envelopes.forget(key); // stopping: not taken, Slack redelivers it
      log.info("slack envelope not taken envelope_id={} reason=stopping", envelopeId);
    } catch (RuntimeException e) {
      // as in HTTP mode (SlackHttpEndpoint): nothing on this path does I/O, so an unchecked
      // failure is Bolt or a listener reading an envelope of the wrong shape; redelivered, it
      // would fail the same way three more times, each an ERROR with a stack trace
      envelopes.done(key);
      log.info(
          "slack envelope unreadable envelope_id={} error={} next=acked", envelopeId, oneLine(e));
      send(envelopeId, gson.toJson(new AckResponse(envelopeId)));
    } catch (Exception e) {
      envelopes.forget(key);
      log.error("slack envelope failed envelope_id={} next=Slack retries", envelopeId, e);
    }
  }

  private String responseFor(String envelopeId, Response resp) {
    if (resp.getBody() == null || resp.getBody().isEmpty()) {
      return gson.toJson(new AckResponse(envelopeId));
    }
    Map<String, Object> out = new HashMap<>();
    out.put("envelope_id", envelopeId);
    if (resp.getContentType() != null && resp.getContentType().startsWith("application/json")) {
      out.put("payload", gson.fromJson(resp.getBody(), JsonElement.class));
    } else {
      out.put("payload", Map.of("text", resp.getBody()));
    }
    return gson.toJson(out);
  }

  private void send(String envelopeId, String ack) {
    try {
      client.sendSocketModeResponse(ack);
    } catch (RuntimeException e) {
      log.warn(
          "slack ack not sent envelope_id={} error={} next=Slack redelivers, acked then",
          envelopeId,
          e.toString());
    }
  }

  /** Events keep their event id across Slack's retries; other envelopes their envelope id. */
  private static String dedupeKey(JsonObject envelope) {
    JsonElement payload = envelope.get("payload");
    JsonElement eventId =
        payload != null && payload.isJsonObject()
            ? payload.getAsJsonObject().get("event_id")
            : null;
    if (eventId != null && eventId.isJsonPrimitive()) {
      return "event:" + eventId.getAsString();
    }
    JsonElement id = envelope.get("envelope_id");
    return "envelope:" + (id != null && id.isJsonPrimitive() ? id.getAsString() : "");
  }
}
