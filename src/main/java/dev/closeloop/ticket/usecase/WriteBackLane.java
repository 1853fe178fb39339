package dev.closeloop.ticket.usecase;

import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.ticket.writeback.HelpdeskWriter;
import dev.closeloop.ticket.writeback.LookUp;
import dev.closeloop.ticket.writeback.Write;
import dev.closeloop.ticket.writeback.WriteOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One helpdesk's writes within the {@link WriteBackDispatcher}: rows whose outcome is unknown
 * looked up first, then the due rows written one at a time, evenly spaced, paused by a 429.
 */
final class WriteBackLane {
  private static final Logger log = LoggerFactory.getLogger(WriteBackLane.class);
  private static final int BATCH = 100;

  private final Jdbi jdbi;
  private final WriteBackLedger ledger;
  private final RetryPolicy retry;
  private final Clock clock;
  private final String worker;
  private final Duration spacing;
  private final String name;
  private final HelpdeskWriter writer;

  /** No write before this instant: the helpdesk's Retry-After, or the pacing. */
  private Instant pausedUntil = Instant.MIN;

  private long nextSlot = Long.MIN_VALUE;

  WriteBackLane(
      String name,
      HelpdeskWriter writer,
      Jdbi jdbi,
      WriteBackLedger ledger,
      RetryPolicy retry,
      Clock clock,
      String worker,
      Duration spacing) {
    this.name = name;
    this.writer = writer;
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.retry = retry;
    this.clock = clock;
    this.worker = worker;
    this.spacing = spacing;
  }

  int run(long end) throws InterruptedException {
    reconcile();
    int written = 0;
    while (System.nanoTime() < end && !paused()) {
      List<OutboxRow> rows =
          jdbi.withHandle(h -> new Outbox(h).due(name, clock.instant(), BATCH)).stream()
              .filter(r -> WriteBackDispatcher.KIND.equals(r.kind()))
              .toList();
      if (rows.isEmpty()) {
        break;
      }
      for (OutboxRow row : rows) {
        if (paused() || !awaitSlot(end)) {
          return written;
        }
        boolean[] did = {false};
        WriteBackLedger.isolated(row, () -> did[0] = attempt(row));
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
    Write write = WriteBackLedger.read(row);
    if (write == null) {
      log.error("event=writeback_poison id={} key={} will=dead_letter", row.id(), row.msgKey());
      ledger.end(row, null, new WriteOutcome.Rejected("unreadable write payload"), now);
      ledger.count(name, null, "rejected");
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
      log.error("event=writeback_error id={} system={} error={}", row.id(), name, e.toString(), e);
      outcome = new WriteOutcome.Retry("write failed unexpectedly: " + e, null);
    }
    settle(claimed, write, outcome);
    return outcome instanceof WriteOutcome.Done;
  }

  private void settle(OutboxRow row, Write write, WriteOutcome outcome) {
    Instant now = clock.instant();
    ledger.count(name, write, outcome.label());
    if (outcome instanceof WriteOutcome.Done d) {
      ledger.done(row, write, d, now);
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
    ledger.report(name, write, outcome, now);
  }

  /** Gone, denied or rejected: the write ends now. */
  private void failed(OutboxRow row, Write write, WriteOutcome.Failure why, Instant now) {
    ledger.end(row, write, why, now);
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
   * 429 (a Retry-After): the helpdesk did not take it, so it is tried again after the wait, and the
   * lane pauses as long. Anything else may have reached the helpdesk: unconfirmed, looked up before
   * the next attempt.
   */
  private void retryLater(OutboxRow row, Write write, WriteOutcome.Retry r, Instant now) {
    if (r.after() != null) {
      pausedUntil =
          now.plus(Objects.requireNonNullElse(RetryPolicy.honoured(r.after()), Duration.ZERO));
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
    ledger.end(row, write, new WriteOutcome.Rejected(why), now);
    ledger.count(name, write, "failed");
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
      if (WriteBackDispatcher.KIND.equals(row.kind()) && !paused()) {
        WriteBackLedger.isolated(row, () -> reconcile(row, now));
      }
    }
  }

  private void reconcile(OutboxRow row, Instant now) {
    Write write = WriteBackLedger.read(row);
    if (write == null) {
      ledger.end(row, null, new WriteOutcome.Rejected("unreadable write payload"), now);
      return;
    }
    boolean unconfirmed = OutboxRow.UNCONFIRMED.equals(row.state());
    LookUp found = writer.lookUp(write);
    if (found instanceof LookUp.Written w) {
      ledger.count(name, write, "found");
      log.info(
          "event=writeback_reconciled id={} key={} outcome=already_written",
          row.id(),
          row.msgKey());
      ledger.done(row, write, w.done(), now);
      ledger.report(name, write, w.done(), now);
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
      ledger.count(name, write, why.label());
      failed(row, write, why, now);
      ledger.report(name, write, why, now);
      return;
    }
    if (r.after() != null) {
      pausedUntil =
          now.plus(Objects.requireNonNullElse(RetryPolicy.honoured(r.after()), Duration.ZERO));
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
