package dev.closeloop.ticket.usecase;

import dev.closeloop.delivery.usecase.RowSteps;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.ticket.writeback.Write;
import dev.closeloop.ticket.writeback.WriteJson;
import dev.closeloop.ticket.writeback.WriteOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the write-back dispatcher records about a helpdesk write once its outcome is known: done
 * (the row sent and the listener told, in one transaction), ended (gone: quietly; else dead with
 * the reason), counted in {@code closeloop_writeback_total}, and reported for job health.
 */
final class WriteBackLedger {
  private static final Logger log = LoggerFactory.getLogger(WriteBackLedger.class);

  private final Jdbi jdbi;
  private final WriteBackListener listener;
  private final MeterRegistry metrics;

  WriteBackLedger(Jdbi jdbi, WriteBackListener listener, MeterRegistry metrics) {
    this.jdbi = jdbi;
    this.listener = listener;
    this.metrics = metrics;
  }

  static Write read(OutboxRow row) {
    try {
      return WriteJson.read(row.payload());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Runs one row's step; an unexpected failure is logged and ends only that step. */
  static void isolated(OutboxRow row, Runnable step) {
    RowSteps.isolated("writeback", row, step);
  }

  /** The write happened: the row is sent, and the listener told, in one transaction. */
  void done(OutboxRow row, Write write, WriteOutcome.Done done, Instant now) {
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
  void end(OutboxRow row, Write write, WriteOutcome.Failure why, Instant now) {
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

  void count(String helpdesk, Write write, String outcome) {
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

  void report(String helpdesk, Write write, WriteOutcome outcome, Instant now) {
    try {
      listener.attempted(helpdesk, write, outcome, now);
    } catch (RuntimeException e) {
      log.warn("event=writeback_report_failed system={} error={}", helpdesk, e.toString());
    }
  }
}
