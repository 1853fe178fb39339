package dev.closeloop.chat.discord;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.chat.MarkupRules;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.LoggerFactory;

/**
 * A fake Discord on 127.0.0.1 (a free port) for tests that drive the real JDA: the REST routes
 * Closeloop uses under {@link #apiUrl()} and a gateway websocket at {@link #gatewayUrl()}. It keeps
 * what a bot sent (messages per channel, interaction answers) and records every HTTP request.
 *
 * <p><b>Start and point the app at it</b>: {@code FakeDiscord discord = FakeDiscord.start();} then
 * {@code new Config.Discord(FakeDiscord.TOKEN, discord.apiUrl(), discord.gatewayUrl())} (or an
 * empty gateway URL: {@code GET gateway/bot} answers with the fake's). Close it in
 * {@code @AfterEach}/{@code @AfterAll}. Any user id is a known user unless {@link #forgetUser} was
 * called.
 *
 * <p><b>REST</b> (under {@code /api/v10/}, {@code Authorization: Bot TOKEN} required except for
 * interaction callbacks and webhooks): {@code GET users/@me}, {@code GET gateway/bot}, {@code GET
 * users/{id}}, {@code POST users/@me/channels}, {@code POST|GET channels/{id}/messages}, {@code
 * PATCH channels/{id}/messages/{id}}, {@code POST interactions/{id}/{token}/callback}, {@code POST
 * webhooks/{app}/{token}}, {@code PATCH webhooks/{app}/{token}/messages/@original}, {@code PUT
 * applications/{app}/commands}. Creates are checked against Discord's limits (content 2,000, embeds
 * 10 / title 256 / description 4,096 / 6,000 in all, 5 rows of 5 buttons, custom_id 1–100, label
 * 80, nonce 25) and refused with 400 / 50035 like Discord; {@code enforce_nonce} returns the
 * earlier message for a repeated nonce.
 *
 * <p><b>Gateway</b>: HELLO, IDENTIFY → READY, heartbeat → ACK, RESUME → missed events then RESUMED,
 * unknown session → INVALID_SESSION. {@link #sendDm}, {@link #clickButton}, {@link #submitModal}
 * and {@link #slashCommand} dispatch MESSAGE_CREATE / INTERACTION_CREATE with snowflakes minted
 * from the current time; {@link #clickButtonInGuild} and {@link #submitModalInGuild} send the guild
 * shape ({@code guild_id} + {@code member}) used for buttons of a message in a server channel, such
 * as the digest. Events dispatched while no socket is attached are kept and replayed on RESUME, as
 * Discord does.
 *
 * <p><b>Faults</b>: {@link #rateLimitNext} (429 with {@code Retry-After} and {@code retry_after}),
 * {@link #failNext} (any status and Discord error code), {@link #closeDms} (50007 on messages to
 * that user), {@link #forgetUser} (10013), {@link #closeGateway} (server closes the socket) and
 * {@link #holdConnections} / {@link #releaseConnections} (a reconnecting client waits for HELLO, so
 * a test can dispatch events while the bot is away).
 *
 * <p><b>Assertions</b>: {@link #requests()} / {@link #requests(String, String)} ({@link Recorded}:
 * method, path, query, body, json, status, time), {@link #messages(String)}, {@link
 * #dmMessages(String)}, {@link #uploads()} (files with their bytes), {@link
 * #interactionAnswers(Interaction)}, {@link #identifies()}, {@link #resumes()}, {@link
 * #heartbeats()}, {@link #lastIdentify()}.
 */
public final class FakeDiscord implements AutoCloseable {
  public static final String TOKEN = "fake-bot-token";
  public static final String API_PREFIX = "/api/v10/";
  private static final long DISCORD_EPOCH = 1420070400000L;
  private static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // without a logback-test.xml everything logs at DEBUG: Jetty's frame dumps drown the test
    // output
    quiet("org.eclipse.jetty", Level.WARN);
    quiet("io.javalin", Level.WARN);
    quiet("net.dv8tion", Level.INFO);
  }

  private static void quiet(String logger, Level level) {
    if (LoggerFactory.getLogger(logger) instanceof ch.qos.logback.classic.Logger logback
        && logback.getLevel() == null) {
      logback.setLevel(level);
    }
  }

  private final Javalin app;
  private final Duration heartbeatInterval;
  private final AtomicLong lastSnowflake = new AtomicLong();
  private final String botId;
  private final String applicationId;

  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
  private final Set<String> forgottenUsers = ConcurrentHashMap.newKeySet();
  private final Set<String> closedDms = ConcurrentHashMap.newKeySet();
  private final Map<String, String> dmChannelByUser = new ConcurrentHashMap<>();
  private final Map<String, String> userByDmChannel = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> messagesByChannel = new ConcurrentHashMap<>();
  private final Map<String, Instant> nonceSeenAt = new ConcurrentHashMap<>();
  private final Map<String, List<JsonNode>> answersByToken = new ConcurrentHashMap<>();
  private final List<JsonNode> commands = new CopyOnWriteArrayList<>();
  private final List<Upload> uploads = new CopyOnWriteArrayList<>();
  private final List<Fault> unanswered = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.CountDownLatch closing =
      new java.util.concurrent.CountDownLatch(1);

  // gateway state, guarded by gatewayLock
  private final Object gatewayLock = new Object();
  private String sessionId;
  private long seq;
  private final List<ObjectNode> sessionEvents = new ArrayList<>();
  private WsContext attached;

  /**
   * Connections waiting for HELLO, by websocket session id, with the frames they sent meanwhile.
   */
  private final Map<String, Held> held = new LinkedHashMap<>();

  private record Held(WsContext ctx, List<JsonNode> frames) {}

  private boolean holding;
  private JsonNode lastIdentify;
  private final AtomicInteger identifies = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();

  private FakeDiscord(Duration heartbeatInterval) {
    this.heartbeatInterval = heartbeatInterval;
    this.botId = snowflake();
    this.applicationId = snowflake();
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.jetty.modifyWebSocketServletFactory(
                  factory -> factory.setIdleTimeout(Duration.ofMinutes(10)));
            });
    for (HandlerType method :
        List.of(
            HandlerType.GET,
            HandlerType.POST,
            HandlerType.PATCH,
            HandlerType.PUT,
            HandlerType.DELETE)) {
      app.addHttpHandler(method, API_PREFIX + "*", this::handleHttp);
    }
    app.ws(
        "/gateway",
        ws -> {
          ws.onConnect(this::onGatewayConnect);
          ws.onMessage(ctx -> onGatewayMessage(ctx, JSON.readTree(ctx.message())));
          ws.onClose(ctx -> detach(ctx));
          ws.onError(ctx -> detach(ctx));
        });
  }

  /** Starts a fake on a free port of 127.0.0.1, heartbeat interval 41.25 s (Discord's usual). */
  public static FakeDiscord start() {
    return start(Duration.ofMillis(41250));
  }

  /** Starts a fake whose HELLO asks for heartbeats every {@code heartbeatInterval}. */
  public static FakeDiscord start(Duration heartbeatInterval) {
    FakeDiscord fake = new FakeDiscord(heartbeatInterval);
    fake.app.start("127.0.0.1", 0);
    return fake;
  }

  /** Stops the fake; fails (AssertionError) if any message it received would not render right. */
  @Override
  public void close() {
    closing.countDown();
    app.stop();
    if (!markupProblems.isEmpty()) {
      throw new AssertionError(
          "Discord could not render what it was sent:\n  " + String.join("\n  ", markupProblems));
    }
  }

  private final List<String> markupProblems = new CopyOnWriteArrayList<>();

  /** Content and embed text of a message body, checked against Discord's markdown rules. */
  private void checkMarkup(String path, JsonNode body) {
    if (body == null || !body.isObject()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    texts.add(body.path("content").asText(null));
    for (JsonNode embed : body.path("embeds")) {
      texts.add(embed.path("title").asText(null));
      texts.add(embed.path("description").asText(null));
      texts.add(embed.path("footer").path("text").asText(null));
      for (JsonNode field : embed.path("fields")) {
        texts.add(field.path("name").asText(null));
        texts.add(field.path("value").asText(null));
      }
    }
    for (String text : texts) {
      for (String problem : MarkupRules.discord(text)) {
        markupProblems.add(path + ": " + problem);
      }
    }
  }

  /** What Discord could not render as meant in any message this fake received. */
  public List<String> markupProblems() {
    return List.copyOf(markupProblems);
  }

  // ---------------------------------------------------------------- addresses and identities

  /** The REST base, with the trailing slash JDA's RestConfig wants. */
  public String apiUrl() {
    return "http://127.0.0.1:" + app.port() + API_PREFIX;
  }

  public String gatewayUrl() {
    return "ws://127.0.0.1:" + app.port() + "/gateway";
  }

  public String botUserId() {
    return botId;
  }

  public String applicationId() {
    return applicationId;
  }

  /** A new snowflake carrying the current time, as Discord mints them. */
  public String snowflake() {
    long base = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
    return Long.toString(lastSnowflake.updateAndGet(last -> Math.max(last + 1, base)));
  }

  /** Names a user (any id is a known user by default, named "user-ID"). */
  public void addUser(String id, String name) {
    users.put(id, user(id, name, false));
  }

  private final Map<String, String> locales = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The language of this user's Discord client ({@code de}, {@code ja}, {@code pt-BR} …), sent as
   * {@code locale} with every interaction they make; {@code en-US} unless set.
   */
  public void setLocale(String userId, String locale) {
    locales.put(userId, locale);
  }

  private String localeOf(String userId) {
    return locales.getOrDefault(userId, "en-US");
  }

  /** This user no longer exists: users/{id} and opening a DM answer 404 / 10013. */
  public void forgetUser(String userId) {
    forgottenUsers.add(userId);
  }

  /** Messages to this user are refused with 403 / 50007, as when they closed their DMs. */
  public void closeDms(String userId) {
    closedDms.add(userId);
  }

  /** The DM channel id between the bot and {@code userId} (created on first use). */
  public String dmChannelOf(String userId) {
    return dmChannelByUser.computeIfAbsent(
        userId,
        u -> {
          String channel = snowflake();
          userByDmChannel.put(channel, u);
          return channel;
        });
  }

  // ---------------------------------------------------------------- faults

  /**
   * The next {@code times} requests matching {@code method} and {@code pathRegex} (relative to the
   * API base, e.g. {@code "channels/\\d+/messages"}) answer 429 with {@code Retry-After} (whole
   * seconds, rounded up, as Discord sends it) and {@code retry_after} in the body, shaped as a
   * per-route (not global, not Cloudflare) limit.
   */
  public void rateLimitNext(String method, String pathRegex, int times, Duration retryAfter) {
    double seconds = retryAfter.toMillis() / 1000.0;
    ObjectNode body =
        JSON.createObjectNode()
            .put("message", "You are being rate limited.")
            .put("retry_after", seconds)
            .put("global", false)
            .put("code", 0);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Retry-After", Long.toString((long) Math.ceil(seconds)));
    headers.put("X-RateLimit-Limit", "5");
    headers.put("X-RateLimit-Remaining", "0");
    headers.put("X-RateLimit-Reset-After", Double.toString(seconds));
    headers.put("X-RateLimit-Scope", "user");
    headers.put("Via", "1.1 google");
    faults.add(
        new Fault(
            method, Pattern.compile(pathRegex), new AtomicInteger(times), 429, body, headers));
  }

  /** The next matching request answers 302 to {@code location}. */
  public void redirectNext(String method, String pathRegex, String location) {
    faults.add(
        new Fault(
            method,
            Pattern.compile(pathRegex),
            new AtomicInteger(1),
            302,
            JSON.createObjectNode(),
            Map.of("Location", location)));
  }

  /**
   * The next {@code times} matching requests answer {@code status} with Discord error {@code code}.
   */
  public void failNext(
      String method, String pathRegex, int times, int status, int code, String message) {
    faults.add(
        new Fault(
            method,
            Pattern.compile(pathRegex),
            new AtomicInteger(times),
            status,
            error(code, message),
            Map.of()));
  }

  /**
   * The next {@code times} requests matching {@code method} and {@code pathRegex} are carried out
   * (a message is created) but never answered: the connection stays open until {@link #close}, as
   * when Discord's answer is lost on the way.
   */
  public void neverAnswer(String method, String pathRegex, int times) {
    unanswered.add(
        new Fault(method, Pattern.compile(pathRegex), new AtomicInteger(times), 0, null, Map.of()));
  }

  // ---------------------------------------------------------------- gateway control

  /** Closes the bot's gateway socket from the server side (4000 "unknown error": resumable). */
  public void closeGateway() {
    closeGateway(4000, "fake closed the connection");
  }

  public void closeGateway(int code, String reason) {
    WsContext socket;
    synchronized (gatewayLock) {
      socket = attached;
      attached = null;
    }
    if (socket != null) {
      socket.closeSession(code, reason);
    }
  }

  /** From now on a new gateway connection waits for {@link #releaseConnections} before HELLO. */
  public void holdConnections() {
    synchronized (gatewayLock) {
      holding = true;
    }
  }

  /** How many connections are waiting for HELLO. */
  public int heldConnections() {
    synchronized (gatewayLock) {
      return held.size();
    }
  }

  /** Sends HELLO to the waiting connections and stops holding new ones. */
  public void releaseConnections() {
    List<Held> waiting;
    synchronized (gatewayLock) {
      holding = false;
      waiting = new ArrayList<>(held.values());
      held.clear();
    }
    for (Held connection : waiting) {
      hello(connection.ctx());
      connection.frames().forEach(frame -> onGatewayMessage(connection.ctx(), frame));
    }
  }

  /** True while a client has identified or resumed on an open socket. */
  public boolean sessionAttached() {
    synchronized (gatewayLock) {
      return attached != null;
    }
  }

  public int identifies() {
    return identifies.get();
  }

  public int resumes() {
    return resumes.get();
  }

  public int heartbeats() {
    return heartbeats.get();
  }

  public int connections() {
    return connections.get();
  }

  public Optional<JsonNode> lastIdentify() {
    synchronized (gatewayLock) {
      return Optional.ofNullable(lastIdentify);
    }
  }

  // ---------------------------------------------------------------- what users do

  /** A user types {@code text} in their DM with the bot: MESSAGE_CREATE. Returns the message id. */
  public String sendDm(String userId, String text) {
    ObjectNode message = message(dmChannelOf(userId), userFor(userId), text);
    // as Discord does: each user mentioned in the content, as a user object
    java.util.regex.Matcher mention = java.util.regex.Pattern.compile("<@!?(\\d+)>").matcher(text);
    com.fasterxml.jackson.databind.node.ArrayNode mentions = message.putArray("mentions");
    while (mention.find()) {
      if (users.containsKey(mention.group(1))) {
        mentions.add(userFor(mention.group(1)));
      }
    }
    dispatch("MESSAGE_CREATE", message);
    return message.get("id").asText();
  }

  /** A user clicks a button of a message the bot sent: INTERACTION_CREATE type 3. */
  public Interaction clickButton(
      String userId, String channelId, String messageId, String customId) {
    ObjectNode message =
        findMessage(channelId, messageId)
            .orElseThrow(
                () -> new IllegalArgumentException("no message " + messageId + " in " + channelId));
    ObjectNode interaction = interaction(3, userId, channelId);
    interaction.putObject("data").put("custom_id", customId).put("component_type", 2);
    interaction.set("message", message.deepCopy());
    return dispatchInteraction(interaction);
  }

  /**
   * A server member clicks a button of a message the bot posted in a guild text channel (the
   * digest): INTERACTION_CREATE type 3 with {@code guild_id} and {@code member} instead of {@code
   * user}, as Discord sends it for guilds the bot is in.
   */
  public Interaction clickButtonInGuild(
      String guildId, String userId, String channelId, String messageId, String customId) {
    ObjectNode message =
        findMessage(channelId, messageId)
            .orElseThrow(
                () -> new IllegalArgumentException("no message " + messageId + " in " + channelId));
    ObjectNode interaction = guildInteraction(3, guildId, userId, channelId);
    interaction.putObject("data").put("custom_id", customId).put("component_type", 2);
    interaction.set("message", message.deepCopy());
    return dispatchInteraction(interaction);
  }

  /** A server member submits a modal opened from a button of a guild message (type 5). */
  public Interaction submitModalInGuild(
      String guildId,
      String userId,
      String channelId,
      String messageId,
      String modalId,
      String inputId,
      String value) {
    ObjectNode interaction = guildInteraction(5, guildId, userId, channelId);
    ObjectNode data = interaction.putObject("data").put("custom_id", modalId);
    ObjectNode label = data.putArray("components").addObject().put("type", 18).put("id", 1);
    label
        .putObject("component")
        .put("type", 4)
        .put("id", 2)
        .put("custom_id", inputId)
        .put("value", value);
    if (messageId != null) {
      findMessage(channelId, messageId).ifPresent(m -> interaction.set("message", m.deepCopy()));
    }
    return dispatchInteraction(interaction);
  }

  /**
   * A user submits a modal (opened from a message's button when {@code messageId} is not null):
   * INTERACTION_CREATE type 5 with one Label-wrapped text input.
   */
  public Interaction submitModal(
      String userId,
      String channelId,
      String messageId,
      String modalId,
      String inputId,
      String value) {
    ObjectNode interaction = interaction(5, userId, channelId);
    ObjectNode data = interaction.putObject("data").put("custom_id", modalId);
    ObjectNode label = data.putArray("components").addObject().put("type", 18).put("id", 1);
    label
        .putObject("component")
        .put("type", 4)
        .put("id", 2)
        .put("custom_id", inputId)
        .put("value", value);
    if (messageId != null) {
      findMessage(channelId, messageId).ifPresent(m -> interaction.set("message", m.deepCopy()));
    }
    return dispatchInteraction(interaction);
  }

  /**
   * A user submits a modal whose {@code components} are whatever the test says (a modified client,
   * or a kind of input the bot never offered): INTERACTION_CREATE type 5 in their DM.
   */
  public Interaction submitModalWith(
      String userId, String channelId, String modalId, ArrayNode components) {
    ObjectNode interaction = interaction(5, userId, channelId);
    interaction.putObject("data").put("custom_id", modalId).set("components", components);
    return dispatchInteraction(interaction);
  }

  /** The same INTERACTION_CREATE sent again (a gateway replaying what it already sent). */
  public void replay(Interaction i, String userId, String channelId, String messageId, String id) {
    ObjectNode message =
        findMessage(channelId, messageId)
            .orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
    ObjectNode interaction = interaction(3, userId, channelId);
    interaction.put("id", i.id()).put("token", i.token());
    interaction.putObject("data").put("custom_id", id).put("component_type", 2);
    interaction.set("message", message.deepCopy());
    dispatch("INTERACTION_CREATE", interaction);
  }

  /**
   * A user runs {@code /closeloop <subcommand> [options]} in their DM with the bot:
   * INTERACTION_CREATE type 2. Options are string options, in order.
   */
  public Interaction slashCommand(String userId, String subcommand, Map<String, String> options) {
    String channelId = dmChannelOf(userId);
    ObjectNode interaction = interaction(2, userId, channelId);
    ObjectNode data =
        interaction
            .putObject("data")
            .put("id", snowflake())
            .put("name", "closeloop")
            .put("type", 1);
    ObjectNode sub = data.putArray("options").addObject().put("name", subcommand).put("type", 1);
    ArrayNode subOptions = sub.putArray("options");
    options.forEach(
        (name, value) ->
            subOptions.addObject().put("name", name).put("type", 3).put("value", value));
    return dispatchInteraction(interaction);
  }

  private final Map<String, ObjectNode> guildChannels = new ConcurrentHashMap<>();
  private final Map<String, ArrayNode> guildRoles = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> guildMembers = new ConcurrentHashMap<>();

  /**
   * A guild with its {@code @everyone} role (id = guild id) granting {@code everyonePermissions}
   * (GET guilds/{id}/roles answers it and the roles added with {@link #role}).
   */
  public void guild(String guildId, long everyonePermissions) {
    ArrayNode roles = JSON.createArrayNode();
    roles.add(role(guildId, "@everyone", everyonePermissions, 0));
    guildRoles.put(guildId, roles);
  }

  public void role(String guildId, String roleId, String name, long permissions) {
    guildRoles.get(guildId).add(role(roleId, name, permissions, guildRoles.get(guildId).size()));
  }

  private static ObjectNode role(String id, String name, long permissions, int position) {
    return JSON.createObjectNode()
        .put("id", id)
        .put("name", name)
        .put("color", 0)
        .put("hoist", false)
        .put("position", position)
        .put("permissions", Long.toString(permissions))
        .put("managed", false)
        .put("mentionable", false)
        .put("flags", 0);
  }

  /** A text channel of the guild; overwrites as {id, type (0 role, 1 member), allow, deny}. */
  public void guildChannel(String guildId, String channelId, long[]... overwrites) {
    ObjectNode channel =
        JSON.createObjectNode()
            .put("id", channelId)
            .put("type", 0)
            .put("guild_id", guildId)
            .put("name", "it-team")
            .put("position", 0);
    ArrayNode list = channel.putArray("permission_overwrites");
    for (long[] o : overwrites) {
      list.addObject()
          .put("id", Long.toString(o[0]))
          .put("type", (int) o[1])
          .put("allow", Long.toString(o[2]))
          .put("deny", Long.toString(o[3]));
    }
    guildChannels.put(channelId, channel);
  }

  /** A guild member with these roles (GET guilds/{g}/members/{u}). */
  public void member(String guildId, String userId, String... roleIds) {
    ObjectNode member = JSON.createObjectNode();
    member.set("user", userFor(userId));
    ArrayNode roles = member.putArray("roles");
    for (String r : roleIds) {
      roles.add(r);
    }
    member
        .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
        .put("deaf", false)
        .put("mute", false);
    member.put("flags", 0);
    guildMembers.put(guildId + "/" + userId, member);
  }

  /** An interaction the fake dispatched; its answers arrive at the callback and webhook routes. */
  public record Interaction(String id, String token, String channelId) {}

  // ---------------------------------------------------------------- what the bot did

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** Requests with this method whose path (relative to the API base) matches {@code pathRegex}. */
  public List<Recorded> requests(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return requests.stream()
        .filter(r -> r.method().equals(method) && pattern.matcher(r.path()).matches())
        .toList();
  }

  /** Messages in a channel as the fake stores them (after edits), oldest first. */
  public List<JsonNode> messages(String channelId) {
    return List.copyOf(messagesByChannel.getOrDefault(channelId, List.of()));
  }

  public List<JsonNode> dmMessages(String userId) {
    return messages(dmChannelOf(userId));
  }

  /**
   * The answers the bot gave an interaction, in order: the callback body ({@code type} 4 reply, 5
   * deferred reply, 6 deferred edit, 7 edit, 9 modal) and any follow-up / original edit bodies.
   */
  public List<JsonNode> interactionAnswers(Interaction interaction) {
    return List.copyOf(answersByToken.getOrDefault(interaction.token(), List.of()));
  }

  /** Every file the bot uploaded (multipart creates), oldest first, with its bytes. */
  public List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  /** A file the bot uploaded to {@code path} (relative to the API base). */
  public record Upload(String path, String fileName, byte[] bytes) {}

  /** The application commands as last registered (PUT applications/{id}/commands). */
  public List<JsonNode> commands() {
    return List.copyOf(commands);
  }

  /** One HTTP request the fake received, with the status it answered. */
  public record Recorded(
      Instant at,
      long nanoTime,
      String method,
      String path,
      String query,
      Map<String, String> headers,
      String body,
      JsonNode json,
      List<String> files,
      int status) {}

  // ================================================================ HTTP

  private record Fault(
      String method,
      Pattern path,
      AtomicInteger remaining,
      int status,
      JsonNode body,
      Map<String, String> headers) {}

  private record Answer(int status, JsonNode body, Map<String, String> headers) {
    static Answer ok(JsonNode body) {
      return new Answer(200, body, Map.of());
    }

    static Answer noContent() {
      return new Answer(204, null, Map.of());
    }
  }

  private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
  private static final Pattern CHANNEL_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
  private static final Pattern USER = Pattern.compile("users/(\\d+)");
  private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
  private static final Pattern WEBHOOK = Pattern.compile("webhooks/(\\d+)/([^/]+)");
  private static final Pattern WEBHOOK_MESSAGE =
      Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/(@original|\\d+)");
  private static final Pattern COMMANDS = Pattern.compile("applications/(\\d+)/commands");
  private static final Pattern CHANNEL = Pattern.compile("channels/(\\d+)");
  private static final Pattern GUILD_ROLES = Pattern.compile("guilds/(\\d+)/roles");
  private static final Pattern GUILD_MEMBER = Pattern.compile("guilds/(\\d+)/members/(\\d+)");

  private void handleHttp(Context ctx) {
    Instant at = Instant.now();
    long nanos = System.nanoTime();
    String method = ctx.method().name();
    String path = ctx.path().substring(API_PREFIX.length());
    List<String> files = new ArrayList<>();
    String body = readBody(ctx, files);
    JsonNode json = parse(body);
    Answer answer = answer(ctx, method, path, json, files);
    Map<String, String> headers = new LinkedHashMap<>();
    ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
    requests.add(
        new Recorded(
            at,
            nanos,
            method,
            path,
            ctx.queryString(),
            headers,
            body,
            json,
            files,
            answer.status()));
    for (Fault hold : unanswered) {
      if (hold.method().equals(method)
          && hold.path().matcher(path).matches()
          && hold.remaining().getAndDecrement() > 0) {
        try {
          closing.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
    }
    ctx.status(answer.status());
    answer.headers().forEach(ctx::header);
    if (answer.body() != null) {
      ctx.contentType("application/json").result(answer.body().toString());
    }
  }

  private Answer answer(
      Context ctx, String method, String path, JsonNode json, List<String> files) {
    boolean needsToken = !path.startsWith("interactions/") && !path.startsWith("webhooks/");
    if (needsToken && !("Bot " + TOKEN).equals(ctx.header("Authorization"))) {
      return new Answer(401, error(0, "401: Unauthorized"), Map.of());
    }
    for (Fault fault : faults) {
      if (fault.method().equals(method)
          && fault.path().matcher(path).matches()
          && fault.remaining().getAndDecrement() > 0) {
        return new Answer(fault.status(), fault.body(), fault.headers());
      }
    }
    if (json != null && (method.equals("POST") || method.equals("PATCH"))) {
      checkMarkup(path, json);
      checkMarkup(path, json.path("data"));
    }
    Matcher m;
    if (method.equals("GET") && path.equals("users/@me")) {
      return Answer.ok(
          user(botId, "closeloop", true).put("mfa_enabled", false).put("locale", "en-US"));
    } else if (method.equals("GET") && path.equals("gateway/bot")) {
      ObjectNode gateway = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", 1);
      gateway
          .putObject("session_start_limit")
          .put("total", 1000)
          .put("remaining", 999)
          .put("reset_after", 14400000)
          .put("max_concurrency", 1);
      return Answer.ok(gateway);
    } else if (method.equals("GET") && (m = USER.matcher(path)).matches()) {
      return forgottenUsers.contains(m.group(1))
          ? new Answer(404, error(10013, "Unknown User"), Map.of())
          : Answer.ok(userFor(m.group(1)));
    } else if (method.equals("POST") && path.equals("users/@me/channels")) {
      return openDm(json);
    } else if (method.equals("POST") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
      return createMessage(m.group(1), json, files);
    } else if (method.equals("GET") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
      return history(m.group(1), ctx.queryParam("limit"));
    } else if (method.equals("PATCH") && (m = CHANNEL_MESSAGE.matcher(path)).matches()) {
      return editMessage(m.group(1), m.group(2), json);
    } else if (method.equals("POST") && (m = CALLBACK.matcher(path)).matches()) {
      answersByToken.computeIfAbsent(m.group(2), t -> new CopyOnWriteArrayList<>()).add(json);
      return Answer.noContent();
    } else if (method.equals("POST") && (m = WEBHOOK.matcher(path)).matches()) {
      answersByToken.computeIfAbsent(m.group(2), t -> new CopyOnWriteArrayList<>()).add(json);
      return Answer.ok(message(snowflake(), user(botId, "closeloop", true), json));
    } else if (method.equals("PATCH") && (m = WEBHOOK_MESSAGE.matcher(path)).matches()) {
      answersByToken.computeIfAbsent(m.group(2), t -> new CopyOnWriteArrayList<>()).add(json);
      return Answer.ok(message(snowflake(), user(botId, "closeloop", true), json));
    } else if (method.equals("GET") && (m = CHANNEL.matcher(path)).matches()) {
      ObjectNode channel = guildChannels.get(m.group(1));
      return channel == null
          ? new Answer(404, error(10003, "Unknown Channel"), Map.of())
          : Answer.ok(channel);
    } else if (method.equals("GET") && (m = GUILD_ROLES.matcher(path)).matches()) {
      ArrayNode roles = guildRoles.get(m.group(1));
      return roles == null
          ? new Answer(404, error(10004, "Unknown Guild"), Map.of())
          : Answer.ok(roles);
    } else if (method.equals("GET") && (m = GUILD_MEMBER.matcher(path)).matches()) {
      ObjectNode member = guildMembers.get(m.group(1) + "/" + m.group(2));
      return member == null
          ? new Answer(404, error(10007, "Unknown Member"), Map.of())
          : Answer.ok(member);
    } else if (method.equals("PUT") && COMMANDS.matcher(path).matches() && json.isArray()) {
      ArrayNode registered = JSON.createArrayNode();
      for (JsonNode command : json) {
        ObjectNode copy = ((ObjectNode) command).deepCopy();
        copy.put("id", snowflake())
            .put("application_id", applicationId)
            .put("version", snowflake());
        // JDA sends these enums as strings; Discord answers with integers
        for (String field : List.of("contexts", "integration_types")) {
          if (copy.get(field) instanceof ArrayNode values) {
            ArrayNode numbers = copy.putArray(field);
            values.forEach(v -> numbers.add(v.asInt()));
          }
        }
        registered.add(copy);
      }
      commands.clear();
      registered.forEach(commands::add);
      return Answer.ok(registered);
    }
    return new Answer(404, error(0, "404: Not Found"), Map.of());
  }

  private Answer openDm(JsonNode json) {
    String recipient = json.path("recipient_id").asText();
    if (recipient.isEmpty() || forgottenUsers.contains(recipient)) {
      return new Answer(404, error(10013, "Unknown User"), Map.of());
    }
    ObjectNode channel = JSON.createObjectNode().put("id", dmChannelOf(recipient)).put("type", 1);
    channel.putNull("last_message_id");
    channel.put("flags", 0);
    channel.putArray("recipients").add(userFor(recipient));
    return Answer.ok(channel);
  }

  private Answer createMessage(String channelId, JsonNode json, List<String> files) {
    String recipient = userByDmChannel.get(channelId);
    if (recipient != null && closedDms.contains(recipient)) {
      return new Answer(403, error(50007, "Cannot send messages to this user"), Map.of());
    }
    Optional<String> invalid = validateCreate(json, files);
    if (invalid.isPresent()) {
      ObjectNode body = error(50035, "Invalid Form Body");
      body.putObject("errors").put("detail", invalid.get());
      return new Answer(400, body, Map.of());
    }
    String nonce = json.path("nonce").asText("");
    synchronized (messagesByChannel) {
      if (json.path("enforce_nonce").asBoolean(false) && !nonce.isEmpty()) {
        Instant seen = nonceSeenAt.get(channelId + "/" + nonce);
        if (seen != null && seen.plus(NONCE_WINDOW).isAfter(Instant.now())) {
          Optional<ObjectNode> earlier =
              messagesByChannel.getOrDefault(channelId, List.of()).stream()
                  .filter(msg -> nonce.equals(msg.path("nonce").asText()))
                  .findFirst();
          if (earlier.isPresent()) {
            return Answer.ok(earlier.get());
          }
        }
      }
      ObjectNode message = message(channelId, user(botId, "closeloop", true), json);
      if (!nonce.isEmpty()) {
        message.put("nonce", nonce);
        nonceSeenAt.put(channelId + "/" + nonce, Instant.now());
      }
      ArrayNode attachments = message.putArray("attachments");
      for (String file : files) {
        attachments
            .addObject()
            .put("id", snowflake())
            .put("filename", file)
            .put("size", 1)
            .put("url", apiUrl() + "attachments/" + file)
            .put("proxy_url", apiUrl() + "attachments/" + file)
            .put("content_type", "image/png");
      }
      messagesByChannel.computeIfAbsent(channelId, c -> new CopyOnWriteArrayList<>()).add(message);
      return Answer.ok(message);
    }
  }

  private Answer editMessage(String channelId, String messageId, JsonNode json) {
    synchronized (messagesByChannel) {
      Optional<ObjectNode> found = findMessage(channelId, messageId);
      if (found.isEmpty()) {
        return new Answer(404, error(10008, "Unknown Message"), Map.of());
      }
      Optional<String> invalid = validateCreate(json, List.of());
      if (invalid.isPresent()) {
        ObjectNode body = error(50035, "Invalid Form Body");
        body.putObject("errors").put("detail", invalid.get());
        return new Answer(400, body, Map.of());
      }
      ObjectNode message = found.get();
      for (String field : List.of("content", "embeds", "components", "allowed_mentions")) {
        if (json.has(field)) {
          message.set(field, json.get(field).deepCopy());
        }
      }
      normalise(message);
      message.put("edited_timestamp", Instant.now().toString());
      return Answer.ok(message);
    }
  }

  private Answer history(String channelId, String limitParam) {
    int limit = limitParam == null ? 50 : Math.min(100, Integer.parseInt(limitParam));
    List<ObjectNode> all = new ArrayList<>(messagesByChannel.getOrDefault(channelId, List.of()));
    Collections.reverse(all);
    ArrayNode page = JSON.createArrayNode();
    all.stream()
        .limit(limit)
        .forEach(
            msg -> {
              // Discord does not return the nonce in history; neither does the fake
              ObjectNode copy = msg.deepCopy();
              copy.remove("nonce");
              page.add(copy);
            });
    return Answer.ok(page);
  }

  /** Discord's limits on a message, as the OpenAPI spec and the developer docs state them. */
  private static Optional<String> validateCreate(JsonNode json, List<String> files) {
    String content = json.path("content").asText("");
    JsonNode embeds = json.path("embeds");
    JsonNode rows = json.path("components");
    if (content.length() > 2000) {
      return Optional.of("content longer than 2000");
    }
    if (json.path("nonce").asText("").length() > 25) {
      return Optional.of("nonce longer than 25");
    }
    if (embeds.size() > 10) {
      return Optional.of("more than 10 embeds");
    }
    int total = 0;
    for (JsonNode embed : embeds) {
      String title = embed.path("title").asText("");
      String description = embed.path("description").asText("");
      if (title.length() > 256) {
        return Optional.of("embed title longer than 256");
      }
      if (description.length() > 4096) {
        return Optional.of("embed description longer than 4096");
      }
      total +=
          title.length()
              + description.length()
              + embed.path("footer").path("text").asText("").length();
    }
    if (total > 6000) {
      return Optional.of("embeds longer than 6000 in all");
    }
    if (rows.size() > 5) {
      return Optional.of("more than 5 action rows");
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode row : rows) {
      if (row.path("type").asInt() != 1 || row.path("components").size() > 5) {
        return Optional.of("an action row holds 1-5 components");
      }
      for (JsonNode button : row.path("components")) {
        String id = button.path("custom_id").asText("");
        if (button.path("style").asInt() != 5
            && (id.isEmpty() || id.length() > 100 || !ids.add(id))) {
          return Optional.of("custom_id must be 1-100 characters and unique: " + id);
        }
        if (button.path("label").asText("").length() > 80) {
          return Optional.of("button label longer than 80");
        }
      }
    }
    if (content.isEmpty() && embeds.isEmpty() && rows.isEmpty() && files.isEmpty()) {
      return Optional.of("Cannot send an empty message");
    }
    return Optional.empty();
  }

  private String readBody(Context ctx, List<String> files) {
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (type.startsWith("multipart/")) {
      for (UploadedFile file : ctx.uploadedFiles()) {
        files.add(file.filename());
        try (var in = file.content()) {
          uploads.add(
              new Upload(
                  ctx.path().substring(API_PREFIX.length()), file.filename(), in.readAllBytes()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      String payload = ctx.formParam("payload_json");
      return payload == null ? "" : payload;
    }
    return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("unparsable", body);
    }
  }

  // ================================================================ gateway

  private void onGatewayConnect(WsContext ctx) {
    connections.incrementAndGet();
    synchronized (gatewayLock) {
      if (holding) {
        held.put(ctx.sessionId(), new Held(ctx, new ArrayList<>()));
        return;
      }
    }
    hello(ctx);
  }

  private void hello(WsContext ctx) {
    ObjectNode hello = JSON.createObjectNode().put("op", 10);
    hello.putObject("d").put("heartbeat_interval", heartbeatInterval.toMillis());
    send(ctx, hello);
  }

  private void onGatewayMessage(WsContext ctx, JsonNode frame) {
    synchronized (gatewayLock) {
      Held waiting = held.get(ctx.sessionId());
      if (waiting != null) {
        // JDA sends RESUME right after connecting, before HELLO: keep it until release
        waiting.frames().add(frame);
        return;
      }
    }
    int op = frame.path("op").asInt(-1);
    switch (op) {
      case 1 -> {
        heartbeats.incrementAndGet();
        send(ctx, JSON.createObjectNode().put("op", 11));
      }
      case 2 -> identify(ctx, frame.path("d"));
      case 6 -> resume(ctx, frame.path("d"));
      default -> {
        // presence updates and the like: Closeloop sends none, and the fake has nothing to say
      }
    }
  }

  private void identify(WsContext ctx, JsonNode d) {
    if (!TOKEN.equals(d.path("token").asText().replaceFirst("^Bot ", ""))) {
      ctx.closeSession(4004, "Authentication failed.");
      return;
    }
    identifies.incrementAndGet();
    synchronized (gatewayLock) {
      lastIdentify = d.deepCopy();
      sessionId = UUID.randomUUID().toString().replace("-", "");
      seq = 0;
      sessionEvents.clear();
      attached = ctx;
      ObjectNode ready = JSON.createObjectNode().put("v", 10);
      ready.set("user", user(botId, "closeloop", true));
      ready.putArray("guilds");
      ready.putArray("private_channels");
      ready.put("session_id", sessionId);
      ready.put("resume_gateway_url", gatewayUrl());
      ready.putObject("application").put("id", applicationId).put("flags", 0);
      dispatchLocked("READY", ready);
    }
  }

  private void resume(WsContext ctx, JsonNode d) {
    synchronized (gatewayLock) {
      if (sessionId == null || !sessionId.equals(d.path("session_id").asText())) {
        send(ctx, JSON.createObjectNode().put("op", 9).put("d", false));
        return;
      }
      resumes.incrementAndGet();
      long after = d.path("seq").asLong();
      attached = ctx;
      for (ObjectNode event : sessionEvents) {
        if (event.get("s").asLong() > after) {
          send(ctx, event);
        }
      }
      dispatchLocked("RESUMED", JSON.createObjectNode());
    }
  }

  private void detach(WsContext ctx) {
    synchronized (gatewayLock) {
      held.remove(ctx.sessionId());
      if (attached != null && attached.sessionId().equals(ctx.sessionId())) {
        attached = null;
      }
    }
  }

  /** Sends a dispatch to the attached client, or keeps it for the RESUME when none is attached. */
  public long dispatch(String type, JsonNode data) {
    synchronized (gatewayLock) {
      if (sessionId == null) {
        throw new IllegalStateException("no gateway session yet: the bot has not identified");
      }
      return dispatchLocked(type, data);
    }
  }

  private long dispatchLocked(String type, JsonNode data) {
    ObjectNode event = JSON.createObjectNode().put("op", 0).put("t", type).put("s", ++seq);
    event.set("d", data);
    sessionEvents.add(event);
    if (attached != null) {
      send(attached, event);
    }
    return seq;
  }

  private void send(WsContext ctx, JsonNode frame) {
    synchronized (gatewayLock) {
      Session session = ctx.session;
      if (session.isOpen()) {
        try {
          session.getRemote().sendString(frame.toString());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  // ================================================================ shapes

  private Interaction dispatchInteraction(ObjectNode interaction) {
    dispatch("INTERACTION_CREATE", interaction);
    return new Interaction(
        interaction.get("id").asText(),
        interaction.get("token").asText(),
        interaction.get("channel_id").asText());
  }

  private ObjectNode interaction(int type, String userId, String channelId) {
    ObjectNode interaction =
        JSON.createObjectNode()
            .put("id", snowflake())
            .put("application_id", applicationId)
            .put("type", type)
            .put("token", "itoken-" + UUID.randomUUID())
            .put("version", 1)
            .put("channel_id", channelId)
            .put("locale", localeOf(userId))
            .put("app_permissions", "0")
            .put("context", 1);
    ObjectNode channel =
        interaction.putObject("channel").put("id", channelId).put("type", 1).put("flags", 0);
    channel.putArray("recipients").add(userFor(userId));
    interaction.set("user", userFor(userId));
    interaction.putObject("authorizing_integration_owners").put("0", "0");
    interaction.putArray("entitlements");
    return interaction;
  }

  private ObjectNode guildInteraction(int type, String guildId, String userId, String channelId) {
    ObjectNode interaction =
        JSON.createObjectNode()
            .put("id", snowflake())
            .put("application_id", applicationId)
            .put("type", type)
            .put("token", "itoken-" + UUID.randomUUID())
            .put("version", 1)
            .put("guild_id", guildId)
            .put("channel_id", channelId)
            .put("locale", localeOf(userId))
            .put("guild_locale", "en-US")
            .put("app_permissions", "0")
            .put("context", 0);
    interaction
        .putObject("channel")
        .put("id", channelId)
        .put("type", 0)
        .put("guild_id", guildId)
        .put("name", "it-digest")
        .put("position", 0)
        .put("flags", 0)
        .put("permissions", "0")
        .putArray("permission_overwrites");
    interaction.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
    ObjectNode member = interaction.putObject("member");
    member.set("user", userFor(userId));
    member.putArray("roles");
    member.put("joined_at", "2025-01-01T00:00:00.000000+00:00");
    member.put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
    member.put("permissions", "0");
    member.putNull("nick");
    member.putNull("avatar");
    member.putNull("premium_since");
    member.putNull("communication_disabled_until");
    interaction.putObject("authorizing_integration_owners").put("0", guildId);
    interaction.putArray("entitlements");
    return interaction;
  }

  private ObjectNode message(String channelId, ObjectNode author, String content) {
    return message(channelId, author, JSON.createObjectNode().put("content", content));
  }

  /** A message object as Discord returns it, from a create body. */
  private ObjectNode message(String channelId, ObjectNode author, JsonNode body) {
    ObjectNode message =
        JSON.createObjectNode()
            .put("id", snowflake())
            .put("channel_id", channelId)
            .put("type", 0)
            .put("content", body.path("content").asText(""))
            .put("timestamp", Instant.now().toString())
            .put("tts", false)
            .put("mention_everyone", false)
            .put("pinned", false)
            .put("flags", body.path("flags").asInt(0));
    message.set("author", author);
    message.putNull("edited_timestamp");
    message.putArray("mentions");
    message.putArray("mention_roles");
    message.putArray("attachments");
    message.set(
        "embeds", body.has("embeds") ? body.get("embeds").deepCopy() : JSON.createArrayNode());
    message.set(
        "components",
        body.has("components") ? body.get("components").deepCopy() : JSON.createArrayNode());
    if (body.has("allowed_mentions")) {
      message.set("allowed_mentions", body.get("allowed_mentions").deepCopy());
    }
    normalise(message);
    return message;
  }

  /** Echoed embeds need {@code type: rich}; echoed components carry a numeric id. */
  private static void normalise(ObjectNode message) {
    for (JsonNode embed : message.path("embeds")) {
      ((ObjectNode) embed).put("type", "rich");
    }
    AtomicInteger componentId = new AtomicInteger();
    for (JsonNode row : message.path("components")) {
      ((ObjectNode) row).put("id", componentId.incrementAndGet());
      for (JsonNode child : row.path("components")) {
        ((ObjectNode) child).put("id", componentId.incrementAndGet());
      }
    }
  }

  private Optional<ObjectNode> findMessage(String channelId, String messageId) {
    return messagesByChannel.getOrDefault(channelId, List.of()).stream()
        .filter(m -> m.path("id").asText().equals(messageId))
        .findFirst();
  }

  private ObjectNode userFor(String id) {
    return users.getOrDefault(id, user(id, "user-" + id, false)).deepCopy();
  }

  private static ObjectNode user(String id, String name, boolean bot) {
    ObjectNode user =
        JSON.createObjectNode()
            .put("id", id)
            .put("username", name)
            .put("discriminator", "0")
            .put("global_name", name)
            .put("bot", bot)
            .put("public_flags", 0)
            .put("flags", 0);
    user.putNull("avatar");
    user.putNull("primary_guild");
    return user;
  }

  private static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("code", code).put("message", message);
  }
}
