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
  final WriteBackWiring writeBack;
  final AdminOps admin;
  final JobHealth jobs;
  final StoreMetrics storeMetrics;
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
    this.jobs = new JobHealth(clock);
    var d = config.delivery();
    RetryPolicy retry =
        new RetryPolicy(d.maxAttempts(), d.backoff(), d.backoffMax(), random::nextDouble);
    String worker = "closeloop-" + UUID.randomUUID();
    this.writeBack =
        WriteBackWiring.create(config, jdbi, notifier, retry, jobs, clock, worker, metrics);
    this.stats = new StatsService(jdbi, config, clock);
    this.intake = new IntakeService(jdbi, config, policy, clock, random::nextDouble, notifier);
    this.surveys =
        new SurveyService(jdbi, config, policy, platforms, notifier, writeBack.writeBack, clock);
    this.links =
        new LinkService(
            jdbi,
            config.mail().smtp().configured()
                ? new dev.closeloop.mail.SmtpMailer(config.mail().smtp(), config.timeouts())
                : null,
            clock,
            requester,
            LanguageConfig.surveyLanguage(config, requester));
    this.incidents =
        new IncidentService(jdbi, config, notifier, policy, platforms, writeBack.writeBack, clock);
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
            writeBack.writeBack,
            clock);
    this.digests = new DigestService(jdbi, config, platforms, stats, clock);
    this.weekly = new WeeklyService(jdbi, config, platforms, stats, clock);
    this.dispatcher =
        new OutboxDispatcher(
            jdbi,
            platforms,
            retry,
            new Pacer(),
            new PostingReport(surveys, jobs),
            clock,
            worker,
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

  /**
   * Each periodic job is a db-scheduler task of its own (one instance at a time runs it, cluster
   * wide), run through {@link JobHealth}: a job that throws is logged and shown on {@code /health},
   * and never keeps another from running.
   */
  private Scheduler startScheduler() {
    List<RecurringTask<Void>> tasks = new java.util.ArrayList<>();
    tasks.add(
        Tasks.recurring("outbox-dispatch", FixedDelay.ofMillis(300))
            .execute(
                (inst, ctx) ->
                    jobs.run("outbox", () -> dispatcher.drain(Duration.ofSeconds(20), true))));
    tasks.add(
        Tasks.recurring("writeback-dispatch", FixedDelay.ofMillis(500))
            .execute(
                (inst, ctx) ->
                    jobs.run(
                        JobHealth.WRITEBACK,
                        () -> writeBack.dispatcher.drain(Duration.ofSeconds(20)))));
    tasks.add(task("survey-tick", FixedDelay.ofSeconds(1), "surveys"));
    tasks.add(task("reminders", FixedDelay.ofSeconds(1), "reminders"));
    tasks.add(task("digest", FixedDelay.ofSeconds(1), "digest"));
    tasks.add(task("weekly", FixedDelay.ofSeconds(1), "weekly"));
    tasks.add(task("purge", FixedDelay.ofSeconds(30), "purge"));
    for (Poller poller : pollers()) {
      tasks.add(
          Tasks.recurring("poll-" + poller.name(), FixedDelay.of(poller.every()))
              .execute((inst, ctx) -> poll(poller)));
    }
    Scheduler s =
        Scheduler.create(db.dataSource())
            .startTasks(new java.util.ArrayList<>(tasks))
            .pollingInterval(Duration.ofMillis(250))
            .alwaysPersistTimestampInUTC()
            .heartbeatInterval(Duration.ofSeconds(2))
            .missedHeartbeatsLimit(4)
            .threads(4)
            .build();
    s.start();
    return s;
  }

  private RecurringTask<Void> task(String name, FixedDelay every, String job) {
    return Tasks.recurring(name, every).execute((inst, ctx) -> runJob(job));
  }

  /**
   * Runs one periodic job now, on its own: {@code surveys}, {@code reminders}, {@code digest},
   * {@code weekly} or {@code purge}. A failure is logged and shown on {@code /health}, never
   * thrown. Tests drive time with this (and {@link #tick()}, {@link #deliver()}).
   */
  public void runJob(String job) {
    switch (job) {
      case "surveys" ->
          jobs.run(
              job,
              () -> {
                surveys.sendDue();
                surveys.expireDue();
              });
      case "reminders" ->
          jobs.run(
              job,
              () -> {
                surveys.remindDue();
                incidents.remindOwners();
              });
      case "digest" -> jobs.run(job, "", () -> digests.tick().isPresent());
      case "weekly" -> jobs.run(job, "", () -> weekly.tick(digests.installedAt()).isPresent());
      case "purge" -> jobs.run(job, "", this::purgeDaily);
      default -> throw new IllegalArgumentException("no periodic job " + job);
    }
  }

  /**
   * Enforces retention.keep once a day. The day is marked done after the purge, so a purge that
   * fails is tried again on the next run. True when it purged.
   */
  private boolean purgeDaily() {
    String today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    var jdbi = db.jdbi();
    if (today.equals(jdbi.withHandle(h -> new Settings(h).get("purge.lastDay").orElse(null)))) {
      return false;
    }
    admin.purge();
    jdbi.useTransaction(h -> new Settings(h).put("purge.lastDay", today));
    return true;
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
    return Pollers.from(
        config.connectors(),
        PollContext.of(cursors, sink, config.timeouts().connect(), config.timeouts().helpdesk()));
  }

  /** One poll of one helpdesk; its outcome is the {@code pollers} job's, under its name. */
  private void poll(Poller poller) {
    jobs.run(
        "pollers",
        poller.name(),
        () -> {
          try {
            var report = poller.pollOnce();
            log.info(
                "event=poll_done poller={} pages={} events={}",
                poller.name(),
                report.pages(),
                report.events());
            return true;
          } catch (PollException e) {
            log.warn(
                "event=poll_failed poller={} error={} will=retry_next_run",
                poller.name(),
                e.getMessage());
            jobs.failed("pollers", poller.name(), e.getMessage());
            return false;
          }
        });
  }

  /**
   * One pass of the time-driven work, each job on its own: surveys due (and expiries), reminders,
   * digest, weekly summary, purge. Tests drive time with this; the scheduler runs each job as a
   * task of its own.
   */
  public void tick() {
    for (String job : List.of("surveys", "reminders", "digest", "weekly", "purge")) {
      runJob(job);
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

  /** The scheduler runs (or tests drive the jobs by hand). */
  public boolean schedulerHealthy() {
    if (scheduler == null) {
      return manualScheduling;
    }
    var state = scheduler.getSchedulerState();
    return state.isStarted() && !state.isShuttingDown();
  }

  /** Sends everything due in the outbox now (tests; the scheduler does this every 300 ms). */
  public int deliver() {
    int[] sent = {0};
    jobs.run(
        "outbox",
        "",
        () -> {
          sent[0] = dispatcher.drain(Duration.ofSeconds(30));
          return true;
        });
    jobs.run(JobHealth.WRITEBACK, () -> writeBack.dispatcher.drain(Duration.ofSeconds(30)));
    return sent[0];
  }

  /** The sandbox's demo helpdesk, or null when the sandbox is off. */
  dev.closeloop.ticket.demo.DemoHelpdesk demoHelpdesk() {
    return writeBack.demo;
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
