package dev.closeloop.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.Pacer;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.delivery.usecase.OutboxDispatcher;
import dev.closeloop.digest.usecase.DigestService;
import dev.closeloop.digest.usecase.IncidentActions;
import dev.closeloop.digest.usecase.NegativeAnswers;
import dev.closeloop.digest.usecase.OwnerReminders;
import dev.closeloop.digest.usecase.StatsService;
import dev.closeloop.digest.usecase.WeeklyService;
import dev.closeloop.link.usecase.LinkService;
import dev.closeloop.store.Database;
import dev.closeloop.survey.FatiguePolicy;
import dev.closeloop.survey.SendWindow;
import dev.closeloop.survey.SurveyFlow;
import dev.closeloop.survey.usecase.Conversations;
import dev.closeloop.survey.usecase.Notifier;
import dev.closeloop.survey.usecase.PersonPreferences;
import dev.closeloop.survey.usecase.SurveyDeadlines;
import dev.closeloop.survey.usecase.SurveyDeliveries;
import dev.closeloop.survey.usecase.SurveyService;
import dev.closeloop.ticket.poll.Poller;
import dev.closeloop.ticket.usecase.IntakeService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
  final SurveyDeadlines deadlines;
  final ChatEventHandler conversations;
  final LinkService links;
  final IncidentActions incidents;
  final OwnerReminders ownerReminders;
  final DigestService digests;
  final StatsService stats;
  final WeeklyService weekly;
  final OutboxDispatcher dispatcher;
  final WriteBackWiring writeBack;
  final AdminOps admin;
  final OutboxOps outboxOps;
  final Retention retention;
  final AdminLinks adminLinks;
  final JobHealth jobs;
  final StoreMetrics storeMetrics;
  private final PeriodicJobs periodic;
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
    java.time.ZoneId digestZone = java.time.ZoneId.of(config.digest().zone());
    java.time.LocalTime digestTime = java.time.LocalTime.parse(config.digest().time());
    Notifier notifier =
        new Notifier(
            requester,
            LanguageConfig.surveyLanguage(config, requester),
            digestZone,
            now -> DigestService.nextSlot(now, digestZone, digestTime),
            clock);
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
    this.surveys = new SurveyService(jdbi, config, policy, platforms, notifier, clock);
    this.deadlines = new SurveyDeadlines(jdbi, policy, notifier, writeBack.writeBack, clock);
    SurveyDeliveries deliveries = new SurveyDeliveries(policy, notifier);
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
        new IncidentActions(jdbi, config, notifier, policy, platforms, writeBack.writeBack, clock);
    this.ownerReminders = new OwnerReminders(jdbi, config, notifier, platforms, clock);
    SurveyFlow flow = new SurveyFlow(config.digest().negativeAtOrBelow(), classifier::isNegative);
    PersonPreferences preferences = new PersonPreferences(jdbi, clock);
    Conversations answers =
        new Conversations(
            jdbi,
            flow,
            notifier,
            new NegativeAnswers(config, flow, classifier, platforms),
            preferences,
            writeBack.writeBack,
            clock);
    this.conversations =
        new ChatRouter(
            answers,
            preferences,
            incidents,
            stats,
            links,
            TeamCheck.of(config, platforms),
            new dev.closeloop.chat.LineLimit(clock),
            metrics);
    this.digests = new DigestService(jdbi, config, platforms, stats, clock);
    this.weekly = new WeeklyService(jdbi, config, platforms, stats, clock);
    this.dispatcher =
        new OutboxDispatcher(
            jdbi,
            platforms,
            retry,
            new Pacer(),
            new PostingReport(deliveries, jobs),
            clock,
            worker,
            metrics);
    this.admin = new AdminOps(this);
    this.outboxOps = new OutboxOps(this);
    this.retention = new Retention(this);
    this.adminLinks = new AdminLinks(this);
    this.storeMetrics = new StoreMetrics(db, clock, metrics);
    this.periodic = new PeriodicJobs(this);
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
    SecretNotes.notes(config).forEach(note -> log.warn("event=weak_secret note=\"{}\"", note));
    digests.installedAt();
    // platforms connect (network round trips) while the HTTP server and the scheduler start
    List<Thread> connecting = Startup.connect(platforms.values(), conversations);
    http = new HttpApi(this);
    int port = http.start(config.server().port());
    scheduler = runScheduler ? periodic.startScheduler() : null;
    Startup.join(connecting);
    manualScheduling = !runScheduler;
    Startup.awaitPlatforms(this::notConnected, Duration.ofSeconds(30));
    Startup.writePortFile(config.server().portFile(), port);
    List<String> down = notConnected();
    log.info(
        "closeloop ready on port {}{}",
        port,
        down.isEmpty() ? "" : " (degraded: " + String.join(", ", down) + ")");
    log.debug("event=ready millis={}", (System.nanoTime() - t0) / 1_000_000);
    Startup.afterReady(metrics, classifier);
    return port;
  }

  List<String> notConnected() {
    return platforms.values().stream().filter(p -> !p.connected()).map(p -> p.id().wire()).toList();
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

  /**
   * Runs one periodic job now, on its own: {@code surveys}, {@code reminders}, {@code digest},
   * {@code weekly} or {@code purge}. A failure is logged and shown on {@code /health}, never
   * thrown.
   */
  public void runJob(String job) {
    periodic.runJob(job);
  }

  /** One pass of every time-driven job (tests drive time with this and {@link #deliver()}). */
  public void tick() {
    periodic.tick();
  }

  /** Sends everything due in the outbox now (tests; the scheduler does this every 300 ms). */
  /** The sandbox's demo helpdesk, or null when the sandbox is off. */
  dev.closeloop.ticket.usecase.DemoHelpdesk demoHelpdesk() {
    return writeBack.demo;
  }

  public int deliver() {
    return periodic.deliver();
  }

  /** The helpdesk pollers configured (pollEvery and credentials set). */
  List<Poller> pollers() {
    return periodic.pollers();
  }

  /** The scheduler runs (or tests drive the jobs by hand). */
  public boolean schedulerHealthy() {
    if (scheduler == null) {
      return manualScheduling;
    }
    var state = scheduler.getSchedulerState();
    return state.isStarted() && !state.isShuttingDown();
  }

  public IntakeService intake() {
    return intake;
  }

  public ChatEventHandler conversations() {
    return conversations;
  }

  public StatsService stats() {
    return stats;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      periodic.stopScheduler(scheduler);
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
    intake.close();
    db.close();
  }
}
