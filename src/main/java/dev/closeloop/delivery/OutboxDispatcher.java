package dev.closeloop.delivery;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.Surveys;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows, one at a time, within the {@link Pacer}'s limits. A row is claimed
 * (inflight) before the send and marked sent after the platform accepted it; a row still inflight
 * when a run starts was interrupted by a crash and is reconciled with the platform before any
 * resend, so each row creates at most one platform message. Runs are exclusive cluster-wide (the
 * scheduler runs one at a time).
 */
public final class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 500;

  private final Jdbi jdbi;
  private final Map<PlatformId, ChatPlatform> platforms;
  private final RetryPolicy retry;
  private final Pacer pacer;
  private final DeliveryListener listener;
  private final Clock clock;
  private final String worker;
  private final MeterRegistry metrics;

  public OutboxDispatcher(
      Jdbi jdbi,
      Map<PlatformId, ChatPlatform> platforms,
      RetryPolicy retry,
      Pacer pacer,
      DeliveryListener listener,
      Clock clock,
      String worker,
      MeterRegistry metrics) {
    this.jdbi = jdbi;
    this.platforms = Map.copyOf(platforms);
    this.retry = retry;
    this.pacer = pacer;
    this.listener = listener;
    this.clock = clock;
    this.worker = worker;
    this.metrics = metrics;
  }

  /** Reconciles interrupted rows, then sends what is due and ready. Returns the rows sent. */
  public synchronized int runOnce() {
    reconcileInflight();
    int sent = 0;
    Instant now = clock.instant();
    List<OutboxRow> due = jdbi.withHandle(h -> new Outbox(h).due(now, BATCH));
    for (OutboxRow row : due) {
      if (attempt(row)) {
        sent++;
      }
    }
    return sent;
  }

  /** Runs until nothing due is left or {@code budget} has passed (wall clock). */
  public int drain(Duration budget) {
    return drain(budget, false);
  }

  /**
   * Like {@link #drain(Duration)}; with {@code waitForPacing} it also waits (up to a second at a
   * time, within the budget) for rows held back only by the pacer, so a backlog goes out at the
   * platform's pace instead of in bursts between scheduler runs.
   */
  public int drain(Duration budget, boolean waitForPacing) {
    long end = System.nanoTime() + budget.toNanos();
    int total = 0;
    while (System.nanoTime() < end) {
      pacedUntil = null;
      int n = runOnce();
      total += n;
      if (n > 0) {
        continue;
      }
      if (!waitForPacing || pacedUntil == null) {
        break;
      }
      long waitMs = Math.min(1000, Math.max(1, Duration.between(clock.instant(), pacedUntil).toMillis()));
      if (System.nanoTime() + waitMs * 1_000_000 >= end) {
        break;
      }
      try {
        Thread.sleep(waitMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return total;
  }

  /** The earliest time a row skipped by the pacer in the current run may go. */
  private Instant pacedUntil;

  private void reconcileInflight() {
    List<OutboxRow> inflight = jdbi.withHandle(h -> new Outbox(h).inflight());
    for (OutboxRow row : inflight) {
      ChatPlatform platform = platforms.get(PlatformId.fromWire(row.platform()));
      Instant now = clock.instant();
      if (platform == null) {
        jdbi.useTransaction(h -> new Outbox(h).retryLater(row.id(), now, "platform not connected"));
        continue;
      }
      Outgoing outgoing = OutgoingCodec.decode(row.payload());
      try {
        Optional<MessageRef> found = outgoing instanceof Outgoing.Update ? Optional.empty() : platform.reconcile(outgoing);
        if (found.isPresent()) {
          log.info("event=outbox_reconciled id={} key={} outcome=already_sent", row.id(), row.msgKey());
          markSent(row, found.get(), now);
        } else {
          log.info("event=outbox_reconciled id={} key={} outcome=not_sent will=resend", row.id(), row.msgKey());
          jdbi.useTransaction(h -> new Outbox(h).release(row.id(), now));
        }
      } catch (DeliveryException e) {
        log.warn("event=outbox_reconcile_failed id={} error={} will=retry_next_run", row.id(), e.getMessage());
      } catch (RuntimeException e) {
        log.warn("event=outbox_reconcile_failed id={} error={} will=retry_next_run", row.id(), e.toString());
      }
    }
  }

  private boolean attempt(OutboxRow row) {
    PlatformId platformId = PlatformId.fromWire(row.platform());
    ChatPlatform platform = platforms.get(platformId);
    Instant now = clock.instant();
    if (platform == null) {
      fail(row, DeliveryException.permanent(DeliveryException.Kind.PERMANENT, row.platform() + " is not configured"), now);
      return false;
    }
    Outgoing outgoing;
    try {
      outgoing = withTarget(OutgoingCodec.decode(row.payload()), row);
    } catch (IllegalArgumentException e) {
      fail(row, DeliveryException.permanent(DeliveryException.Kind.PERMANENT, e.getMessage()), now);
      return false;
    }
    if (outgoing == null) {
      // an update of a message that is not sent yet: wait for it
      jdbi.useTransaction(h -> new Outbox(h).retryLater(row.id(), now.plusSeconds(1), "waiting for the message to update"));
      return false;
    }
    Instant ready = pacer.readyAt(platformId, outgoing, now);
    if (ready.isAfter(now)) {
      if (pacedUntil == null || ready.isBefore(pacedUntil)) {
        pacedUntil = ready;
      }
      return false; // paced: left as it is (no write), looked at again on the next run
    }
    if (!jdbi.inTransaction(h -> new Outbox(h).claim(row.id(), worker, now))) {
      return false;
    }
    pacer.took(platformId, outgoing, now);
    try {
      MessageRef ref = platform.send(outgoing);
      markSent(row, ref, clock.instant());
      count("sent", row);
      return true;
    } catch (DeliveryException e) {
      fail(row.withAttempt(), e, clock.instant());
      return false;
    } catch (RuntimeException e) {
      log.error("event=outbox_send_error id={} key={} error={}", row.id(), row.msgKey(), e.toString(), e);
      fail(row.withAttempt(), DeliveryException.transientFailure(e.toString(), e), clock.instant());
      return false;
    }
  }

  /** Fills in the survey message as the target of an update that names none; null if not sent yet. */
  private Outgoing withTarget(Outgoing o, OutboxRow row) {
    if (o instanceof Outgoing.Update u && u.target() == null && row.surveyId() != null) {
      var survey = jdbi.withHandle(h -> new Surveys(h).find(row.surveyId())).orElse(null);
      if (survey == null || survey.messageId() == null) {
        return null;
      }
      return new Outgoing.Update(u.key(), new MessageRef(survey.messageChannel(), survey.messageId()), u.message());
    }
    return o;
  }

  private void markSent(OutboxRow row, MessageRef ref, Instant now) {
    jdbi.useTransaction(h -> {
      new Outbox(h).markSent(row.id(), ref == null ? null : ref.channelId(), ref == null ? null : ref.messageId(), now);
      listener.sent(h, row, ref, now);
    });
    log.debug("event=outbox_sent id={} key={} purpose={}", row.id(), row.msgKey(), row.purpose());
  }

  private void fail(OutboxRow row, DeliveryException e, Instant now) {
    boolean permanent = e.kind() != DeliveryException.Kind.TRANSIENT;
    if (e.retryAfter() != null) {
      pacer.pause(PlatformId.fromWire(row.platform()), now.plus(e.retryAfter()));
      count("rate_limited", row);
    }
    if (permanent || retry.giveUp(row.attempts())) {
      jdbi.useTransaction(h -> {
        new Outbox(h).markDead(row.id(), e.kind().name().toLowerCase() + ": " + e.getMessage());
        listener.dead(h, row, e.kind(), now);
      });
      count("dead", row);
      log.warn("event=outbox_dead id={} key={} purpose={} attempts={} kind={} error={} will=keep_for_retry_via_admin",
          row.id(), row.msgKey(), row.purpose(), row.attempts(), e.kind(), e.getMessage());
      return;
    }
    Duration wait = retry.delay(row.attempts(), e.retryAfter());
    Instant next = now.plus(wait);
    jdbi.useTransaction(h -> new Outbox(h).retryLater(row.id(), next, e.getMessage()));
    count("retried", row);
    log.info("event=outbox_retry id={} key={} attempts={} error={} will=retry_at {}",
        row.id(), row.msgKey(), row.attempts(), e.getMessage(), next);
  }

  private void count(String outcome, OutboxRow row) {
    if (metrics != null) {
      metrics.counter("closeloop_outbox_total", "outcome", outcome, "platform", row.platform()).increment();
    }
  }
}
