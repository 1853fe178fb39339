package dev.closeloop.delivery.usecase;

import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.ticket.writeback.HelpdeskWriter;
import dev.closeloop.ticket.writeback.LookUp;
import dev.closeloop.ticket.writeback.Write;
import dev.closeloop.ticket.writeback.WriteJson;
import dev.closeloop.ticket.writeback.WriteOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox's helpdesk writes ({@code kind = writeback}, {@code platform} = the
 * helpdesk). Each helpdesk has its own lane, so a slow or refusing helpdesk holds back no other,
 * and it runs apart from the chat dispatcher, so no helpdesk holds back a chat message. A lane
 * writes one at a time, evenly paced ({@code spacing} between writes), and a 429 pauses it for the
 * helpdesk's {@code Retry-After}.
 *
 * <p>Exactly once: a row is claimed (in flight) before its write and settled after it. A write that
 * may have reached the helpdesk without an answer we can trust (5xx, timeout, no answer) is {@code
 * unconfirmed}, and, like a row found in flight after a crash, it is {@link HelpdeskWriter#lookUp
 * looked up} by its marker before anything is written again: only "not written" allows the write.
 * Failing that look-up leaves the row to be looked up later, never written blindly.
 *
 * <p>Outcomes: done → sent; 404 → ended quietly (sent, the reason kept) with a log line; 401/403
 * and other refusals → dead at once with the reason; 429/5xx/timeouts → retried with backoff
 * ({@code delivery.backoff}, Retry-After wins) and dead after {@code delivery.maxAttempts}.
 */
public final class WriteBackDispatcher {
  /** The outbox {@code kind} of a helpdesk write. */
  public static final String KIND = "writeback";

  private static final Logger log = LoggerFactory.getLogger(WriteBackDispatcher.class);
  private static final int BATCH = 100;

  private final Jdbi jdbi;
  private final Map<String, HelpdeskWriter> writers;
  private final RetryPolicy retry;
  private final WriteBackListener listener;
  private final Clock clock;
  private final String worker;
  private final MeterRegistry metrics;
  private final Duration spacing;
  private final Map<String, Lane> lanes = new java.util.LinkedHashMap<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "closeloop-writeback");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param writers by helpdesk name, the value of the rows' {@code platform}
   * @param spacing the least time between two writes to one helpdesk
   */
  public WriteBackDispatcher(
      Jdbi jdbi,
      Map<String, HelpdeskWriter> writers,
      RetryPolicy retry,
      WriteBackListener listener,
      Clock clock,
      String worker,
      MeterRegistry metrics,
      Duration spacing) {
    this.jdbi = jdbi;
    this.writers = Map.copyOf(writers);
    this.retry = retry;
    this.listener = listener;
    this.clock = clock;
    this.worker = worker;
    this.metrics = metrics;
    this.spacing = spacing;
    writers.forEach((name, writer) -> lanes.put(name, new Lane(name, writer)));
    registerCounters();
  }

  /** Every helpdesk's series start at 0, so that a rate or an increase sees their first write. */
  private void registerCounters() {
    if (metrics == null) {
      return;
    }
    for (String helpdesk : writers.keySet()) {
      for (String kind : List.of("note", "followUp", "reopen", "request")) {
        for (String outcome : List.of("ok", "denied", "rejected", "failed")) {
          metrics.counter(
              "closeloop_writeback_total", "system", helpdesk, "kind", kind, "outcome", outcome);
        }
      }
    }
  }

  /**
   * Queues a helpdesk write as an outbox row, in the caller's transaction; true when added (a write
   * with the same key is added once).
   *
   * @param helpdesk the writer's {@link HelpdeskWriter#system() system}: the row's lane
   */
  public static boolean enqueue(
      Handle h, String helpdesk, Write write, Long surveyId, Instant now) {
    return new Outbox(h)
        .enqueue(
            new Outbox.New(
                write.key(), helpdesk, KIND, WriteJson.write(write), surveyId, write.kind(), now),
            now);
  }

  /**
   * Writes what is due until nothing due is left or {@code budget} (wall clock) has passed; a write
   * under way when the budget ends is finished first. Returns the writes done.
   */
  public synchronized int drain(Duration budget) {
    long end = System.nanoTime() + budget.toNanos();
    settleUnconfigured();
    List<Future<Integer>> runs = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      runs.add(threads.submit(() -> lane.run(end)));
    }
    int total = 0;
    for (Future<Integer> run : runs) {
      try {
        total += run.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        log.error("event=writeback_lane_failed error={}", e.getCause().toString(), e.getCause());
      }
    }
    return total;
  }

  /** Writes to a helpdesk whose write-back is no longer configured can never go: dead. */
  private void settleUnconfigured() {
    List<OutboxRow> rows =
        jdbi.withHandle(h -> new Outbox(h).writeBacksOutside(writers.keySet(), BATCH));
    for (OutboxRow row : rows) {
      isolated(
          row,
          () ->
              end(
                  row,
                  read(row),
                  new WriteOutcome.Rejected(
                      "write-back to "
                          + row.platform()
                          + " is not configured (connectors."
                          + row.platform()
                          + " API credentials)"),
                  clock.instant()));
    }
  }

  private static Write read(OutboxRow row) {
    try {
      return WriteJson.read(row.payload());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Runs one row's step; an unexpected failure is logged and ends only that step. */
  private static void isolated(OutboxRow row, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.error(
          "event=writeback_row_failed id={} key={} error={} will=look_again_next_run",
          row.id(),
          row.msgKey(),
          e.toString(),
          e);
    }
  }

  /** The write happened: the row is sent, and the listener told, in one transaction. */
  private void done(OutboxRow row, Write write, WriteOutcome.Done done, Instant now) {
    jdbi.useTransaction(
        h -> {
          String ref = done.id() == null || done.id().length() <= 64 ? done.id() : null;
          if (new Outbox(h).markSent(row.id(), null, ref, now, null)) {
            listener.done(h, row, write, done, now);
          }
        });
  }

  /**
   * The write ends without being written: a gone ticket quietly (the row counts as sent, its reason
   * kept); anything else dead, with the reason shown in /admin/outbox.
   */
  private void end(OutboxRow row, Write write, WriteOutcome.Failure why, Instant now) {
    String reason = why.label() + ": " + why.reason();
    jdbi.useTransaction(
        h -> {
          Outbox outbox = new Outbox(h);
          if (why instanceof WriteOutcome.Gone) {
            outbox.markSent(row.id(), null, null, now, reason);
          } else {
            outbox.markDead(row.id(), reason);
          }
          if (write != null) {
            listener.ended(h, row, write, why, now);
          }
        });
  }

  private void count(String helpdesk, Write write, String outcome) {
    if (metrics != null) {
      metrics
          .counter(
              "closeloop_writeback_total",
              "system",
              helpdesk,
              "kind",
              write == null ? "unknown" : write.kind(),
              "outcome",
              outcome)
          .increment();
    }
  }

  private void report(String helpdesk, Write write, WriteOutcome outcome, Instant now) {
    try {
      listener.attempted(helpdesk, write, outcome, now);
    } catch (RuntimeException e) {
      log.warn("event=writeback_report_failed system={} error={}", helpdesk, e.toString());
    }
  }

  /** One helpdesk's writes. */
  private final class Lane {
    private final String name;
    private final HelpdeskWriter writer;

    /** No write before this instant: the helpdesk's Retry-After, or the pacing. */
    private Instant pausedUntil = Instant.MIN;

    private long nextSlot = Long.MIN_VALUE;

    Lane(String name, HelpdeskWriter writer) {
      this.name = name;
      this.writer = writer;
    }

    int run(long end) throws InterruptedException {
      reconcile();
      int written = 0;
      while (System.nanoTime() < end && !paused()) {
        List<OutboxRow> rows =
            jdbi.withHandle(h -> new Outbox(h).due(name, clock.instant(), BATCH)).stream()
                .filter(r -> KIND.equals(r.kind()))
                .toList();
        if (rows.isEmpty()) {
          break;
        }
        for (OutboxRow row : rows) {
          if (paused() || !awaitSlot(end)) {
            return written;
          }
          boolean[] did = {false};
          isolated(row, () -> did[0] = attempt(row));
          written += did[0] ? 1 : 0;
        }
      }
      return written;
    }

    private boolean paused() {
      return clock.instant().isBefore(pausedUntil);
    }

    /** Waits for the next paced slot; false when it comes after {@code end}. */
    private boolean awaitSlot(long end) throws InterruptedException {
      long now = System.nanoTime();
      if (nextSlot > now) {
        if (nextSlot >= end) {
          return false;
        }
        Thread.sleep(Math.max(1, (nextSlot - now) / 1_000_000));
      }
      nextSlot = System.nanoTime() + spacing.toNanos();
      return true;
    }

    /** Writes one row if it is still pending; true when the helpdesk took it. */
    private boolean attempt(OutboxRow row) {
      Instant now = clock.instant();
      Write write = read(row);
      if (write == null) {
        log.error("event=writeback_poison id={} key={} will=dead_letter", row.id(), row.msgKey());
        end(row, null, new WriteOutcome.Rejected("unreadable write payload"), now);
        count(name, null, "rejected");
        return false;
      }
      if (!jdbi.inTransaction(h -> new Outbox(h).claim(row.id(), worker, now))) {
        return false; // another worker has it
      }
      OutboxRow claimed = row.withAttempt();
      WriteOutcome outcome;
      try {
        outcome = writer.write(write);
      } catch (RuntimeException e) {
        // the write may have gone out before it failed: looked up before any rewrite
        log.error(
            "event=writeback_error id={} system={} error={}", row.id(), name, e.toString(), e);
        outcome = new WriteOutcome.Retry("write failed unexpectedly: " + e, null);
      }
      settle(claimed, write, outcome);
      return outcome instanceof WriteOutcome.Done;
    }

    private void settle(OutboxRow row, Write write, WriteOutcome outcome) {
      Instant now = clock.instant();
      count(name, write, outcome.label());
      if (outcome instanceof WriteOutcome.Done d) {
        done(row, write, d, now);
        log.info(
            "event=writeback_done id={} system={} kind={} ticket={} result={} no_change={}",
            row.id(),
            name,
            write.kind(),
            write.ticket().id(),
            d.id(),
            d.noChange());
      } else if (outcome instanceof WriteOutcome.Retry r) {
        retryLater(row, write, r, now);
      } else {
        failed(row, write, (WriteOutcome.Failure) outcome, now);
      }
      report(name, write, outcome, now);
    }

    /** Gone, denied or rejected: the write ends now. */
    private void failed(OutboxRow row, Write write, WriteOutcome.Failure why, Instant now) {
      end(row, write, why, now);
      if (why instanceof WriteOutcome.Gone) {
        log.info(
            "event=writeback_gone id={} system={} kind={} ticket={} reason=\"{}\" will=drop",
            row.id(),
            name,
            write.kind(),
            write.ticket().id(),
            why.reason());
      } else {
        log.error(
            "event=writeback_{} id={} system={} kind={} ticket={} reason=\"{}\""
                + " will=dead_letter_retry_via_admin_once_fixed",
            why.label(),
            row.id(),
            name,
            write.kind(),
            write.ticket().id(),
            why.reason());
      }
    }

    /**
     * 429 (a Retry-After): the helpdesk did not take it, so it is tried again after the wait, and
     * the lane pauses as long. Anything else may have reached the helpdesk: unconfirmed, looked up
     * before the next attempt.
     */
    private void retryLater(OutboxRow row, Write write, WriteOutcome.Retry r, Instant now) {
      if (r.after() != null) {
        pausedUntil = now.plus(r.after());
        if (retry.giveUp(row.attempts())) {
          gaveUp(row, write, r.reason(), now);
          return;
        }
        Instant next = now.plus(retry.delay(row.attempts(), r.after()));
        jdbi.useTransaction(h -> new Outbox(h).retryLater(row.id(), next, r.reason()));
        log.info(
            "event=writeback_rate_limited id={} system={} attempts={} will=retry_at {}",
            row.id(),
            name,
            row.attempts(),
            next);
        return;
      }
      Instant check = now.plus(retry.delay(row.attempts(), null));
      jdbi.useTransaction(
          h ->
              new Outbox(h)
                  .unconfirmed(
                      row.id(),
                      check,
                      r.reason() + "; will look it up in the helpdesk before writing again"));
      log.warn(
          "event=writeback_retry id={} system={} kind={} attempts={} reason=\"{}\""
              + " will=look_up_then_retry_at {}",
          row.id(),
          name,
          write.kind(),
          row.attempts(),
          r.reason(),
          check);
    }

    private void gaveUp(OutboxRow row, Write write, String reason, Instant now) {
      String why = "gave up after " + row.attempts() + " attempts: " + reason;
      end(row, write, new WriteOutcome.Rejected(why), now);
      count(name, write, "failed");
      log.error(
          "event=writeback_gave_up id={} system={} kind={} attempts={} reason=\"{}\""
              + " will=dead_letter_retry_via_admin",
          row.id(),
          name,
          write.kind(),
          row.attempts(),
          reason);
    }

    /**
     * Rows whose outcome is not known, looked up before anything is written: left in flight by a
     * crash, and unconfirmed rows due to be checked.
     */
    private void reconcile() {
      Instant now = clock.instant();
      List<OutboxRow> rows =
          jdbi.withHandle(
              h -> {
                Outbox outbox = new Outbox(h);
                List<OutboxRow> all = new ArrayList<>(outbox.inflight(name, BATCH));
                all.addAll(outbox.unconfirmedDue(name, now, BATCH));
                return all;
              });
      for (OutboxRow row : rows) {
        if (KIND.equals(row.kind()) && !paused()) {
          isolated(row, () -> reconcile(row, now));
        }
      }
    }

    private void reconcile(OutboxRow row, Instant now) {
      Write write = read(row);
      if (write == null) {
        end(row, null, new WriteOutcome.Rejected("unreadable write payload"), now);
        return;
      }
      boolean unconfirmed = OutboxRow.UNCONFIRMED.equals(row.state());
      LookUp found = writer.lookUp(write);
      if (found instanceof LookUp.Written w) {
        count(name, write, "found");
        log.info(
            "event=writeback_reconciled id={} key={} outcome=already_written",
            row.id(),
            row.msgKey());
        done(row, write, w.done(), now);
        report(name, write, w.done(), now);
      } else if (found instanceof LookUp.NotWritten) {
        if (!unconfirmed) {
          log.info(
              "event=writeback_reconciled id={} key={} outcome=not_written will=write",
              row.id(),
              row.msgKey());
          jdbi.useTransaction(h -> new Outbox(h).release(row.id(), now));
        } else if (retry.giveUp(row.attempts())) {
          gaveUp(row, write, row.lastError(), now);
        } else {
          log.info(
              "event=writeback_reconciled id={} key={} outcome=not_written will=write_again",
              row.id(),
              row.msgKey());
          jdbi.useTransaction(h -> new Outbox(h).retryLater(row.id(), now, row.lastError()));
        }
      } else if (found instanceof LookUp.CannotTell c) {
        cannotTell(row, write, c.failure(), unconfirmed, now);
      }
    }

    private void cannotTell(
        OutboxRow row, Write write, WriteOutcome.Failure why, boolean unconfirmed, Instant now) {
      if (!(why instanceof WriteOutcome.Retry r)) {
        count(name, write, why.label());
        failed(row, write, why, now);
        report(name, write, why, now);
        return;
      }
      if (r.after() != null) {
        pausedUntil = now.plus(r.after());
      }
      Instant next = now.plus(retry.delay(Math.max(1, row.attempts()), r.after()));
      String error = "could not look it up: " + r.reason();
      jdbi.useTransaction(
          h -> {
            Outbox outbox = new Outbox(h);
            if (unconfirmed) {
              outbox.recheckLater(row.id(), next, error);
            } else {
              outbox.unconfirmed(row.id(), next, error);
            }
          });
      log.warn(
          "event=writeback_reconcile_failed id={} system={} reason=\"{}\" will=look_up_again_at {}",
          row.id(),
          name,
          r.reason(),
          next);
    }
  }
}
