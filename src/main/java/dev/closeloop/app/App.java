package dev.closeloop.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.OutboxDispatcher;
import dev.closeloop.delivery.Pacer;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.service.ConversationService;
import dev.closeloop.service.DigestService;
import dev.closeloop.service.IncidentService;
import dev.closeloop.service.IntakeService;
import dev.closeloop.service.LinkService;
import dev.closeloop.service.Notifier;
import dev.closeloop.service.StatsService;
import dev.closeloop.service.SurveyService;
import dev.closeloop.service.WeeklyService;
import dev.closeloop.store.Database;
import dev.closeloop.store.Settings;
import dev.closeloop.survey.FatiguePolicy;
import dev.closeloop.survey.SendWindow;
import dev.closeloop.survey.SurveyFlow;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.poll.CursorStore;
import dev.closeloop.ticket.poll.PollContext;
import dev.closeloop.ticket.poll.PollException;
import dev.closeloop.ticket.poll.PollSink;
import dev.closeloop.ticket.poll.Poller;
import dev.closeloop.ticket.poll.Pollers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires Closeloop by hand, in one readable place: store, chat platforms, the core services, the
 * durable scheduler and the HTTP server. {@link #start()} returns once intake is up.
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  final Config config;
  final Clock clock;
  final Database db;
  final Map<PlatformId, ChatPlatform> platforms;
  final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final IntakeService intake;
  final SurveyService surveys;
  final ConversationService conversations;
  final LinkService links;
  final IncidentService incidents;
  final DigestService digests;
  final StatsService stats;
  final WeeklyService weekly;
  final OutboxDispatcher dispatcher;
  final AdminOps admin;
  final StoreMetrics storeMetrics;
  final List<String> failing = new CopyOnWriteArrayList<>();
  private Scheduler scheduler;
  private boolean manualScheduling;
  private HttpApi http;
  private final Classifiers.Background classifier;

  public App(Config config, Clock clock, Map<PlatformId, ChatPlatform> extraPlatforms) {
    this.config = config;
    this.clock = clock;
    RedactingMessageConverter.hide(ConfigLoader.secretValues(config));
    this.db =
        Database.open(config.storage().url(), config.storage().user(), config.storage().password());
    var jdbi = db.jdbi();
    this.platforms = new java.util.EnumMap<>(PlatformId.class);
    platforms.putAll(Platforms.create(config, jdbi, clock));
    platforms.putAll(extraPlatforms);

    var s = config.survey();
    FatiguePolicy policy =
        new FatiguePolicy(
            s.delay(),
            s.cooldown(),
            s.reminderAfter(),
            s.expireAfter(),
            new SendWindow(s.quietHours(), s.weekends()));
    SecureRandom random = new SecureRandom();
    dev.closeloop.language.Catalog requester = LanguageConfig.requester(config);
    Notifier notifier =
        new Notifier(
            requester,
            LanguageConfig.surveyLanguage(config, requester),
            java.time.ZoneId.of(config.digest().zone()));
    this.classifier = Classifiers.standard();
    this.stats = new StatsService(jdbi, config, clock);
    this.intake = new IntakeService(jdbi, config, policy, clock, random::nextDouble, notifier);
    this.surveys = new SurveyService(jdbi, config, policy, platforms, notifier, clock);
    this.links =
        new LinkService(
            jdbi,
            config.mail().smtp().configured()
                ? new dev.closeloop.mail.SmtpMailer(config.mail().smtp())
                : null,
            clock,
            requester,
            LanguageConfig.surveyLanguage(config, requester));
    this.incidents = new IncidentService(jdbi, config, notifier, policy, platforms, clock);
    this.conversations =
        new ConversationService(
            jdbi,
            new SurveyFlow(config.digest().negativeAtOrBelow()),
            notifier,
            classifier,
            incidents,
            stats,
            links,
            this::inTeam,
            clock);
    this.digests = new DigestService(jdbi, config, platforms, stats, clock);
    this.weekly = new WeeklyService(jdbi, config, platforms, stats, clock);
    var d = config.delivery();
    this.dispatcher =
        new OutboxDispatcher(
            jdbi,
            platforms,
            new RetryPolicy(d.maxAttempts(), d.backoff(), d.backoffMax(), random::nextDouble),
            new Pacer(),
            surveys,
            clock,
            "closeloop-" + UUID.randomUUID(),
            metrics);
    this.admin = new AdminOps(this);
    this.storeMetrics = new StoreMetrics(db, clock, metrics);
  }

  /**
   * Who may see team figures: stats.slackUsergroup / stats.discordRole when set, else the members
   * of the digest channel (Slack) or those who can see it (Discord); everyone at the sandbox.
   */
  private boolean inTeam(PlatformId platform, String userId) {
    ChatPlatform p = platforms.get(platform);
    if (p == null) {
      return false;
    }
    return switch (platform) {
      case SLACK ->
          p.inTeam(userId, config.stats().slackUsergroup(), config.digest().slackChannel());
      case DISCORD ->
          p.inTeam(userId, config.stats().discordRole(), config.digest().discordChannel());
      default -> p.inTeam(userId, "", "");
    };
  }

  /**
   * Work the ready line does not wait for (each about a CPU second of class loading and JIT on a
   * start that is CPU-bound): the JVM metric binders (platform MXBeans) and the comment
   * classifier's lexicons.
   */
  private void afterReady() {
    Thread t =
        new Thread(
            () -> {
              new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(metrics);
              new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(metrics);
              new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(metrics);
              new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(metrics);
              classifier.load();
            },
            "closeloop-after-ready");
    t.setDaemon(true);
    t.start();
  }

  /** The HTTP routes as "METHOD /path" (empty before {@link #start()}). */
  List<String> httpRoutes() {
    return http == null ? List.of() : http.routes();
  }

  /** Starts platforms, scheduler and HTTP; logs the ready line. Returns the bound port. */
  public int start() {
    return start(true);
  }

  /**
   * Starts with or without the background scheduler. Tests pass false and drive time themselves
   * with {@link #tick()} and {@link #deliver()}.
   */
  public int start(boolean runScheduler) {
    long t0 = System.nanoTime();
    digests.installedAt();
    // platforms connect (network round trips) while the HTTP server and the scheduler start
    List<Thread> connecting = new java.util.ArrayList<>();
    for (ChatPlatform p : platforms.values()) {
      Thread t = new Thread(() -> p.start(conversations), "start-" + p.id().wire());
      t.start();
      connecting.add(t);
    }
    http = new HttpApi(this);
    int port = http.start(config.server().port());
    scheduler = runScheduler ? startScheduler() : null;
    for (Thread t : connecting) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    manualScheduling = !runScheduler;
    awaitPlatforms(Duration.ofSeconds(30));
    if (config.server().portFile() != null && !config.server().portFile().isBlank()) {
      try {
        Files.writeString(
            Path.of(config.server().portFile()), Integer.toString(port), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        log.warn(
            "event=port_file_failed path={} error={}", config.server().portFile(), e.toString());
      }
    }
    List<String> down = notConnected();
    log.info(
        "closeloop ready on port {}{}",
        port,
        down.isEmpty() ? "" : " (degraded: " + String.join(", ", down) + ")");
    log.debug("event=ready millis={}", (System.nanoTime() - t0) / 1_000_000);
    afterReady();
    return port;
  }

  private void awaitPlatforms(Duration max) {
    long end = System.nanoTime() + max.toNanos();
    while (!notConnected().isEmpty() && System.nanoTime() < end) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  List<String> notConnected() {
    return platforms.values().stream().filter(p -> !p.connected()).map(p -> p.id().wire()).toList();
  }

  private Scheduler startScheduler() {
    RecurringTask<Void> dispatch =
        Tasks.recurring("outbox-dispatch", FixedDelay.ofMillis(300))
            .execute(
                (inst, ctx) ->
                    guarded("outbox", () -> dispatcher.drain(Duration.ofSeconds(20), true)));
    RecurringTask<Void> tick =
        Tasks.recurring("survey-tick", FixedDelay.ofSeconds(1))
            .execute((inst, ctx) -> guarded("tick", this::tick));
    List<RecurringTask<Void>> tasks = new java.util.ArrayList<>(List.of(dispatch, tick));
    for (Poller poller : pollers()) {
      tasks.add(
          Tasks.recurring("poll-" + poller.name(), FixedDelay.of(poller.every()))
              .execute((inst, ctx) -> guarded("poll-" + poller.name(), () -> poll(poller))));
    }
    Scheduler s =
        Scheduler.create(db.dataSource())
            .startTasks(new java.util.ArrayList<>(tasks))
            .pollingInterval(Duration.ofMillis(250))
            .alwaysPersistTimestampInUTC()
            .heartbeatInterval(Duration.ofSeconds(2))
            .missedHeartbeatsLimit(4)
            .threads(2)
            .build();
    s.start();
    return s;
  }

  /** Enforces retention.keep once a day (the day is a unique marker, so one instance does it). */
  private void purgeDaily() {
    String today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    boolean mine =
        db.jdbi()
            .inTransaction(
                h -> {
                  Settings settings = new Settings(h);
                  if (today.equals(settings.get("purge.lastDay").orElse(null))) {
                    return false;
                  }
                  settings.put("purge.lastDay", today);
                  return true;
                });
    if (mine) {
      admin.purge();
    }
  }

  /** The helpdesk pollers configured (pollEvery and credentials set). */
  List<Poller> pollers() {
    var jdbi = db.jdbi();
    CursorStore cursors = name -> jdbi.withHandle(h -> new Settings(h).get("poll.cursor." + name));
    PollSink sink =
        (name, events, cursor) -> {
          for (TicketEvent e : events) {
            intake.accept(e); // idempotent: a page seen twice adds nothing
          }
          jdbi.useTransaction(h -> new Settings(h).put("poll.cursor." + name, cursor));
        };
    return Pollers.from(config.connectors(), PollContext.of(cursors, sink));
  }

  private void poll(Poller poller) {
    try {
      var report = poller.pollOnce();
      log.info(
          "event=poll_done poller={} pages={} events={}",
          poller.name(),
          report.pages(),
          report.events());
    } catch (PollException e) {
      log.warn(
          "event=poll_failed poller={} error={} will=retry_next_run",
          poller.name(),
          e.getMessage());
    }
  }

  /** One pass of the time-driven work: surveys due, digest due, owner reminders. */
  public void tick() {
    surveys.tick();
    digests.tick();
    weekly.tick(digests.installedAt());
    incidents.remindOwners();
    purgeDaily();
  }

  private void guarded(String what, Runnable r) {
    try {
      r.run();
      failing.remove("scheduler");
    } catch (RuntimeException e) {
      log.error(
          "event=scheduled_work_failed work={} error={} will=retry_next_run",
          what,
          e.toString(),
          e);
    }
  }

  Map<String, Object> weekly() {
    return weekly.postNow();
  }

  public Database db() {
    return db;
  }

  public int port() {
    return http == null ? -1 : http.port();
  }

  public Map<PlatformId, ChatPlatform> platforms() {
    return platforms;
  }

  public OutboxDispatcher dispatcher() {
    return dispatcher;
  }

  public DigestService digests() {
    return digests;
  }

  public boolean schedulerHealthy() {
    return scheduler != null || manualScheduling;
  }

  /** Sends everything due in the outbox now (tests; the scheduler does this every 300 ms). */
  public int deliver() {
    return dispatcher.drain(Duration.ofSeconds(30));
  }

  public IntakeService intake() {
    return intake;
  }

  public ConversationService conversations() {
    return conversations;
  }

  public StatsService stats() {
    return stats;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.stop();
    }
    if (http != null) {
      http.stop();
    }
    platforms
        .values()
        .forEach(
            p -> {
              try {
                p.stop();
              } catch (RuntimeException e) {
                log.warn(
                    "event=platform_stop_failed platform={} error={}", p.id().wire(), e.toString());
              }
            });
    links.stop();
    db.close();
  }
}
