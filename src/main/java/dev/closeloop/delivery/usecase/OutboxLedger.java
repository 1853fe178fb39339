package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dispatcher writes about a row once its send has ended: sent, failed (retry or dead),
 * unconfirmed, or poison. Recording a send that the platform accepted is bookkeeping, kept apart
 * from the send: when it fails, the row stays in flight and the record is written again at the
 * start of each run ({@link #retryBookkeeping()}), never the message sent again. After {@code
 * maxAttempts} failed records the row is marked sent on its own, its listener's failure kept as its
 * last error; a restart in between finds the row in flight and reconciles it with the platform.
 */
final class OutboxLedger {
  private static final Logger log = LoggerFactory.getLogger(OutboxLedger.class);

  private final Jdbi jdbi;
  private final DeliveryListener listener;
  private final RetryPolicy retry;
  private final MeterRegistry metrics;

  /** Sends the platform accepted whose record failed, by row id. */
  private final Map<Long, Unrecorded> unrecorded = new ConcurrentHashMap<>();

  private record Unrecorded(OutboxRow row, MessageRef ref, Instant at, int tries) {}

  OutboxLedger(Jdbi jdbi, DeliveryListener listener, RetryPolicy retry, MeterRegistry metrics) {
    this.jdbi = jdbi;
    this.listener = listener;
    this.retry = retry;
    this.metrics = metrics;
  }

  /** The platform accepted the row's message. Never throws, never causes a resend. */
  void sent(OutboxRow row, MessageRef ref, Instant at) {
    count("sent", row);
    try {
      record(row, ref, at, null);
    } catch (RuntimeException e) {
      unrecorded.put(row.id(), new Unrecorded(row, ref, at, 1));
      log.error(
          "event=outbox_bookkeeping_failed id={} key={} error={} will=record_again_next_run resend=never",
          row.id(),
          row.msgKey(),
          e.toString(),
          e);
    }
  }

  /** True while the row's send is accepted but not recorded yet: it must not be reconciled. */
  boolean awaitingBookkeeping(long id) {
    return unrecorded.containsKey(id);
  }

  /** True while some send is accepted by its platform but not recorded yet. */
  boolean hasUnrecorded() {
    return !unrecorded.isEmpty();
  }

  /** Writes again the records that failed; gives up on the listener after maxAttempts. */
  void retryBookkeeping() {
    for (Unrecorded u : List.copyOf(unrecorded.values())) {
      OutboxRow row = u.row();
      try {
        record(row, u.ref(), u.at(), null);
        unrecorded.remove(row.id());
        log.info("event=outbox_bookkeeping_recovered id={} tries={}", row.id(), u.tries() + 1);
      } catch (RuntimeException e) {
        int tries = u.tries() + 1;
        unrecorded.put(row.id(), new Unrecorded(row, u.ref(), u.at(), tries));
        if (retry.giveUp(tries)) {
          recordWithoutListener(row, u, tries, e);
        } else {
          log.warn(
              "event=outbox_bookkeeping_failed id={} tries={} error={} will=record_again_next_run",
              row.id(),
              tries,
              e.toString());
        }
      }
    }
  }

  private void recordWithoutListener(OutboxRow row, Unrecorded u, int tries, RuntimeException e) {
    String note = "sent; bookkeeping failed " + tries + " times: " + e;
    try {
      jdbi.useTransaction(
          h ->
              new Outbox(h)
                  .markSent(
                      row.id(),
                      u.ref() == null ? null : u.ref().channelId(),
                      u.ref() == null ? null : u.ref().messageId(),
                      u.at(),
                      note));
      unrecorded.remove(row.id());
      log.error(
          "event=outbox_bookkeeping_abandoned id={} key={} purpose={} tries={} error={} will=keep_row_sent_without_its_follow_up",
          row.id(),
          row.msgKey(),
          row.purpose(),
          tries,
          e.toString());
    } catch (RuntimeException again) {
      log.warn(
          "event=outbox_bookkeeping_failed id={} tries={} error={} will=record_again_next_run",
          row.id(),
          tries,
          again.toString());
    }
  }

  private void record(OutboxRow row, MessageRef ref, Instant at, String note) {
    jdbi.useTransaction(
        h -> {
          boolean mine =
              new Outbox(h)
                  .markSent(
                      row.id(),
                      ref == null ? null : ref.channelId(),
                      ref == null ? null : ref.messageId(),
                      at,
                      note);
          if (mine) {
            listener.sent(h, row, ref, at);
          }
        });
    log.debug("event=outbox_sent id={} key={} purpose={}", row.id(), row.msgKey(), row.purpose());
  }

  /** A send that failed: retried with backoff, or dead after maxAttempts or a permanent refusal. */
  void failed(OutboxRow row, DeliveryException e, Instant now) {
    boolean permanent = e.kind() != DeliveryException.Kind.TRANSIENT;
    if (e.retryAfter() != null) {
      count("rate_limited", row);
    }
    if (permanent || retry.giveUp(row.attempts())) {
      dead(row, e, now);
      return;
    }
    Instant next = now.plus(retry.delay(row.attempts(), e.retryAfter()));
    jdbi.useTransaction(h -> new Outbox(h).retryLater(row.id(), next, e.getMessage()));
    count("retried", row);
    log.info(
        "event=outbox_retry id={} key={} attempts={} error={} will=retry_at {}",
        row.id(),
        row.msgKey(),
        row.attempts(),
        e.getMessage(),
        next);
    report(row, e, false, now);
  }

  /** A send with no answer: looked up on the platform before anything is sent again. */
  void unconfirmed(OutboxRow row, DeliveryException e, Instant now) {
    Instant check = now.plus(retry.delay(row.attempts(), null));
    String why = e.getMessage() + "; will look it up on the platform before any resend";
    jdbi.useTransaction(h -> new Outbox(h).unconfirmed(row.id(), check, why));
    count("unconfirmed", row);
    log.warn(
        "event=outbox_unconfirmed id={} key={} attempts={} error={} will=reconcile_at {}",
        row.id(),
        row.msgKey(),
        row.attempts(),
        e.getMessage(),
        check);
    report(row, e, false, now);
  }

  /** An unconfirmed row whose platform could not be asked: asked again later. */
  void recheckLater(OutboxRow row, String error, Instant now) {
    Instant next = now.plus(retry.delay(row.attempts(), null));
    jdbi.useTransaction(h -> new Outbox(h).recheckLater(row.id(), next, error));
  }

  /** A row left in flight by a crash that the platform does not have: sent again. */
  void released(OutboxRow row, Instant now) {
    jdbi.useTransaction(h -> new Outbox(h).release(row.id(), now));
  }

  /** A pending row whose preparation threw: tried again later, dead after maxAttempts. */
  void failedBeforeSend(OutboxRow row, RuntimeException e, Instant now) {
    int attempts = row.attempts() + 1;
    DeliveryException why = DeliveryException.transientFailure(e.toString(), e);
    if (retry.giveUp(attempts)) {
      dead(row, why, now);
      return;
    }
    Instant next = now.plus(retry.delay(attempts, null));
    jdbi.useTransaction(h -> new Outbox(h).failedBeforeSend(row.id(), next, e.toString()));
  }

  /** A row that can never be sent as it is (unreadable payload, unknown platform). */
  void poison(OutboxRow row, String reason, Instant now) {
    log.error(
        "event=outbox_poison id={} key={} reason={} will=dead_letter",
        row.id(),
        row.msgKey(),
        reason);
    dead(row, DeliveryException.permanent(DeliveryException.Kind.PERMANENT, reason), now);
  }

  private void dead(OutboxRow row, DeliveryException e, Instant now) {
    String reason = e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage();
    if (e.remedy() != null) {
      reason += " (" + e.remedy() + ")";
    }
    String stored = reason;
    try {
      jdbi.useTransaction(
          h -> {
            new Outbox(h).markDead(row.id(), stored);
            listener.dead(h, row, e.kind(), now);
          });
    } catch (RuntimeException listenerFailed) {
      // the row is dead-lettered even when what it stands for cannot be updated
      jdbi.useTransaction(
          h -> new Outbox(h).markDead(row.id(), stored + "; follow-up failed: " + listenerFailed));
      log.error(
          "event=outbox_dead_follow_up_failed id={} error={}",
          row.id(),
          listenerFailed.toString(),
          listenerFailed);
    }
    count("dead", row);
    log.warn(
        "event=outbox_dead id={} key={} purpose={} attempts={} kind={} error={} remedy={} will=keep_for_retry_via_admin",
        row.id(),
        row.msgKey(),
        row.purpose(),
        row.attempts(),
        e.kind(),
        e.getMessage(),
        e.remedy() == null ? "-" : "\"" + e.remedy() + "\"");
    report(row, e, true, now);
  }

  void count(String outcome, OutboxRow row) {
    if (metrics != null) {
      metrics
          .counter(
              "closeloop_outbox_total",
              "outcome",
              outcome,
              "platform",
              row.platform(),
              "purpose",
              row.purpose())
          .increment();
    }
  }

  private void report(OutboxRow row, DeliveryException e, boolean dead, Instant now) {
    try {
      listener.failed(row, e, dead, now);
    } catch (RuntimeException ignored) {
      log.warn("event=outbox_report_failed id={} error={}", row.id(), ignored.toString());
    }
  }
}
