package dev.closeloop.chat.discord;

import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import dev.closeloop.chat.discord.DiscordRenderer.Part;
import dev.closeloop.config.Config;
import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closeloop on Discord, through JDA. Connects with the {@code DIRECT_MESSAGES} intent only (no
 * privileged intent, no caches), to the REST base {@code discord.apiUrl} and the gateway {@code
 * discord.gatewayUrl} (else the one {@code GET gateway/bot} names). JDA resumes and reconnects on
 * its own; if the first connection fails (Discord unreachable) this keeps trying in the background,
 * with backoff, until {@link #stop()}.
 *
 * <p>Sends are idempotent where Discord allows it: each create carries a nonce derived from the
 * outbox key with {@code enforce_nonce}, and an invisible marker in its content that {@link
 * #reconcile} looks for in the channel's recent history. A 429 is waited out by JDA's rate limiter
 * (it honours {@code Retry-After} / {@code retry_after}); a send that would wait longer than {@code
 * sendTimeout} gives up with {@link DeliveryException#rateLimited}.
 */
public final class DiscordPlatform implements ChatPlatform {
  private static final Logger log = LoggerFactory.getLogger(DiscordPlatform.class);

  /** The one slash command, with its subcommands. */
  public static final String COMMAND = "closeloop";

  private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");
  private static final int RECONCILE_DEPTH = 50;
  private static final Duration MAX_CONNECT_BACKOFF = Duration.ofSeconds(60);

  static {
    // JDA pings whatever its default allows: make the default "nobody", for every message
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
  }

  private final Config.Discord config;
  private final Duration sendTimeout;
  private final Duration connectTimeout;
  private final RateLimitObserver rateLimits;
  private final ExecutorService handlerPool;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile JDA jda;
  private volatile Thread connector;

  public DiscordPlatform(Config.Discord config) {
    this(config, Config.Timeouts.defaults());
  }

  /**
   * @param sendTimeout the longest {@link #send} waits for Discord, rate-limit waits included
   */
  public DiscordPlatform(Config.Discord config, Duration sendTimeout) {
    this(config, sendTimeout, Config.Timeouts.defaults().connect());
  }

  /**
   * @param timeouts {@code discord} bounds each call (and {@link #send}, rate-limit waits
   *     included), {@code connect} opening a connection
   */
  public DiscordPlatform(Config.Discord config, Config.Timeouts timeouts) {
    this(config, timeouts.discord(), timeouts.connect());
  }

  private DiscordPlatform(Config.Discord config, Duration sendTimeout, Duration connectTimeout) {
    if (config == null || !config.configured()) {
      throw new IllegalArgumentException("discord.token is not set");
    }
    this.config =
        new Config.Discord(config.token(), withTrailingSlash(config.apiUrl()), config.gatewayUrl());
    this.sendTimeout = sendTimeout;
    this.connectTimeout = connectTimeout;
    this.rateLimits = new RateLimitObserver(Clock.systemUTC());
    this.handlerPool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "discord-handler");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public PlatformId id() {
    return PlatformId.DISCORD;
  }

  @Override
  public synchronized void start(ChatEventHandler handler) {
    if (connector != null) {
      throw new IllegalStateException("already started");
    }
    DiscordEvents events = new DiscordEvents(handler, handlerPool);
    connector = new Thread(() -> connectUntilUp(events), "discord-connect");
    connector.setDaemon(true);
    connector.start();
  }

  private void connectUntilUp(DiscordEvents events) {
    Duration backoff = Duration.ofSeconds(1);
    while (stopped.getCount() > 0) {
      try {
        String gateway =
            GatewayLocator.locate(config.gatewayUrl(), config.apiUrl(), config.token());
        JDA built = builder(gateway, events).build();
        jda = built;
        if (stopped.getCount() == 0) {
          built.shutdownNow();
          return;
        }
        log.info("event=discord_connecting api={} gateway={}", config.apiUrl(), gateway);
        registerCommands(built);
        return;
      } catch (InvalidTokenException e) {
        log.error("event=discord_token_rejected next=none (fix discord.token and restart)");
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        log.warn("event=discord_connect_failed error=\"{}\" next=retry_in_{}", e, backoff);
        try {
          if (stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_CONNECT_BACKOFF) > 0
                ? MAX_CONNECT_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private JDABuilder builder(String gateway, DiscordEvents events) {
    return JDABuilder.createLight(config.token(), EnumSet.of(GatewayIntent.DIRECT_MESSAGES))
        .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl()))
        .setSessionController(new GatewayLocator.FixedGateway(gateway))
        .setCompression(Compression.NONE)
        .setHttpClientBuilder(
            new OkHttpClient.Builder()
                .addInterceptor(rateLimits)
                .connectTimeout(connectTimeout)
                .readTimeout(sendTimeout)
                .writeTimeout(sendTimeout)
                .callTimeout(sendTimeout))
        .setEnableShutdownHook(false)
        .setMaxReconnectDelay(60)
        .addEventListeners(events);
  }

  /** The bundled languages as Discord names its client languages. */
  private static final Map<DiscordLocale, String> LOCALES =
      Map.of(
          DiscordLocale.GERMAN, "de",
          DiscordLocale.FRENCH, "fr",
          DiscordLocale.SPANISH, "es",
          DiscordLocale.SPANISH_LATAM, "es",
          DiscordLocale.PORTUGUESE_BRAZILIAN, "pt",
          DiscordLocale.JAPANESE, "ja");

  private static void registerCommands(JDA jda) {
    Catalog texts = Catalog.requester(Map.of());
    SlashCommandData command =
        localized(
            Commands.slash(COMMAND, english(texts, "commandDescription")),
            texts,
            "commandDescription");
    command
        .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
        .addSubcommands(
            subcommand("stats", "commandStats", texts),
            subcommand("optout", "commandOptout", texts),
            subcommand("optin", "commandOptin", texts),
            subcommand("link", "commandLink", texts)
                .addOptions(option("email", "commandLinkEmail", texts)),
            subcommand("verify", "commandVerify", texts)
                .addOptions(option("code", "commandVerifyCode", texts)));
    jda.updateCommands()
        .addCommands(command)
        .queue(
            commands -> log.info("event=discord_commands_registered count={}", commands.size()),
            failure ->
                log.error("event=discord_commands_failed next=none (restart to retry)", failure));
  }

  private static SubcommandData subcommand(String name, String key, Catalog texts) {
    SubcommandData sub = new SubcommandData(name, english(texts, key));
    LOCALES.forEach(
        (locale, lang) -> sub.setDescriptionLocalization(locale, text(texts, lang, key)));
    return sub;
  }

  private static SlashCommandData localized(SlashCommandData c, Catalog texts, String key) {
    LOCALES.forEach((locale, lang) -> c.setDescriptionLocalization(locale, text(texts, lang, key)));
    return c;
  }

  private static OptionData option(String name, String key, Catalog texts) {
    OptionData o = new OptionData(OptionType.STRING, name, english(texts, key), true);
    LOCALES.forEach((locale, lang) -> o.setDescriptionLocalization(locale, text(texts, lang, key)));
    return o;
  }

  private static String english(Catalog texts, String key) {
    return text(texts, Languages.FALLBACK, key);
  }

  private static String text(Catalog texts, String lang, String key) {
    return texts.format(lang, key, Map.of(), java.time.ZoneOffset.UTC);
  }

  @Override
  public void stop() {
    stopped.countDown();
    Thread t = connector;
    if (t != null) {
      t.interrupt();
    }
    JDA current = jda;
    if (current != null) {
      // every send() has returned or given up by now; a request JDA still holds (one parked
      // behind a 429 after its send timed out) is not wanted any more
      current.shutdownNow();
      try {
        current.awaitShutdown(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    handlerPool.shutdownNow();
  }

  @Override
  public boolean connected() {
    JDA current = jda;
    return current != null && current.getStatus() == JDA.Status.CONNECTED;
  }

  /** The JDA status, for logs and readiness detail; "NOT_STARTED" before the first connection. */
  public String status() {
    JDA current = jda;
    return current == null ? "NOT_STARTED" : current.getStatus().name();
  }

  /**
   * The role when one is given, else whether the member can see the channel; the guild is the
   * channel's. Asked over REST each time (a bot with no guild intents has no member cache), each
   * call bounded by the send timeout. Anything unknown or failing answers no.
   */
  @Override
  public boolean inTeam(String userId, String role, String channelId) {
    JDA current = jda;
    if (current == null
        || channelId == null
        || !SNOWFLAKE.matcher(channelId.strip()).matches()
        || !SNOWFLAKE.matcher(userId).matches()) {
      return false;
    }
    ChannelRest rest = new ChannelRest(current);
    try {
      DataObject channel = await(rest.channel(channelId.strip()));
      String guildId = channel.getString("guild_id", null);
      if (guildId == null) {
        return false;
      }
      DataObject member = await(rest.member(guildId, userId));
      java.util.List<String> roles = new java.util.ArrayList<>();
      DataArray memberRoles = member.getArray("roles");
      for (int i = 0; i < memberRoles.length(); i++) {
        roles.add(memberRoles.getString(i));
      }
      if (role != null && !role.isBlank()) {
        return roles.contains(role.strip());
      }
      java.util.Map<String, Long> permissions = new java.util.HashMap<>();
      DataArray guildRoles = await(rest.roles(guildId));
      for (int i = 0; i < guildRoles.length(); i++) {
        DataObject r = guildRoles.getObject(i);
        permissions.put(r.getString("id"), Long.parseLong(r.getString("permissions", "0")));
      }
      java.util.List<ChannelAccess.Overwrite> overwrites = new java.util.ArrayList<>();
      DataArray list = channel.optArray("permission_overwrites").orElse(DataArray.empty());
      for (int i = 0; i < list.length(); i++) {
        DataObject o = list.getObject(i);
        overwrites.add(
            new ChannelAccess.Overwrite(
                o.getString("id"),
                o.getInt("type", 0),
                Long.parseLong(o.getString("allow", "0")),
                Long.parseLong(o.getString("deny", "0"))));
      }
      return ChannelAccess.canView(guildId, userId, roles, permissions, overwrites);
    } catch (Exception e) {
      log.info(
          "event=discord_team_check_failed user={} channel={} error=\"{}\" next=deny",
          userId,
          channelId,
          e.getMessage());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  private <T> T await(net.dv8tion.jda.api.requests.RestAction<T> action) throws Exception {
    return action.submit().get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public UserLookup lookup(Recipient recipient) {
    String id = recipient.discordId();
    if (id == null || id.isBlank()) {
      return new UserLookup.Unknown("no Discord id");
    }
    if (!SNOWFLAKE.matcher(id).matches()) {
      return new UserLookup.Unknown("not a Discord id: " + id);
    }
    JDA current = jda;
    if (current == null) {
      return new UserLookup.Unavailable("Discord not connected yet");
    }
    try {
      await(current.retrieveUserById(id), "users/" + id);
      return new UserLookup.Found(id, null);
    } catch (DeliveryException e) {
      return e.kind() == DeliveryException.Kind.UNKNOWN_USER
              || e.kind() == DeliveryException.Kind.PERMANENT
          ? new UserLookup.Unknown(e.getMessage())
          : new UserLookup.Unavailable(e.getMessage());
    }
  }

  @Override
  public MessageRef send(Outgoing outgoing) throws DeliveryException {
    ChannelRest rest = new ChannelRest(connectedJda());
    if (outgoing instanceof Outgoing.DirectMessage dm) {
      return createAll(rest, openDm(dm.userId()), dm.key(), dm.message());
    } else if (outgoing instanceof Outgoing.ChannelPost post) {
      return createAll(rest, post.channelId(), post.key(), post.message());
    } else if (outgoing instanceof Outgoing.Update update) {
      return edit(rest, update);
    } else if (outgoing instanceof Outgoing.Image image) {
      return createImage(rest, image);
    }
    throw new IllegalArgumentException("unknown outgoing " + outgoing);
  }

  private MessageRef createAll(ChannelRest rest, String channelId, String key, ChatMessage message)
      throws DeliveryException {
    List<Part> parts = render(message);
    MessageRef first = null;
    for (int i = 0; i < parts.size(); i++) {
      String partKey = partKey(key, i);
      MessageCreateData data = createData(parts.get(i), partKey, List.of());
      DataObject created =
          await(rest.create(channelId, data, DiscordText.nonce(partKey)), messagesPath(channelId));
      if (first == null) {
        first = new MessageRef(channelId, created.getString("id"));
      }
    }
    return first;
  }

  private MessageRef createImage(ChannelRest rest, Outgoing.Image image) throws DeliveryException {
    Part caption =
        new Part(
            DiscordText.truncate(DiscordText.escape(image.title()), DiscordRenderer.CONTENT_BUDGET),
            List.of(),
            List.of());
    MessageCreateData data =
        createData(
            caption, image.key(), List.of(FileUpload.fromData(image.png(), image.fileName())));
    DataObject created =
        await(
            rest.create(image.channelId(), data, DiscordText.nonce(image.key())),
            messagesPath(image.channelId()));
    return new MessageRef(image.channelId(), created.getString("id"));
  }

  private MessageRef edit(ChannelRest rest, Outgoing.Update update) throws DeliveryException {
    List<Part> parts = render(update.message());
    if (parts.size() > 1) {
      log.warn(
          "event=discord_update_truncated key={} parts={} next=first_part_only",
          update.key(),
          parts.size());
    }
    Part part = parts.get(0);
    MessageEditData data =
        new MessageEditBuilder()
            .setContent(part.content())
            .setEmbeds(part.embeds())
            .setComponents(part.rows())
            .setAllowedMentions(List.of())
            .build();
    MessageRef target = update.target();
    await(
        rest.edit(target.channelId(), target.messageId(), data),
        messagesPath(target.channelId()) + "/" + target.messageId());
    return target;
  }

  @Override
  public Optional<MessageRef> reconcile(Outgoing outgoing) throws DeliveryException {
    ChannelRest rest = new ChannelRest(connectedJda());
    String channelId;
    String key;
    if (outgoing instanceof Outgoing.DirectMessage dm) {
      channelId = openDm(dm.userId());
      key = partKey(dm.key(), 0);
    } else if (outgoing instanceof Outgoing.ChannelPost post) {
      channelId = post.channelId();
      key = partKey(post.key(), 0);
    } else if (outgoing instanceof Outgoing.Image image) {
      channelId = image.channelId();
      key = image.key();
    } else {
      return Optional.empty(); // an update is idempotent: just send it again
    }
    String marker = DiscordText.marker(key);
    String nonce = DiscordText.nonce(key);
    String self = connectedJda().getSelfUser().getId();
    DataArray recent = await(rest.recent(channelId, RECONCILE_DEPTH), messagesPath(channelId));
    for (int i = 0; i < recent.length(); i++) {
      DataObject message = recent.getObject(i);
      boolean mine =
          message.optObject("author").map(a -> self.equals(a.getString("id", ""))).orElse(false);
      if (mine
          && (message.getString("content", "").contains(marker)
              || nonce.equals(message.getString("nonce", "")))) {
        return Optional.of(new MessageRef(channelId, message.getString("id")));
      }
    }
    return Optional.empty();
  }

  private String openDm(String userId) throws DeliveryException {
    if (userId == null || !SNOWFLAKE.matcher(userId).matches()) {
      throw DeliveryException.permanent(
          DeliveryException.Kind.UNKNOWN_USER, "not a Discord user id: " + userId);
    }
    PrivateChannel channel =
        await(connectedJda().openPrivateChannelById(userId), "users/@me/channels");
    return channel.getId();
  }

  private static List<Part> render(ChatMessage message) throws DeliveryException {
    try {
      return DiscordRenderer.render(message);
    } catch (IllegalArgumentException e) {
      throw new DeliveryException(
          DeliveryException.Kind.PERMANENT, "cannot render: " + e.getMessage(), null, e);
    }
  }

  private static MessageCreateData createData(Part part, String key, List<FileUpload> files) {
    return new MessageCreateBuilder()
        .setContent(part.content() + DiscordText.marker(key))
        .setEmbeds(part.embeds())
        .setComponents(part.rows())
        .setFiles(files)
        .setAllowedMentions(List.of())
        .build();
  }

  /** Waits for a REST action, at most {@code sendTimeout}, mapping every failure. */
  private <T> T await(RestAction<T> action, String pathSuffix) throws DeliveryException {
    CompletableFuture<T> future = action.submit();
    try {
      return future.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      Optional<Duration> wait = rateLimits.remaining(pathSuffix);
      if (wait.isPresent()) {
        log.info(
            "event=discord_rate_limited path={} wait={} next=outbox_retry", pathSuffix, wait.get());
        throw DeliveryException.rateLimited(wait.get());
      }
      // the request may have reached Discord: it is looked up (nonce, marker) before any resend
      throw DeliveryException.noAnswer(
          "no answer from Discord within " + sendTimeout + " for " + pathSuffix, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw DeliveryException.transientFailure("interrupted", e);
    } catch (ExecutionException e) {
      throw DiscordErrors.toDelivery(pathSuffix, e);
    } catch (RuntimeException e) {
      // JDA validates while building the request, before anything is sent
      throw DiscordErrors.toDelivery(pathSuffix, e);
    }
  }

  private JDA connectedJda() throws DeliveryException {
    JDA current = jda;
    if (current == null
        || current.getStatus() == JDA.Status.SHUTDOWN
        || current.getStatus() == JDA.Status.SHUTTING_DOWN) {
      throw DeliveryException.transientFailure("Discord not connected", null);
    }
    return current;
  }

  private static String messagesPath(String channelId) {
    return "channels/" + channelId + "/messages";
  }

  /** Each message of a split send has its own key, so its nonce and marker are its own. */
  private static String partKey(String key, int part) {
    return part == 0 ? key : key + "#" + part;
  }

  private static String withTrailingSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
