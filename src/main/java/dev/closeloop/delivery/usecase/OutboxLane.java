package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.delivery.Pacer;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform's sends in one run of the {@link OutboxDispatcher}: a few in flight at once, never
 * two for one conversation or survey, each started only when the {@link Pacer} allows it.
 */
final class OutboxLane {
  private static final Logger log = LoggerFactory.getLogger(OutboxLane.class);
  private static final int BATCH = 500;
  private static final long IDLE_POLL_MS = 200;
  private static final Duration PASS = Duration.ofSeconds(2);

  /** The shortest wait for a window to free a slot: below it, sleeping costs more than it saves. */
  private static final long MIN_WAIT_NANOS = 50_000;

  private final Jdbi jdbi;
  private final Pacer pacer;
  private final OutboxLedger ledger;
  private final Clock clock;
  private final String worker;
  private final ExecutorService threads;
  private final OutboxReconciler reconciler;
  private final PlatformId id;
  private final ChatPlatform platform;
  private final int slots;
  private final Semaphore free;

  /** Conversations and surveys with a send in flight. */
  private final Set<String> busy = ConcurrentHashMap.newKeySet();

  private final AtomicInteger sent = new AtomicInteger();

  /** The earliest time a row skipped by the pacer in the current pass may go. */
  private Instant pacedUntil;

  OutboxLane(
      PlatformId id,
      ChatPlatform platform,
      Jdbi jdbi,
      Pacer pacer,
      OutboxLedger ledger,
      Clock clock,
      String worker,
      ExecutorService threads) {
    this.id = id;
    this.platform = platform;
    this.jdbi = jdbi;
    this.pacer = pacer;
    this.ledger = ledger;
    this.clock = clock;
    this.worker = worker;
    this.threads = threads;
    this.reconciler = new OutboxReconciler(id, platform, jdbi, ledger, clock);
    this.slots = OutboxDispatcher.inFlight(id);
    this.free = new Semaphore(slots);
  }

  /**
   * Sends what is due until {@code end}; with {@code waitForPacing}, until the {@code crew} has
   * nothing left to do (see {@link LaneCrew}).
   */
  int run(long end, boolean waitForPacing, LaneCrew crew) throws InterruptedException {
    reconciler.reconcileAll();
    try {
      while (System.nanoTime() < end && !crew.over()) {
        pacedUntil = null;
        boolean wasBusy = free.availablePermits() < slots;
        int started = 0;
        // a pass works through one read of the due rows, but for PASS at most, so that rows
        // queued meanwhile (a reply in a conversation) are not stuck behind a long backlog
        long passEnd = Math.min(end, System.nanoTime() + PASS.toNanos());
        List<OutboxRow> rows =
            jdbi.withHandle(h -> new Outbox(h).due(id.wire(), clock.instant(), BATCH));
        if (!rows.isEmpty()) {
          crew.working(id); // until it finds nothing to do again (crew.idle below)
        }
        boolean[] done = new boolean[rows.size()];
        while (System.nanoTime() < passEnd) {
          // a sweep: rows whose kind (post, update, ...) is held by a platform-wide limit or a
          // 429 pause are skipped without being decoded; other kinds still go meanwhile
          Map<String, Instant> held = new java.util.HashMap<>();
          // conversations with a row held back in this sweep: their later rows wait too, even
          // if the send that held it ends meanwhile — a conversation's messages go in order
          java.util.Set<String> heldConversations = new java.util.HashSet<>();
          for (int i = 0; i < rows.size() && System.nanoTime() < passEnd; i++) {
            OutboxRow row = rows.get(i);
            if (done[i]) {
              continue;
            }
            if (held.containsKey(row.kind())) {
              if (row.surveyId() != null) {
                heldConversations.add(
                    OutboxTargets.surveyKey(row.surveyId())); // its later messages wait
              }
              continue;
            }
            Attempt a = startIsolated(row, heldConversations);
            if (a.platformWait() != null) {
              held.put(row.kind(), a.platformWait());
            }
            done[i] = a.settled();
            started += a.started() ? 1 : 0;
          }
          if (held.isEmpty()) {
            break; // what is left waits for its conversation: the next pass looks again
          }
          Instant next = java.util.Collections.min(held.values());
          // to the microsecond, not the millisecond below it: a window that frees a send slot
          // 0.9 ms from now would otherwise be looked at too early and slept on for 1 ms more,
          // and a rolling window never gives back time a send started late
          long waitNanos =
              Math.max(MIN_WAIT_NANOS, Duration.between(clock.instant(), next).toNanos());
          if (!waitForPacing || System.nanoTime() + waitNanos >= passEnd) {
            paced(next);
            break;
          }
          // wait for the platform once, then sweep the same rows again
          java.util.concurrent.TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
        if (started > 0) {
          continue;
        }
        long waitMs;
        if (free.availablePermits() < slots || wasBusy) {
          // a send in flight may free a row (an update waiting for its message): wait for it
          waitMs = 20;
        } else if (!waitForPacing) {
          break;
        } else if (pacedUntil != null) {
          waitMs =
              Math.min(1000, Math.max(1, Duration.between(clock.instant(), pacedUntil).toMillis()));
        } else if (crew.idle(id)) {
          waitMs = IDLE_POLL_MS; // idle, but the run goes on for another platform: look again
        } else {
          break;
        }
        if (System.nanoTime() + waitMs * 1_000_000 >= end) {
          break;
        }
        Thread.sleep(waitMs);
      }
    } finally {
      free.acquireUninterruptibly(slots); // every send of this run has ended
      free.release(slots);
      crew.idle(id);
    }
    return sent.get();
  }

  /** {@link #start}, with a failure of this one row settling only this row. */
  private Attempt startIsolated(OutboxRow row, java.util.Set<String> heldConversations)
      throws InterruptedException {
    try {
      return start(row, heldConversations);
    } catch (RuntimeException e) {
      log.error(
          "event=outbox_row_failed id={} key={} error={} will=retry_later",
          row.id(),
          row.msgKey(),
          e.toString(),
          e);
      OutboxDispatcher.isolated(row, () -> ledger.failedBeforeSend(row, e, clock.instant()));
      return Attempt.SETTLED;
    }
  }

  /** Starts the send of a row if it may go now; else says what holds it back. */
  private Attempt start(OutboxRow row, java.util.Set<String> heldConversations)
      throws InterruptedException {
    Instant now = clock.instant();
    Outgoing decoded;
    try {
      decoded = OutgoingCodec.decode(row.payload());
    } catch (IllegalArgumentException e) {
      ledger.poison(row, e.getMessage(), now);
      return Attempt.SETTLED;
    }
    Outgoing outgoing;
    try {
      outgoing = OutboxTargets.withTarget(jdbi, decoded, row);
    } catch (OutboxTargets.Gone e) {
      ledger.poison(row, e.getMessage(), now);
      return Attempt.SETTLED;
    }
    List<String> keys = OutboxTargets.busyKeys(row, outgoing);
    if (keys.stream().anyMatch(k -> busy.contains(k) || heldConversations.contains(k))) {
      heldConversations.addAll(keys);
      paced(now.plusMillis(20));
      return Attempt.HELD; // the conversation has a send in flight: this one goes after it
    }
    if (outgoing == null) {
      // an update of a message that is not sent yet: wait for it
      jdbi.useTransaction(
          h ->
              new Outbox(h)
                  .retryLater(row.id(), now.plusSeconds(1), "waiting for the message to update"));
      return Attempt.SETTLED;
    }
    Instant platformReady = pacer.platformReadyAt(id, outgoing, now);
    if (platformReady.isAfter(now)) {
      heldConversations.addAll(keys);
      return new Attempt(false, false, platformReady);
    }
    Instant ready = pacer.readyAt(id, outgoing, now);
    if (ready.isAfter(now)) {
      heldConversations.addAll(keys);
      paced(ready);
      return Attempt
          .HELD; // this conversation's limit: left as it is (no write), looked at again later
    }
    free.acquire();
    boolean handedOver = false;
    try {
      if (!jdbi.inTransaction(h -> new Outbox(h).claim(row.id(), worker, now))) {
        return Attempt.SETTLED; // another worker has it
      }
      pacer.took(id, outgoing, clock.instant());
      busy.addAll(keys);
      Outgoing send = outgoing;
      threads.execute(
          () -> {
            try {
              send(row, send);
            } finally {
              busy.removeAll(keys);
              free.release();
            }
          });
      handedOver = true;
      return Attempt.STARTED;
    } finally {
      if (!handedOver) {
        free.release();
      }
    }
  }

  /**
   * Sends a claimed row. Once the platform has accepted the message, nothing here sends it again:
   * recording it is the ledger's bookkeeping, retried as bookkeeping.
   */
  private void send(OutboxRow row, Outgoing outgoing) {
    OutboxRow claimed = row.withAttempt();
    MessageRef ref;
    try {
      ref = platform.send(outgoing);
    } catch (DeliveryException e) {
      settleFailure(claimed, e);
      return;
    } catch (RuntimeException e) {
      log.error(
          "event=outbox_send_error id={} key={} error={} will=reconcile_before_any_resend",
          row.id(),
          row.msgKey(),
          e.toString(),
          e);
      settleFailure(claimed, DeliveryException.noAnswer("send failed unexpectedly: " + e, e));
      return;
    }
    sent.incrementAndGet();
    ledger.sent(claimed, ref, clock.instant());
  }

  /** Records a failed send; if even that fails the row stays in flight, reconciled next run. */
  private void settleFailure(OutboxRow row, DeliveryException e) {
    Instant now = clock.instant();
    Duration asked = RetryPolicy.honoured(e.retryAfter());
    if (asked != null) {
      pacer.pause(id, now, now.plus(asked));
    }
    OutboxDispatcher.isolated(
        row,
        () -> {
          if (e.outcomeUnknown()) {
            ledger.unconfirmed(row, e, now);
          } else {
            ledger.failed(row, e, now);
          }
        });
  }

  private void paced(Instant until) {
    if (pacedUntil == null || until.isBefore(pacedUntil)) {
      pacedUntil = until;
    }
  }

  /**
   * What a lane's look at one row came to: a send started; the row {@code settled} for this pass
   * (started, failed, rescheduled or taken by another worker); or held back, by its conversation
   * or, with {@code platformWait}, by the platform as a whole until then.
   */
  private record Attempt(boolean started, boolean settled, Instant platformWait) {
    static final Attempt STARTED = new Attempt(true, true, null);
    static final Attempt SETTLED = new Attempt(false, true, null);
    static final Attempt HELD = new Attempt(false, false, null);
  }
}
