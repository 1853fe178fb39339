package dev.closeloop.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.closeloop.chat.MarkupRules;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.config.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A fake Slack for tests: the Web API methods Closeloop uses and a Socket Mode websocket, both on
 * 127.0.0.1 at free ports. It records everything it receives and checks what it is sent against
 * Slack's rules (tokens, required parameters, Block Kit limits), so a request the real Slack would
 * refuse is refused here too.
 *
 * <h2>Start and point a client at it</h2>
 *
 * <pre>{@code
 * try (FakeSlack slack = FakeSlack.start()) {
 *   Config.Slack cfg = slack.socketModeConfig();        // or slack.httpModeConfig(secret)
 *   slack.user("U1", "dana@example.com", "dana", "Europe/Berlin");
 *   ...
 * }
 * }</pre>
 *
 * {@link #apiUrl()} is {@code http://127.0.0.1:PORT/api/} (for {@code slack.apiUrl}); tokens are
 * {@link #BOT_TOKEN} and {@link #APP_TOKEN}; the bot is {@link #BOT_USER_ID} / {@link #BOT_ID} in
 * team {@link #TEAM_ID}.
 *
 * <h2>Web API</h2>
 *
 * auth.test, apps.connections.open (app token; answers {@code ws://127.0.0.1:PORT/link/?ticket=N}),
 * chat.postMessage / update / postEphemeral, views.open, users.lookupByEmail, users.info,
 * conversations.open / history (metadata only with {@code include_all_metadata}),
 * files.getUploadURLExternal + the upload URL + files.completeUploadExternal. Form-encoded or JSON
 * bodies, token in {@code Authorization: Bearer} or a {@code token} parameter. Posting to a user id
 * lands in that user's DM channel ({@link #dmChannel}); an unknown or deactivated user id answers
 * {@code channel_not_found}, and conversations.open then {@code user_not_found} / {@code
 * user_disabled}. Channels other than DMs must be created with {@link #channel}. Blocks over
 * Slack's limits answer {@code invalid_blocks}.
 *
 * <ul>
 *   <li>{@link #calls()}, {@link #calls(String)}, {@link #lastCall(String)}: every request, with
 *       its parameters ({@link ApiCall#json(String)} parses a JSON-valued one such as blocks).
 *   <li>{@link #messages(String)}: what is in a channel now (updates applied), oldest first.
 *   <li>{@link #rateLimit(String, int, int)}: the next N calls of a method answer HTTP 429 with
 *       {@code Retry-After}; {@link #failWith(String, String, int)}: {@code ok:false} with an
 *       error; {@link #failWithStatus(String, int, int)}: a bare HTTP status. Use {@link #ALWAYS}
 *       for N. {@link #neverAnswer(String, String)}: calls of a method to one channel are carried
 *       out but never answered (the connection stays open until {@link #close}).
 *   <li>{@link #responseUrlPosts()}: bodies posted to the response_url of an interaction or
 *       command; {@link #openedViews()}: views opened; {@link #uploads()}: uploaded file bytes.
 * </ul>
 *
 * <h2>Socket Mode</h2>
 *
 * A connection with a valid ticket gets {@code hello}, then every envelope not acked yet. {@link
 * #sendDirectMessage}, {@link #sendBlockAction}, {@link #sendSlashCommand}, {@link #submitView} and
 * {@link #sendEnvelope} queue an envelope and return its {@code envelope_id}; it is sent to the
 * newest live connection at once, or on the next connection. An envelope stays queued until acked
 * and is redelivered on every new connection (events_api with {@code retry_attempt}/{@code
 * retry_reason} as Slack does; the fake redelivers interactive and slash_commands envelopes too,
 * which real Slack would not: a stricter test of "handled once"). {@link #acked}, {@link
 * #ackCount}, {@link #deliveries} tell what happened. {@link #dropSocket()} closes every connection
 * abruptly (no close handshake); {@link #freezeSocket()} keeps them open but silent (no pongs, no
 * envelopes: a zombie); {@link #dropAcks(boolean)} loses acks on the way; {@link #sendDisconnect()}
 * sends Slack's refresh request. {@link #connectionsOpened()} counts connections that got hello.
 *
 * <h2>HTTP mode</h2>
 *
 * {@link #eventCallbackBody}, {@link #interactiveBody}, {@link #slashCommandBody} build request
 * bodies as Slack sends them to {@code /slack/events}; {@link #signedHeaders} signs one.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String BOT_TOKEN = "xoxb-fake-bot-token";
  public static final String APP_TOKEN = "xapp-fake-app-token";
  public static final String TEAM_ID = "T0FAKE";
  public static final String BOT_USER_ID = "U0BOT";
  public static final String BOT_ID = "B0BOT";
  public static final String APP_ID = "A0FAKE";
  public static final int ALWAYS = Integer.MAX_VALUE;

  /** One Web API request as received. */
  /** One Web API call as received; {@code nanoTime} is {@link System#nanoTime} at its receipt. */
  public record ApiCall(
      String method,
      Map<String, String> params,
      Map<String, List<String>> headers,
      String body,
      long nanoTime) {
    public String param(String name) {
      return params.get(name);
    }

    /** A parameter that holds JSON (blocks, metadata, view, files). */
    public JsonNode json(String name) {
      String v = params.get(name);
      if (v == null) {
        return null;
      }
      try {
        return MAPPER.readTree(v);
      } catch (IOException e) {
        throw new IllegalStateException("parameter " + name + " is not JSON: " + v, e);
      }
    }
  }

  /** A message as stored in a channel. */
  public record Message(
      String channel,
      String ts,
      String user,
      String botId,
      String text,
      JsonNode blocks,
      JsonNode metadata,
      JsonNode files) {}

  private record Failure(int remaining, int status, String error, int retryAfter, String location) {
    Failure(int remaining, int status, String error, int retryAfter) {
      this(remaining, status, error, retryAfter, null);
    }
  }

  private record User(
      String id, String email, String name, String tz, boolean deleted, boolean bot) {}

  private static final class Envelope {
    final String id;
    final String type;
    final ObjectNode payload;
    int deliveries;

    Envelope(String id, String type, ObjectNode payload) {
      this.id = id;
      this.type = type;
      this.payload = payload;
    }
  }

  static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    // JDK HttpServer without TCP_NODELAY costs ~40 ms per request (Nagle + delayed ACK)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    quietLogs();
  }

  /** The SDK and websocket libraries log every frame at DEBUG; tests read INFO and up. */
  private static void quietLogs() {
    for (String name : List.of("com.slack.api", "org.java_websocket", "okhttp3", "dev.closeloop")) {
      org.slf4j.Logger l = org.slf4j.LoggerFactory.getLogger(name);
      if (l instanceof ch.qos.logback.classic.Logger lb) {
        lb.setLevel(ch.qos.logback.classic.Level.INFO);
      }
    }
  }

  private final HttpServer http;
  private final SocketServer socket;
  private final ExecutorService httpThreads =
      Executors.newFixedThreadPool(4, daemon("fake-slack-http"));
  private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, List<Message>> channels = new LinkedHashMap<>();
  private final Map<String, String> dms = new HashMap<>();
  private final Map<String, Failure> failures = new HashMap<>();
  private final Map<String, Envelope> unacked = new LinkedHashMap<>();
  private final Map<String, Integer> ackCounts = new HashMap<>();
  private final Map<String, Integer> deliveryCounts = new HashMap<>();
  private final List<JsonNode> responseUrlPosts = new CopyOnWriteArrayList<>();
  private final List<String> markupProblems = new CopyOnWriteArrayList<>();
  private final List<ObjectNode> openedViews = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> uploads = new LinkedHashMap<>();
  private final Map<String, String> pendingUploadNames = new HashMap<>();
  private final Map<Integer, Boolean> tickets = new HashMap<>();
  private final AtomicLong tsCounter = new AtomicLong();
  private final AtomicInteger ids = new AtomicInteger(1000);
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private final Set<WebSocket> frozen = ConcurrentHashMap.newKeySet();
  private volatile boolean refuseSocket;
  private volatile boolean dropAcks;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);

  private FakeSlack() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/api/", this::api);
    http.createContext("/upload/", this::upload);
    http.createContext("/response/", this::responseUrl);
    http.setExecutor(httpThreads);
    http.start();
    socket = new SocketServer(new InetSocketAddress("127.0.0.1", 0));
    socket.setReuseAddr(true);
    socket.setDaemon(true);
    socket.start();
    try {
      socket.started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  public static FakeSlack start() {
    try {
      return new FakeSlack();
    } catch (IOException e) {
      throw new IllegalStateException("fake Slack did not start", e);
    }
  }

  /** Stops the fake; fails (AssertionError) if any message it received would not render right. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    closing.countDown();
    http.stop(0);
    httpThreads.shutdownNow();
    try {
      socket.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!markupProblems.isEmpty()) {
      throw new AssertionError(
          "Slack could not render what it was sent:\n  " + String.join("\n  ", markupProblems));
    }
  }

  // ---------------------------------------------------------------- configuration

  public String apiUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/";
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  public Config.Slack socketModeConfig() {
    return new Config.Slack(BOT_TOKEN, APP_TOKEN, "", apiUrl());
  }

  public Config.Slack httpModeConfig(String signingSecret) {
    return new Config.Slack(BOT_TOKEN, "", signingSecret, apiUrl());
  }

  /** Adds a person to the workspace. */
  public synchronized FakeSlack user(String id, String email, String name, String tz) {
    users.put(id, new User(id, email, name, tz, false, false));
    return this;
  }

  public synchronized void deactivate(String id) {
    User u = users.get(id);
    users.put(id, new User(u.id(), u.email(), u.name(), u.tz(), true, false));
  }

  /** Creates a channel the bot is a member of. */
  public synchronized FakeSlack channel(String id) {
    channels.computeIfAbsent(id, k -> new ArrayList<>());
    return this;
  }

  /** The DM channel between the bot and {@code userId} (created on first use). */
  public synchronized String dmChannel(String userId) {
    return dms.computeIfAbsent(
        userId,
        u -> {
          String id = "D" + u.substring(1);
          channels.computeIfAbsent(id, k -> new ArrayList<>());
          return id;
        });
  }

  /** The next {@code times} calls of {@code method} answer HTTP 429 with Retry-After. */
  public synchronized void rateLimit(String method, int times, int retryAfterSeconds) {
    failures.put(method, new Failure(times, 429, "ratelimited", retryAfterSeconds));
  }

  /** The next {@code times} calls of {@code method} answer {@code ok:false, error}. */
  public synchronized void failWith(String method, String error, int times) {
    failures.put(method, new Failure(times, 200, error, -1));
  }

  /** The next {@code times} calls of {@code method} answer 302 to {@code location}. */
  public synchronized void redirect(String method, String location, int times) {
    failures.put(method, new Failure(times, 302, "moved", -1, location));
  }

  /** The next {@code times} calls of {@code method} answer this HTTP status. */
  public synchronized void failWithStatus(String method, int status, int times) {
    failures.put(method, new Failure(times, status, "fatal_error", -1));
  }

  /**
   * Calls of {@code method} whose {@code channel} parameter is {@code channel} (as sent: a user id
   * for a DM) are carried out, then never answered: the connection stays open until {@link #close},
   * as when Slack's answer is lost on the way.
   */
  public void neverAnswer(String method, String channel) {
    unanswered.add(method + " " + channel);
  }

  public synchronized void clearFailures() {
    failures.clear();
  }

  // ---------------------------------------------------------------- what was received

  public List<ApiCall> calls() {
    return List.copyOf(calls);
  }

  public List<ApiCall> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  public ApiCall lastCall(String method) {
    List<ApiCall> list = calls(method);
    if (list.isEmpty()) {
      throw new AssertionError(
          "no " + method + " call; calls were " + calls.stream().map(ApiCall::method).toList());
    }
    return list.get(list.size() - 1);
  }

  public synchronized List<Message> messages(String channel) {
    return List.copyOf(channels.getOrDefault(channel, List.of()));
  }

  public synchronized Optional<Message> message(MessageRef ref) {
    return channels.getOrDefault(ref.channelId(), List.of()).stream()
        .filter(m -> m.ts().equals(ref.messageId()))
        .findFirst();
  }

  public List<JsonNode> responseUrlPosts() {
    return List.copyOf(responseUrlPosts);
  }

  public List<ObjectNode> openedViews() {
    return List.copyOf(openedViews);
  }

  public synchronized Map<String, byte[]> uploads() {
    return Map.copyOf(uploads);
  }

  // ---------------------------------------------------------------- Socket Mode control

  public int connectionsOpened() {
    return connectionsOpened.get();
  }

  public boolean socketConnected() {
    return socket.getConnections().stream().anyMatch(c -> c.isOpen() && c.getAttachment() != null);
  }

  public synchronized boolean acked(String envelopeId) {
    return ackCounts.containsKey(envelopeId);
  }

  public synchronized int ackCount(String envelopeId) {
    return ackCounts.getOrDefault(envelopeId, 0);
  }

  public synchronized int deliveries(String envelopeId) {
    return deliveryCounts.getOrDefault(envelopeId, 0);
  }

  /** Closes every Socket Mode connection abruptly, as a network failure would. */
  public void dropSocket() {
    for (WebSocket c : socket.getConnections()) {
      c.closeConnection(1006, "dropped by test");
    }
  }

  /**
   * Turns the current connections into zombies: open, but no pongs, no envelopes, acks ignored. New
   * connections work normally.
   */
  public void freezeSocket() {
    frozen.addAll(socket.getConnections());
  }

  /** While set, acks are lost on the way (the envelope stays queued for redelivery). */
  public void dropAcks(boolean drop) {
    this.dropAcks = drop;
  }

  /** While set, new connections are refused at the websocket handshake. */
  public void refuseSocket(boolean refuse) {
    this.refuseSocket = refuse;
  }

  /** Slack's periodic refresh: asks the client to reconnect. */
  public void sendDisconnect() {
    ObjectNode msg = MAPPER.createObjectNode();
    msg.put("type", "disconnect");
    msg.put("reason", "refresh_requested");
    msg.putObject("debug_info").put("host", "fake");
    WebSocket c = newestLive();
    if (c != null) {
      c.send(msg.toString());
    }
  }

  /** Queues an envelope and sends it when a connection is live; returns its envelope_id. */
  public String sendEnvelope(String type, ObjectNode payload) {
    Envelope e = new Envelope("env-" + ids.incrementAndGet(), type, payload);
    synchronized (this) {
      unacked.put(e.id, e);
    }
    WebSocket c = newestLive();
    if (c != null) {
      deliver(c, e);
    }
    return e.id;
  }

  /** A person types {@code text} in their DM with the app (message.im). */
  public String sendDirectMessage(String userId, String text) {
    return sendEnvelope("events_api", eventCallback(userId, text, "Ev" + ids.incrementAndGet()));
  }

  /** A person clicks a button of the message at {@code message}. */
  public String sendBlockAction(String userId, MessageRef message, String actionId, String value) {
    return sendEnvelope("interactive", blockActionPayload(userId, message, actionId, value));
  }

  /** A person runs {@code /closeloop text}. */
  public String sendSlashCommand(String userId, String text) {
    return sendEnvelope("slash_commands", slashCommandPayload(userId, text));
  }

  /** A person submits the modal opened last, having typed {@code text}. */
  public String submitView(String userId, String text) {
    return sendEnvelope("interactive", viewSubmissionPayload(userId, text));
  }

  // ---------------------------------------------------------------- payloads (both modes)

  public ObjectNode eventCallback(String userId, String text, String eventId) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("token", "verification-token");
    body.put("team_id", TEAM_ID);
    body.put("api_app_id", APP_ID);
    ObjectNode event = body.putObject("event");
    event.put("type", "message");
    event.put("user", userId);
    event.put("text", text);
    String ts = nextTs();
    event.put("ts", ts);
    event.put("event_ts", ts);
    event.put("channel", dmChannel(userId));
    event.put("channel_type", "im");
    body.put("type", "event_callback");
    body.put("event_id", eventId);
    body.put("event_time", 1_700_000_000L);
    ObjectNode auth = body.putArray("authorizations").addObject();
    auth.put("team_id", TEAM_ID);
    auth.put("user_id", BOT_USER_ID);
    auth.put("is_bot", true);
    return body;
  }

  public ObjectNode blockActionPayload(
      String userId, MessageRef message, String actionId, String value) {
    ObjectNode p = MAPPER.createObjectNode();
    p.put("type", "block_actions");
    ObjectNode user = p.putObject("user");
    user.put("id", userId);
    user.put("username", userName(userId));
    user.put("name", userName(userId));
    user.put("team_id", TEAM_ID);
    p.put("api_app_id", APP_ID);
    p.put("token", "verification-token");
    ObjectNode container = p.putObject("container");
    container.put("type", "message");
    container.put("message_ts", message.messageId());
    container.put("channel_id", message.channelId());
    container.put("is_ephemeral", false);
    p.put("trigger_id", "trigger-" + ids.incrementAndGet());
    ObjectNode team = p.putObject("team");
    team.put("id", TEAM_ID);
    team.put("domain", "fake");
    ObjectNode channel = p.putObject("channel");
    channel.put("id", message.channelId());
    channel.put("name", "directmessage");
    ObjectNode msg = p.putObject("message");
    msg.put("type", "message");
    msg.put("ts", message.messageId());
    msg.put("user", BOT_USER_ID);
    msg.put("bot_id", BOT_ID);
    message(message).ifPresent(m -> msg.set("blocks", m.blocks()));
    p.put("response_url", baseUrl() + "/response/" + ids.incrementAndGet());
    ObjectNode action = p.putArray("actions").addObject();
    action.put("type", "button");
    action.put("action_id", actionId);
    action.put("block_id", "b1");
    action.putObject("text").put("type", "plain_text").put("text", "button");
    if (value != null) {
      action.put("value", value);
    }
    action.put("action_ts", nextTs());
    return p;
  }

  public ObjectNode slashCommandPayload(String userId, String text) {
    ObjectNode p = MAPPER.createObjectNode();
    p.put("token", "verification-token");
    p.put("team_id", TEAM_ID);
    p.put("team_domain", "fake");
    p.put("channel_id", dmChannel(userId));
    p.put("channel_name", "directmessage");
    p.put("user_id", userId);
    p.put("user_name", userName(userId));
    p.put("command", "/closeloop");
    p.put("text", text);
    p.put("api_app_id", APP_ID);
    p.put("is_enterprise_install", "false");
    p.put("response_url", baseUrl() + "/response/" + ids.incrementAndGet());
    p.put("trigger_id", "trigger-" + ids.incrementAndGet());
    return p;
  }

  /** A view_submission for the last opened view, its first input filled with {@code text}. */
  public ObjectNode viewSubmissionPayload(String userId, String text) {
    if (openedViews.isEmpty()) {
      throw new IllegalStateException("no view was opened");
    }
    ObjectNode view = openedViews.get(openedViews.size() - 1).deepCopy();
    ObjectNode values = view.putObject("state").putObject("values");
    for (JsonNode block : view.path("blocks")) {
      if (block.path("type").asText().equals("input")) {
        ObjectNode v =
            values
                .putObject(block.path("block_id").asText())
                .putObject(block.path("element").path("action_id").asText());
        v.put("type", block.path("element").path("type").asText());
        v.put("value", text);
      }
    }
    ObjectNode p = MAPPER.createObjectNode();
    p.put("type", "view_submission");
    ObjectNode team = p.putObject("team");
    team.put("id", TEAM_ID);
    team.put("domain", "fake");
    ObjectNode user = p.putObject("user");
    user.put("id", userId);
    user.put("username", userName(userId));
    user.put("name", userName(userId));
    user.put("team_id", TEAM_ID);
    p.put("api_app_id", APP_ID);
    p.put("token", "verification-token");
    p.put("trigger_id", "trigger-" + ids.incrementAndGet());
    p.set("view", view);
    p.putArray("response_urls");
    return p;
  }

  /** Body of an Events API delivery over HTTP (JSON). */
  public String eventCallbackBody(String userId, String text, String eventId) {
    return eventCallback(userId, text, eventId).toString();
  }

  /** Body of an interaction over HTTP ({@code payload=<json>}, form-encoded). */
  public static String interactiveBody(ObjectNode payload) {
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  /** Body of a slash command over HTTP (form-encoded fields). */
  public static String slashCommandBody(ObjectNode payload) {
    StringBuilder out = new StringBuilder();
    payload
        .fields()
        .forEachRemaining(
            f -> {
              if (out.length() > 0) {
                out.append('&');
              }
              out.append(f.getKey())
                  .append('=')
                  .append(URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8));
            });
    return out.toString();
  }

  /** Headers Slack sends with a signed request ({@code v0=} HMAC-SHA256 of {@code v0:ts:body}). */
  public static Map<String, List<String>> signedHeaders(
      String signingSecret, String body, long timestampSeconds, String contentType) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Content-Type", List.of(contentType));
    h.put("X-Slack-Request-Timestamp", List.of(Long.toString(timestampSeconds)));
    h.put("X-Slack-Signature", List.of(sign(signingSecret, timestampSeconds, body)));
    return h;
  }

  public static String sign(String signingSecret, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestampSeconds + ":" + body).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("v0=");
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- Web API

  private void api(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestURI().getPath().substring("/api/".length());
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> params = parseParams(ex, body);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      ex.getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      calls.add(new ApiCall(method, Map.copyOf(params), headers, body, System.nanoTime()));

      Failure failure = takeFailure(method);
      if (failure != null) {
        if (failure.retryAfter() >= 0) {
          ex.getResponseHeaders().add("Retry-After", Integer.toString(failure.retryAfter()));
        }
        if (failure.location() != null) {
          ex.getResponseHeaders().add("Location", failure.location());
        }
        ObjectNode err = MAPPER.createObjectNode().put("ok", false).put("error", failure.error());
        reply(ex, failure.status(), err);
        return;
      }
      String token = token(ex, params);
      ObjectNode answer;
      if (token == null) {
        answer = error("not_authed");
      } else if (!token.equals(BOT_TOKEN) && !token.equals(APP_TOKEN)) {
        answer = error("invalid_auth");
      } else if (method.equals("apps.connections.open") != token.equals(APP_TOKEN)
          && !(method.equals("auth.test") && token.equals(APP_TOKEN))) {
        answer = error("not_allowed_token_type");
      } else {
        answer = handle(method, params, token);
      }
      if (unanswered.contains(method + " " + params.get("channel"))) {
        closing.await();
        return;
      }
      reply(ex, 200, answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      e.printStackTrace();
      ex.sendResponseHeaders(500, -1);
    }
  }

  private ObjectNode handle(String method, Map<String, String> p, String token) {
    synchronized (this) {
      return switch (method) {
        case "auth.test" -> authTest(token);
        case "apps.connections.open" -> connectionsOpen();
        case "chat.postMessage" -> postMessage(p);
        case "chat.update" -> update(p);
        case "chat.postEphemeral" -> postEphemeral(p);
        case "views.open" -> viewsOpen(p);
        case "users.lookupByEmail" -> lookupByEmail(p);
        case "users.info" -> usersInfo(p);
        case "usergroups.users.list" -> usergroupUsers(p);
        case "conversations.members" -> conversationMembers(p);
        case "conversations.open" -> conversationsOpen(p);
        case "conversations.history" -> history(p);
        case "files.getUploadURLExternal" -> uploadUrl(p);
        case "files.completeUploadExternal" -> completeUpload(p);
        default -> error("unknown_method");
      };
    }
  }

  private final Map<String, List<String>> usergroups = new LinkedHashMap<>();
  private final Map<String, List<String>> channelMembers = new LinkedHashMap<>();

  /** A user group (S…) and its members, as usergroups.users.list answers. */
  public synchronized void usergroup(String id, String... userIds) {
    usergroups.put(id, List.of(userIds));
  }

  /** A channel's members, as conversations.members answers (two per page, to test paging). */
  public synchronized void channelMembers(String channel, String... userIds) {
    channelMembers.put(channel, List.of(userIds));
  }

  private ObjectNode usergroupUsers(Map<String, String> p) {
    List<String> members = usergroups.get(p.get("usergroup"));
    if (members == null) {
      return error("no_such_subteam");
    }
    ObjectNode r = ok();
    members.forEach(r.putArray("users")::add);
    return r;
  }

  private ObjectNode conversationMembers(Map<String, String> p) {
    List<String> members = channelMembers.get(p.get("channel"));
    if (members == null) {
      return error("channel_not_found");
    }
    int from =
        p.get("cursor") == null || p.get("cursor").isEmpty()
            ? 0
            : Integer.parseInt(p.get("cursor"));
    int to = Math.min(members.size(), from + 2);
    ObjectNode r = ok();
    members.subList(from, to).forEach(r.putArray("members")::add);
    r.putObject("response_metadata")
        .put("next_cursor", to < members.size() ? Integer.toString(to) : "");
    return r;
  }

  private ObjectNode authTest(String token) {
    ObjectNode r = ok();
    r.put("url", "https://fake.slack.com/");
    r.put("team", "Fake");
    r.put("team_id", TEAM_ID);
    if (token.equals(BOT_TOKEN)) {
      r.put("user", "closeloop");
      r.put("user_id", BOT_USER_ID);
      r.put("bot_id", BOT_ID);
    } else {
      r.put("app_id", APP_ID);
    }
    r.put("is_enterprise_install", false);
    return r;
  }

  private ObjectNode connectionsOpen() {
    int ticket = ids.incrementAndGet();
    tickets.put(ticket, false);
    return ok().put("url", "ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=" + ticket);
  }

  private ObjectNode postMessage(Map<String, String> p) {
    String channel = p.get("channel");
    if (channel == null) {
      return error("channel_not_found");
    }
    String resolved = resolveChannel(channel);
    if (resolved == null) {
      return error("channel_not_found");
    }
    String problem = checkContent(p);
    if (problem != null) {
      return error(problem);
    }
    JsonNode metadata = null;
    if (p.containsKey("metadata")) {
      try {
        metadata = MAPPER.readTree(p.get("metadata"));
      } catch (IOException e) {
        return error("invalid_metadata_format");
      }
      if (!metadata.hasNonNull("event_type") || !metadata.path("event_payload").isObject()) {
        return error("invalid_metadata_schema");
      }
    }
    Message m =
        new Message(
            resolved,
            nextTs(),
            BOT_USER_ID,
            BOT_ID,
            p.getOrDefault("text", ""),
            blocks(p),
            metadata,
            null);
    channels.get(resolved).add(m);
    ObjectNode r = ok();
    r.put("channel", resolved);
    r.put("ts", m.ts());
    ObjectNode msg = r.putObject("message");
    msg.put("type", "message");
    msg.put("text", m.text());
    msg.put("user", BOT_USER_ID);
    msg.put("bot_id", BOT_ID);
    msg.put("ts", m.ts());
    return r;
  }

  private ObjectNode update(Map<String, String> p) {
    String channel = p.get("channel");
    List<Message> list = channels.get(channel);
    if (list == null) {
      return error("channel_not_found");
    }
    String ts = p.get("ts");
    for (int i = 0; i < list.size(); i++) {
      Message old = list.get(i);
      if (old.ts().equals(ts)) {
        String problem = checkContent(p);
        if (problem != null) {
          return error(problem);
        }
        JsonNode blocks = p.containsKey("blocks") ? blocks(p) : old.blocks();
        list.set(
            i,
            new Message(
                channel,
                ts,
                old.user(),
                old.botId(),
                p.getOrDefault("text", old.text()),
                blocks,
                old.metadata(),
                old.files()));
        return ok().put("channel", channel).put("ts", ts).put("text", p.getOrDefault("text", ""));
      }
    }
    return error("message_not_found");
  }

  private ObjectNode postEphemeral(Map<String, String> p) {
    if (p.get("user") == null || resolveChannel(p.getOrDefault("channel", "")) == null) {
      return error(p.get("user") == null ? "user_not_in_channel" : "channel_not_found");
    }
    String problem = checkContent(p);
    return problem != null ? error(problem) : ok().put("message_ts", nextTs());
  }

  private ObjectNode viewsOpen(Map<String, String> p) {
    if (p.get("trigger_id") == null || p.get("view") == null) {
      return error("invalid_arguments");
    }
    ObjectNode view;
    try {
      view = (ObjectNode) MAPPER.readTree(p.get("view"));
    } catch (IOException | ClassCastException e) {
      return error("invalid_arguments");
    }
    String problem = BlockKitRules.checkModal(view);
    if (problem != null) {
      return error(problem);
    }
    view.put("id", "V" + ids.incrementAndGet());
    view.put("team_id", TEAM_ID);
    view.put("app_id", APP_ID);
    view.put("bot_id", BOT_ID);
    view.put("hash", "hash-" + ids.get());
    openedViews.add(view);
    ObjectNode r = ok();
    r.set("view", view);
    return r;
  }

  private ObjectNode lookupByEmail(Map<String, String> p) {
    String email = p.getOrDefault("email", "").toLowerCase(Locale.ROOT);
    return users.values().stream()
        .filter(u -> u.email() != null && u.email().equalsIgnoreCase(email))
        .findFirst()
        .map(u -> userAnswer(u))
        .orElseGet(() -> error("users_not_found"));
  }

  private ObjectNode usersInfo(Map<String, String> p) {
    User u = users.get(p.getOrDefault("user", ""));
    if (u == null) {
      return error("user_not_found");
    }
    ObjectNode answer = userAnswer(u);
    String locale = locales.get(u.id());
    boolean asked = "true".equals(p.get("include_locale")) || "1".equals(p.get("include_locale"));
    if (asked && locale != null) {
      ((ObjectNode) answer.get("user")).put("locale", locale);
    }
    return answer;
  }

  private ObjectNode userAnswer(User u) {
    ObjectNode r = ok();
    ObjectNode user = r.putObject("user");
    user.put("id", u.id());
    user.put("team_id", TEAM_ID);
    user.put("name", handle(u.name()));
    user.put("real_name", u.name());
    user.put("deleted", u.deleted());
    user.put("is_bot", u.bot());
    if (u.tz() != null) {
      user.put("tz", u.tz());
    }
    user.putObject("profile")
        .put("email", u.email())
        .put("real_name", u.name())
        .put("display_name", u.name());
    return r;
  }

  private ObjectNode conversationsOpen(Map<String, String> p) {
    String ids = p.getOrDefault("users", "");
    if (ids.isEmpty()) {
      return error("users_list_not_supplied");
    }
    User u = users.get(ids.split(",")[0]);
    if (u == null) {
      return error("user_not_found");
    }
    if (u.deleted()) {
      return error("user_disabled");
    }
    ObjectNode r = ok();
    r.putObject("channel").put("id", dmChannel(u.id()));
    return r;
  }

  private ObjectNode history(Map<String, String> p) {
    List<Message> list = channels.get(p.getOrDefault("channel", ""));
    if (list == null) {
      return error("channel_not_found");
    }
    boolean withMetadata =
        "true".equals(p.get("include_all_metadata")) || "1".equals(p.get("include_all_metadata"));
    int limit = Math.min(Integer.parseInt(p.getOrDefault("limit", "100")), 999);
    int start =
        p.get("cursor") == null || p.get("cursor").isEmpty()
            ? 0
            : Integer.parseInt(p.get("cursor"));
    List<Message> newestFirst = new ArrayList<>(list);
    Collections.reverse(newestFirst);
    ObjectNode r = ok();
    ArrayNode messages = r.putArray("messages");
    int end = Math.min(newestFirst.size(), start + limit);
    for (Message m : newestFirst.subList(Math.min(start, end), end)) {
      ObjectNode node = messages.addObject();
      node.put("type", "message");
      node.put("ts", m.ts());
      node.put("user", m.user());
      if (m.botId() != null) {
        node.put("bot_id", m.botId());
      }
      node.put("text", m.text());
      if (m.blocks() != null) {
        node.set("blocks", m.blocks());
      }
      if (m.files() != null) {
        node.set("files", m.files());
      }
      if (withMetadata && m.metadata() != null) {
        node.set("metadata", m.metadata());
      }
    }
    r.put("has_more", end < newestFirst.size());
    r.putObject("response_metadata")
        .put("next_cursor", end < newestFirst.size() ? Integer.toString(end) : "");
    return r;
  }

  private ObjectNode uploadUrl(Map<String, String> p) {
    if (p.get("filename") == null || p.get("length") == null) {
      return error("invalid_arguments");
    }
    String fileId = "F" + ids.incrementAndGet();
    pendingUploadNames.put(fileId, p.get("filename"));
    return ok().put("upload_url", baseUrl() + "/upload/" + fileId).put("file_id", fileId);
  }

  private ObjectNode completeUpload(Map<String, String> p) {
    JsonNode files;
    try {
      files = MAPPER.readTree(p.getOrDefault("files", "[]"));
    } catch (IOException e) {
      return error("invalid_arguments");
    }
    ObjectNode r = ok();
    ArrayNode out = r.putArray("files");
    for (JsonNode f : files) {
      String id = f.path("id").asText();
      if (!uploads.containsKey(id)) {
        return error("file_not_found");
      }
      ObjectNode file = out.addObject();
      file.put("id", id);
      file.put("name", pendingUploadNames.get(id));
      file.put("title", f.path("title").asText(pendingUploadNames.get(id)));
    }
    String channel = p.get("channel_id");
    if (channel != null) {
      String resolved = resolveChannel(channel);
      if (resolved == null) {
        return error("channel_not_found");
      }
      channels
          .get(resolved)
          .add(
              new Message(
                  resolved,
                  nextTs(),
                  BOT_USER_ID,
                  BOT_ID,
                  p.getOrDefault("initial_comment", ""),
                  null,
                  null,
                  out.deepCopy()));
    }
    return r;
  }

  private void upload(HttpExchange ex) throws IOException {
    try (ex) {
      String fileId = ex.getRequestURI().getPath().substring("/upload/".length());
      byte[] bytes = ex.getRequestBody().readAllBytes();
      synchronized (this) {
        if (!pendingUploadNames.containsKey(fileId)) {
          ex.sendResponseHeaders(404, -1);
          return;
        }
        uploads.put(fileId, bytes);
      }
      byte[] out = ("OK - " + bytes.length).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
    }
  }

  private void responseUrl(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonNode posted = MAPPER.readTree(body);
      responseUrlPosts.add(posted);
      checkMarkup("response_url text", posted.path("text").asText(null));
      if (posted.has("blocks")) {
        mrkdwnIn(posted.get("blocks"), "response_url blocks");
      }
      byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
    }
  }

  /** A user id posts to that user's DM; other ids must be existing channels. */
  private String resolveChannel(String channel) {
    if (channel.startsWith("U") || channel.startsWith("W")) {
      User u = users.get(channel);
      return u == null || u.deleted() ? null : dmChannel(channel);
    }
    return channels.containsKey(channel) ? channel : null;
  }

  private String checkContent(Map<String, String> p) {
    String text = p.get("text");
    String blocks = p.get("blocks");
    checkMarkup("text", text);
    if (blocks != null) {
      try {
        mrkdwnIn(MAPPER.readTree(blocks), "blocks");
      } catch (IOException e) {
        // reported below as invalid_blocks_format
      }
    }
    if ((text == null || text.isEmpty()) && (blocks == null || blocks.isEmpty())) {
      return "no_text";
    }
    if (text != null && text.length() > 40_000) {
      return "msg_too_long";
    }
    if (blocks != null) {
      try {
        return BlockKitRules.checkMessageBlocks(MAPPER.readTree(blocks));
      } catch (IOException e) {
        return "invalid_blocks_format";
      }
    }
    return null;
  }

  /** Every mrkdwn text object in a block tree, checked against Slack's rules. */
  private void mrkdwnIn(JsonNode node, String path) {
    if (node.isObject()) {
      if ("mrkdwn".equals(node.path("type").asText()) && node.path("text").isTextual()) {
        checkMarkup(path, node.get("text").asText());
      }
      node.fields().forEachRemaining(f -> mrkdwnIn(f.getValue(), path + "." + f.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        mrkdwnIn(node.get(i), path + "[" + i + "]");
      }
    }
  }

  private void checkMarkup(String where, String mrkdwn) {
    for (String problem : MarkupRules.slack(mrkdwn)) {
      markupProblems.add(where + ": " + problem);
    }
  }

  /**
   * What Slack could not render as meant in any message or reply this fake received (mrkdwn that
   * leaves a marker unclosed, unescaped {@code <>&}, pings). {@link #close()} fails the test when
   * there is any.
   */
  public List<String> markupProblems() {
    return List.copyOf(markupProblems);
  }

  private JsonNode blocks(Map<String, String> p) {
    try {
      return p.get("blocks") == null ? null : MAPPER.readTree(p.get("blocks"));
    } catch (IOException e) {
      return null;
    }
  }

  private synchronized Failure takeFailure(String method) {
    Failure f = failures.get(method);
    if (f == null) {
      return null;
    }
    if (f.remaining() != ALWAYS) {
      if (f.remaining() <= 1) {
        failures.remove(method);
      } else {
        failures.put(method, new Failure(f.remaining() - 1, f.status(), f.error(), f.retryAfter()));
      }
    }
    return f;
  }

  private static String token(HttpExchange ex, Map<String, String> params) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      return auth.substring("Bearer ".length());
    }
    return params.get("token");
  }

  private static Map<String, String> parseParams(HttpExchange ex, String body) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String query = ex.getRequestURI().getRawQuery();
    if (query != null) {
      parseForm(query, params);
    }
    String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
    if (type.startsWith("application/json")) {
      MAPPER
          .readTree(body)
          .fields()
          .forEachRemaining(
              f ->
                  params.put(
                      f.getKey(),
                      f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
    } else if (!body.isEmpty()) {
      parseForm(body, params);
    }
    return params;
  }

  private static void parseForm(String form, Map<String, String> into) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.put(k, v);
    }
  }

  private static void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static ObjectNode ok() {
    return MAPPER.createObjectNode().put("ok", true);
  }

  private static ObjectNode error(String error) {
    return MAPPER.createObjectNode().put("ok", false).put("error", error);
  }

  private String nextTs() {
    return String.format("1700000000.%06d", tsCounter.incrementAndGet());
  }

  /**
   * The legacy handle Slack sends as {@code user.username} / {@code user_name} in interactions
   * ("alex.kim"): not a display name, which only users.info gives.
   */
  private synchronized String userName(String userId) {
    User u = users.get(userId);
    return u == null ? userId.toLowerCase(Locale.ROOT) : handle(u.name());
  }

  private static String handle(String name) {
    return name == null ? null : name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", ".");
  }

  private final Map<String, String> locales = new java.util.concurrent.ConcurrentHashMap<>();

  /** This member's Slack language ({@code de-DE}, {@code ja-JP} …): users.info include_locale. */
  public FakeSlack locale(String userId, String locale) {
    locales.put(userId, locale);
    return this;
  }

  // ---------------------------------------------------------------- websocket

  private WebSocket newestLive() {
    WebSocket best = null;
    int bestSeq = -1;
    for (WebSocket c : socket.getConnections()) {
      Integer seq = c.getAttachment();
      if (c.isOpen() && seq != null && seq > bestSeq && !frozen.contains(c)) {
        best = c;
        bestSeq = seq;
      }
    }
    return best;
  }

  private void deliver(WebSocket c, Envelope e) {
    ObjectNode msg = MAPPER.createObjectNode();
    msg.put("envelope_id", e.id);
    msg.put("type", e.type);
    msg.put("accepts_response_payload", !e.type.equals("events_api"));
    synchronized (this) {
      if (!unacked.containsKey(e.id)) {
        return;
      }
      e.deliveries++;
      deliveryCounts.merge(e.id, 1, Integer::sum);
      if (e.deliveries > 1 && e.type.equals("events_api")) {
        msg.put("retry_attempt", e.deliveries - 1);
        msg.put("retry_reason", "timeout");
      }
    }
    msg.set("payload", e.payload);
    try {
      c.send(msg.toString());
    } catch (RuntimeException ex) {
      // the connection died meanwhile: the envelope stays queued for the next one
    }
  }

  private void onAck(String text) {
    try {
      JsonNode ack = MAPPER.readTree(text);
      String id = ack.path("envelope_id").asText(null);
      if (id == null) {
        return;
      }
      synchronized (this) {
        unacked.remove(id);
        ackCounts.merge(id, 1, Integer::sum);
      }
    } catch (IOException e) {
      // not JSON: ignore, as Slack would close the socket eventually
    }
  }

  private final class SocketServer extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger seq = new AtomicInteger();

    SocketServer(InetSocketAddress address) {
      super(address);
      setConnectionLostTimeout(0);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      String resource = handshake.getResourceDescriptor();
      Integer ticket = null;
      int at = resource.indexOf("ticket=");
      if (at >= 0) {
        try {
          ticket = Integer.parseInt(resource.substring(at + "ticket=".length()));
        } catch (NumberFormatException ignored) {
          // invalid
        }
      }
      boolean valid;
      synchronized (FakeSlack.this) {
        valid = !refuseSocket && ticket != null && Boolean.FALSE.equals(tickets.get(ticket));
        if (valid) {
          tickets.put(ticket, true);
        }
      }
      if (!valid) {
        conn.close(1008, "invalid ticket");
        return;
      }
      ObjectNode hello = MAPPER.createObjectNode();
      hello.put("type", "hello");
      hello.put("num_connections", getConnections().size());
      hello.putObject("debug_info").put("host", "fake").put("approximate_connection_time", 18060);
      hello.putObject("connection_info").put("app_id", APP_ID);
      conn.send(hello.toString());
      conn.setAttachment(seq.incrementAndGet());
      connectionsOpened.incrementAndGet();
      List<Envelope> pending;
      synchronized (FakeSlack.this) {
        pending = new ArrayList<>(unacked.values());
      }
      for (Envelope e : pending) {
        deliver(conn, e);
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      if (!frozen.contains(conn) && !dropAcks) {
        onAck(message);
      }
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
      if (!frozen.contains(conn)) {
        super.onWebsocketPing(conn, f);
      }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
