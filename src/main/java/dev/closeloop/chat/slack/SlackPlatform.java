package dev.closeloop.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
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
import dev.closeloop.config.Config;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack through Bolt for Java. Socket Mode when {@code slack.appToken} is set, else HTTP mode
 * through {@link #httpEndpoint()}. Every Web API call, {@code apps.connections.open} included, goes
 * to {@code slack.apiUrl}. The SDK's client never waits on a 429 itself: it is reported as {@link
 * DeliveryException#rateLimited} with Slack's {@code Retry-After}, for the outbox to honour.
 *
 * <p>Not restartable: after {@link #stop()} make a new instance.
 */
public final class SlackPlatform implements ChatPlatform {
  private static final Logger log = LoggerFactory.getLogger(SlackPlatform.class);

  /**
   * Connection timing. {@code watchdogInterval}: how often the socket is pinged; {@code
   * reconnectGrace}: wait after a close before checking; {@code reconnectBackoff} / {@code
   * maxBackoff}: first and longest wait between connection attempts; {@code clock}: cache expiry.
   */
  public record Options(
      Duration watchdogInterval,
      Duration reconnectGrace,
      Duration reconnectBackoff,
      Duration maxBackoff,
      Clock clock) {
    public static Options defaults() {
      return new Options(
          Duration.ofSeconds(10),
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Clock.systemUTC());
    }
  }

  private final Config.Slack config;
  private final Options options;
  private final Slack slack;
  private final App app;
  private final SlackInbound inbound;
  private final SlackOutbound outbound;
  private final SlackUsers users;
  private final PersonLanes lanes;
  private final ExecutorService replyExecutor;
  private final ScheduledExecutorService scheduler;
  private final SocketModeConnection socket;
  private final SlackHttpEndpoint http;
  private volatile boolean httpReady;
  private volatile boolean stopped;

  public SlackPlatform(Config.Slack config) {
    this(config, Options.defaults());
  }

  public SlackPlatform(Config.Slack config, Options options) {
    this(config, options, Config.Timeouts.defaults());
  }

  /**
   * @param timeouts {@code connect} bounds opening a connection, {@code slack} each Web API call
   *     from start to end
   */
  public SlackPlatform(Config.Slack config, Options options, Config.Timeouts timeouts) {
    this(config, options, timeouts, PostLimit.standard());
  }

  /** With Slack's posting limit kept as {@code posts} says (tests use a small one). */
  SlackPlatform(Config.Slack config, Options options, Config.Timeouts timeouts, WireLimit posts) {
    if (!config.configured()) {
      throw new IllegalArgumentException("slack.botToken is empty");
    }
    this.config = config;
    this.options = options;
    this.slack = slack(slackConfig(config.apiUrl(), timeouts.slack()), timeouts.connect(), posts);
    ObjectMapper json = new ObjectMapper();
    SlackRenderer renderer = new SlackRenderer(json);
    MethodsClient client = slack.methods(config.botToken());
    this.lanes = new PersonLanes("closeloop-slack-events");
    this.replyExecutor = Executors.newFixedThreadPool(2, daemon("closeloop-slack-replies"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("closeloop-slack-socket"));
    this.app = new App(appConfig(config, slack));
    this.inbound = new SlackInbound(slack, client, renderer, json, lanes, replyExecutor);
    inbound.register(app);
    this.outbound = new SlackOutbound(client, renderer, json);
    this.users = new SlackUsers(client, options.clock());
    if (config.socketMode()) {
      this.socket = new SocketModeConnection(app, slack, config.appToken(), options, scheduler);
      this.http = null;
    } else {
      this.socket = null;
      this.http = new SlackHttpEndpoint(app, () -> httpReady && !stopped);
    }
  }

  @Override
  public PlatformId id() {
    return PlatformId.SLACK;
  }

  @Override
  public void start(ChatEventHandler handler) {
    inbound.handler(handler);
    if (socket != null) {
      log.info("slack starting mode=socket api={}", config.apiUrl());
      socket.start();
    } else {
      log.info("slack starting mode=http path={} api={}", SlackHttpEndpoint.PATH, config.apiUrl());
      scheduler.execute(() -> startHttp(1));
    }
  }

  /** HTTP mode is ready once auth.test has answered; until then Slack gets 503 and retries. */
  private void startHttp(int attempt) {
    if (stopped) {
      return;
    }
    try {
      app.start();
      httpReady = true;
      log.info("slack ready mode=http");
    } catch (RuntimeException e) {
      Duration wait = options.reconnectBackoff().multipliedBy(1L << Math.min(attempt, 6));
      if (wait.compareTo(options.maxBackoff()) > 0) {
        wait = options.maxBackoff();
      }
      log.warn(
          "slack start failed attempt={} reason={} next=retry in {}",
          attempt,
          SlackErrors.startFailure(e, config.apiUrl()),
          wait);
      scheduler.schedule(() -> startHttp(attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    stopped = true;
    if (socket != null) {
      socket.stop();
    }
    scheduler.shutdownNow();
    lanes.shutdown(Duration.ofSeconds(5));
    replyExecutor.shutdown();
    try {
      replyExecutor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    app.stop();
    try {
      slack.close();
    } catch (Exception e) {
      log.warn("slack client close failed error={}", e.toString());
    }
    log.info("slack stopped");
  }

  @Override
  public boolean connected() {
    if (stopped) {
      return false;
    }
    return socket != null ? socket.connected() : httpReady;
  }

  @Override
  public boolean inTeam(String userId, String group, String channelId) {
    return users.inTeam(userId, group, channelId);
  }

  @Override
  public UserLookup lookup(Recipient recipient) {
    return users.lookup(recipient);
  }

  @Override
  public java.util.Optional<String> displayName(String userId) {
    return users.displayName(userId);
  }

  @Override
  public MessageRef send(Outgoing outgoing) throws DeliveryException {
    return outbound.send(outgoing);
  }

  @Override
  public Optional<MessageRef> reconcile(Outgoing outgoing) throws DeliveryException {
    return outbound.reconcile(outgoing);
  }

  /** The handler for {@code POST /slack/events}; empty in Socket Mode. */
  public Optional<SlackHttpEndpoint> httpEndpoint() {
    return Optional.ofNullable(http);
  }

  private static SlackConfig slackConfig(String apiUrl, Duration callTimeout) {
    SlackConfig c = new SlackConfig();
    c.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    c.setStatsEnabled(false); // else every call may first resolve the team id through auth.test
    c.setPrettyResponseLoggingEnabled(false);
    int millis = (int) callTimeout.toMillis();
    c.setHttpClientCallTimeoutMillis(millis); // the whole call: connect, write, wait, read
    c.setHttpClientReadTimeoutMillis(millis);
    c.setHttpClientWriteTimeoutMillis(millis);
    return c;
  }

  /**
   * The SDK's client as it builds it, with the connect timeout set too (SlackConfig has none) and
   * the posting limit kept at the wire.
   */
  private static Slack slack(SlackConfig config, Duration connectTimeout, WireLimit posts) {
    okhttp3.OkHttpClient http =
        SlackHttpClient.buildOkHttpClient(config)
            .newBuilder()
            .connectTimeout(connectTimeout)
            .addInterceptor(PostLimit.interceptor(posts))
            .build();
    SlackHttpClient client = new SlackHttpClient(http);
    client.setConfig(config);
    return Slack.getInstance(config, client);
  }

  private static AppConfig appConfig(Config.Slack config, Slack slack) {
    return AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(config.botToken())
        .signingSecret(config.socketMode() ? null : config.signingSecret())
        .verificationToken(null)
        .clientId(null)
        .clientSecret(null)
        .redirectUri(null)
        .scope(null)
        .userScope(null)
        // events nobody listens to (message edits, …) are acked, never retried by Slack
        .unmatchedRequestHandler(req -> Response.ok())
        .build();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
