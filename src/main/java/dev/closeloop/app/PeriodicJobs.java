package dev.closeloop.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.closeloop.store.JobTable;
import dev.closeloop.store.Settings;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.poll.CursorStore;
import dev.closeloop.ticket.poll.PollContext;
import dev.closeloop.ticket.poll.PollException;
import dev.closeloop.ticket.poll.PollSink;
import dev.closeloop.ticket.poll.Poller;
import dev.closeloop.ticket.poll.Pollers;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work, each job on its own: a db-scheduler recurring task per job (one instance at a
 * time runs it, cluster wide), or run by hand by tests and {@code tick}. Every run goes through
 * {@link JobHealth}: a job that throws is logged and shown on {@code /health} and never keeps
 * another from running.
 */
final class PeriodicJobs {
  private static final Logger log = LoggerFactory.getLogger(PeriodicJobs.class);

  private final App app;

  /** The scheduler's own table while it runs (in memory beside H2; see {@link JobTable}). */
  private JobTable jobTable;

  PeriodicJobs(App app) {
    this.app = app;
  }

  /**
   * Each periodic job is a db-scheduler task of its own (one instance at a time runs it, cluster
   * wide), run through {@link JobHealth}: a job that throws is logged and shown on {@code /health},
   * and never keeps another from running.
   */
  Scheduler startScheduler() {
    List<RecurringTask<Void>> tasks = new java.util.ArrayList<>();
    tasks.add(
        Tasks.recurring("outbox-dispatch", FixedDelay.ofMillis(300))
            .execute(
                (inst, ctx) ->
                    backToBack(
                        () -> app.jobs.run("outbox", () -> app.dispatcher.drain(OUTBOX_RUN, true)),
                        OUTBOX_RUN,
                        () -> ctx.getSchedulerState().isShuttingDown())));
    tasks.add(
        Tasks.recurring("writeback-dispatch", FixedDelay.ofSeconds(1))
            .execute(
                (inst, ctx) ->
                    app.jobs.run(
                        JobHealth.WRITEBACK,
                        () -> app.writeBack.dispatcher.drain(Duration.ofSeconds(20)))));
    tasks.add(task("survey-tick", FixedDelay.ofSeconds(1), "surveys"));
    tasks.add(task("reminders", FixedDelay.ofSeconds(5), "reminders"));
    tasks.add(task("digest", FixedDelay.ofSeconds(5), "digest"));
    tasks.add(task("weekly", FixedDelay.ofSeconds(5), "weekly"));
    tasks.add(task("purge", FixedDelay.ofSeconds(30), "purge"));
    for (Poller poller : pollers()) {
      tasks.add(
          Tasks.recurring("poll-" + poller.name(), FixedDelay.of(poller.every()))
              .execute((inst, ctx) -> poll(poller)));
    }
    jobTable = JobTable.of(app.db);
    Scheduler s =
        Scheduler.create(jobTable.dataSource())
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

  /** Stops the scheduler (its running jobs end first), then drops its in-memory table. */
  void stopScheduler(Scheduler s) {
    s.stop();
    if (jobTable != null) {
      jobTable.close();
      jobTable = null;
    }
  }

  /** How long one outbox run goes on before it ends and reports to {@code /health}. */
  static final Duration OUTBOX_RUN = Duration.ofSeconds(20);

  /**
   * Runs {@code run} again at once for as long as each run lasted its whole {@code budget} (rows
   * were still going out when it ended) and the scheduler is not shutting down: a backlog goes out
   * at the platforms' pace without the scheduler's pause between runs (its delay and polling
   * interval, about half a second every 20 s: time a rolling-window limit does not give back).
   * Returns how many runs it made.
   */
  static int backToBack(
      Runnable run, Duration budget, java.util.function.BooleanSupplier stopping) {
    int runs = 0;
    boolean wholeBudget;
    do {
      long start = System.nanoTime();
      run.run();
      runs++;
      wholeBudget = System.nanoTime() - start >= budget.toNanos();
    } while (wholeBudget && !stopping.getAsBoolean());
    return runs;
  }

  private RecurringTask<Void> task(String name, FixedDelay every, String job) {
    return Tasks.recurring(name, every).execute((inst, ctx) -> runJob(job));
  }

  /**
   * Runs one periodic job now, on its own: {@code surveys}, {@code reminders}, {@code digest},
   * {@code weekly} or {@code purge}. A failure is logged and shown on {@code /health}, never
   * thrown. Tests drive time with this (and {@link #tick()}, {@link #deliver()}).
   */
  void runJob(String job) {
    switch (job) {
      case "surveys" ->
          app.jobs.run(
              job,
              () -> {
                app.surveys.sendDue();
                app.deadlines.expireDue();
              });
      case "reminders" ->
          app.jobs.run(
              job,
              () -> {
                app.deadlines.remindDue();
                app.ownerReminders.remindOwners();
              });
      case "digest" -> app.jobs.run(job, "", () -> app.digests.tick().isPresent());
      case "weekly" ->
          app.jobs.run(job, "", () -> app.weekly.tick(app.digests.installedAt()).isPresent());
      case "purge" -> app.jobs.run(job, "", this::purgeDaily);
      default -> throw new IllegalArgumentException("no periodic job " + job);
    }
  }

  /**
   * Enforces retention.keep once a day. The day is marked done after the purge, so a purge that
   * fails is tried again on the next run. True when it purged.
   */
  private boolean purgeDaily() {
    String today = app.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    var jdbi = app.db.jdbi();
    if (today.equals(jdbi.withHandle(h -> new Settings(h).get("purge.lastDay").orElse(null)))) {
      return false;
    }
    app.retention.purge();
    jdbi.useTransaction(h -> new Settings(h).put("purge.lastDay", today));
    return true;
  }

  /** The helpdesk pollers configured (pollEvery and credentials set). */
  List<Poller> pollers() {
    var jdbi = app.db.jdbi();
    CursorStore cursors = name -> jdbi.withHandle(h -> new Settings(h).get("poll.cursor." + name));
    PollSink sink =
        (name, events, cursor) -> {
          for (TicketEvent e : events) {
            app.intake.accept(e); // idempotent: a page seen twice adds nothing
          }
          jdbi.useTransaction(h -> new Settings(h).put("poll.cursor." + name, cursor));
        };
    return Pollers.from(
        app.config.connectors(),
        PollContext.of(
            cursors, sink, app.config.timeouts().connect(), app.config.timeouts().helpdesk()));
  }

  /** One poll of one helpdesk; its outcome is the {@code pollers} job's, under its name. */
  private void poll(Poller poller) {
    app.jobs.run(
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
            app.jobs.failed("pollers", poller.name(), e.getMessage());
            return false;
          }
        });
  }

  /**
   * One pass of the time-driven work, each job on its own: surveys due (and expiries), reminders,
   * digest, weekly summary, purge. Tests drive time with this; the scheduler runs each job as a
   * task of its own.
   */
  void tick() {
    for (String job : List.of("surveys", "reminders", "digest", "weekly", "purge")) {
      runJob(job);
    }
  }

  /**
   * Sends everything due in the outbox now, chat messages then helpdesk writes (tests; the
   * scheduler does these every 300 and 500 ms).
   */
  int deliver() {
    int[] sent = {0};
    app.jobs.run(
        "outbox",
        "",
        () -> {
          sent[0] = app.dispatcher.drain(Duration.ofSeconds(30));
          return true;
        });
    app.jobs.run(JobHealth.WRITEBACK, () -> app.writeBack.dispatcher.drain(Duration.ofSeconds(30)));
    return sent[0];
  }
}
