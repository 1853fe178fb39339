package dev.closeloop.chat.discord;

import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PersonLanes;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import dev.closeloop.chat.WireLimit;
import dev.closeloop.chat.http.WireLimitInterceptor;
import dev.closeloop.config.Config;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
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
  private final WireLimitInterceptor globalLimit;
  private final DiscordCalls calls;
  private final DiscordOutbound outbound;
  private final DiscordMembers members;
  private final PersonLanes lanes;
  private final ScheduledExecutorService ackTimer;
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
    this(config, sendTimeout, connectTimeout, GlobalLimit.standard());
  }

  /** With Discord's global limit kept as {@code wireLimit} says (tests use a small one). */
  DiscordPlatform(Config.Discord config, Duration sendTimeout, WireLimit wireLimit) {
    this(config, sendTimeout, Config.Timeouts.defaults().connect(), wireLimit);
  }

  private DiscordPlatform(
      Config.Discord config, Duration sendTimeout, Duration connectTimeout, WireLimit wireLimit) {
    if (config == null || !config.configured()) {
      throw new IllegalArgumentException("discord.token is not set");
    }
    this.config =
        new Config.Discord(config.token(), withTrailingSlash(config.apiUrl()), config.gatewayUrl());
    this.sendTimeout = sendTimeout;
    this.connectTimeout = connectTimeout;
    this.rateLimits = new RateLimitObserver(Clock.systemUTC());
    this.globalLimit = GlobalLimit.interceptor(wireLimit);
    this.calls = new DiscordCalls(() -> jda, sendTimeout, rateLimits);
    this.outbound = new DiscordOutbound(calls);
    this.members = new DiscordMembers(() -> jda, calls, sendTimeout);
    this.lanes = new PersonLanes("discord-handler");
    this.ackTimer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "discord-ack-timer");
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
    DiscordEvents events = new DiscordEvents(handler, lanes, ackTimer);
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
        DiscordCommands.register(built);
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
                // first the global limit, so that what it lets go is what the observer sees
                .addInterceptor(globalLimit)
                .addInterceptor(rateLimits)
                .connectTimeout(connectTimeout)
                // a 307 would re-post the message to whatever host it names (see SlackPlatform)
                .followRedirects(false)
                .followSslRedirects(false)
                .readTimeout(sendTimeout)
                .writeTimeout(sendTimeout)
                .callTimeout(sendTimeout))
        .setEnableShutdownHook(false)
        .setMaxReconnectDelay(60)
        .addEventListeners(events);
  }

  @Override
  public void stop() {
    stopped.countDown();
    Thread t = connector;
    if (t != null) {
      t.interrupt();
    }
    // lines and clicks already received are still handled (their replies need JDA), for a while
    lanes.shutdown(Duration.ofSeconds(5));
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
    ackTimer.shutdownNow();
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

  @Override
  public boolean inTeam(String userId, String role, String channelId) {
    return members.inTeam(userId, role, channelId);
  }

  @Override
  public UserLookup lookup(Recipient recipient) {
    return members.lookup(recipient);
  }

  @Override
  public MessageRef send(Outgoing outgoing) throws DeliveryException {
    return outbound.send(outgoing);
  }

  @Override
  public Optional<MessageRef> reconcile(Outgoing outgoing) throws DeliveryException {
    return outbound.reconcile(outgoing);
  }

  private static String withTrailingSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
