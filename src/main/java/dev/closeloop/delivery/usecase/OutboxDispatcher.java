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
import dev.closeloop.store.Surveys;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows within the {@link Pacer}'s limits. A row is claimed (inflight) before the
 * send and marked sent after the platform accepted it; a row still inflight when a run starts was
 * interrupted by a crash and is reconciled with the platform before any resend, so each row creates
 * at most one platform message. A send that got no answer in time is {@code unconfirmed}: looked up
 * on the platform first too, never sent again blindly. Recording a send is bookkeeping kept apart
 * from the send ({@link OutboxLedger}): when it fails it is retried as bookkeeping. Runs are
 * exclusive cluster-wide (the scheduler runs one at a time) and a run ends only when all its sends
 * have ended (each bounded by the platform client's timeout).
 *
 * <p>Within a run each platform has its own lane, so a slow or paused platform never holds back
 * another, and a lane keeps a few sends in flight ({@link #inFlight}) so that the platform's rate,
 * not one request's round trip, is the pace. Two rows for the same conversation or the same survey
 * are never in flight together: they go out in the order they were queued. Every row is handled on
 * its own: one that cannot be read or routed is dead-lettered with the reason (a poison row), and
 * the others go on.
 */
public final class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 500;
  private static final long IDLE_POLL_MS = 200;
  private static final Duration PASS = Duration.ofSeconds(2);

  private final Jdbi jdbi;
  private final Map<PlatformId, ChatPlatform> platforms;
  private final Pacer pacer;
  private final OutboxLedger ledger;
  private final Clock clock;
  private final String worker;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "closeloop-outbox");
            t.setDaemon(true);
            return t;
          });

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
    this.pacer = pacer;
    this.ledger = new OutboxLedger(jdbi, listener, retry, metrics);
    this.clock = clock;
    this.worker = worker;
  }

  /**
   * Sends in flight at once on one platform: enough to cover a round trip at the platform's rate.
   */
  static int inFlight(PlatformId platform) {
    return switch (platform) {
      case SLACK -> 2;
      case DISCORD -> 4;
      case SANDBOX -> 1;
    };
  }

  /** Runs until nothing due is left or {@code budget} has passed (wall clock). */
  public int drain(Duration budget) {
    return drain(budget, false);
  }

  /**
   * Like {@link #drain(Duration)}; with {@code waitForPacing} it also waits (up to a second at a
   * time, within the budget) for rows held back only by the pacer, and a lane with nothing to do
   * looks again while another lane is still busy, so a backlog goes out at the platforms' pace
   * instead of in bursts between scheduler runs.
   */
  public synchronized int drain(Duration budget, boolean waitForPacing) {
    long end = System.nanoTime() + budget.toNanos();
    ledger.retryBookkeeping();
    settleStranded();
    failUnconfigured();
    List<Lane> lanes = new ArrayList<>();
    for (Map.Entry<PlatformId, ChatPlatform> e : platforms.entrySet()) {
      lanes.add(new Lane(e.getKey(), e.getValue()));
    }
    AtomicInteger busyLanes = new AtomicInteger(lanes.size());
    List<Future<Integer>> runs = new ArrayList<>();
    for (Lane lane : lanes) {
      runs.add(
          threads.submit(
              () -> {
                try {
                  return lane.run(end, waitForPacing, busyLanes);
                } finally {
                  busyLanes.decrementAndGet();
                }
              }));
    }
    int total = 0;
    for (Future<Integer> run : runs) {
      try {
        total += run.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        log.error("event=outbox_lane_failed error={}", e.getCause().toString(), e.getCause());
      }
    }
    return total;
  }

  /**
   * Rows for a platform no longer configured can never go: dead, so that they show in
   * /admin/outbox.
   */
  private void failUnconfigured() {
    List<String> wires = platforms.keySet().stream().map(PlatformId::wire).toList();
    Instant now = clock.instant();
    List<OutboxRow> stranded =
        jdbi.withHandle(
            h ->
                wires.isEmpty()
                    ? new Outbox(h).due(now, BATCH)
                    : new Outbox(h).dueOutside(wires, now, BATCH));
    for (OutboxRow row : stranded) {
      isolated(row, () -> ledger.failed(row, notConfigured(row), now));
    }
  }

  /**
   * Rows in flight or unconfirmed on a platform that is not configured (or that this version does
   * not know) cannot be looked up: dead, with the reason.
   */
  private void settleStranded() {
    List<String> wires = platforms.keySet().stream().map(PlatformId::wire).toList();
    Instant now = clock.instant();
    for (OutboxRow row : jdbi.withHandle(h -> new Outbox(h).unsettledOutside(wires, BATCH))) {
      if (ledger.awaitingBookkeeping(row.id())) {
        continue;
      }
      isolated(
          row,
          () -> {
            if (known(row.platform())) {
              ledger.failed(row, notConfigured(row), now);
            } else {
              ledger.poison(row, "unknown platform '" + row.platform() + "'", now);
            }
          });
    }
  }

  private static DeliveryException notConfigured(OutboxRow row) {
    return DeliveryException.permanent(
        DeliveryException.Kind.PERMANENT, row.platform() + " is not configured");
  }

  private static boolean known(String wire) {
    for (PlatformId p : PlatformId.values()) {
      if (p.wire().equals(wire)) {
        return true;
      }
    }
    return false;
  }

  /** Runs one row's step; an unexpected failure is logged with the row and ends only that step. */
  private static void isolated(OutboxRow row, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.error(
          "event=outbox_row_failed id={} key={} error={} will=look_again_next_run",
          row.id(),
          row.msgKey(),
          e.toString(),
          e);
    }
  }

  /** One platform's sends in one run. */
  private final class Lane {
    private final PlatformId id;
    private final ChatPlatform platform;
    private final int slots;
    private final Semaphore free;

    /** Conversations and surveys with a send in flight. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    private final AtomicInteger sent = new AtomicInteger();

    /** The earliest time a row skipped by the pacer in the current pass may go. */
    private Instant pacedUntil;

    Lane(PlatformId id, ChatPlatform platform) {
      this.id = id;
      this.platform = platform;
      this.slots = inFlight(id);
      this.free = new Semaphore(slots);
    }

    int run(long end, boolean waitForPacing, AtomicInteger busyLanes) throws InterruptedException {
      reconcile();
      try {
        while (System.nanoTime() < end) {
          pacedUntil = null;
          boolean wasBusy = free.availablePermits() < slots;
          int started = 0;
          // a pass works through one read of the due rows, but for PASS at most, so that rows
          // queued meanwhile (a reply in a conversation) are not stuck behind a long backlog
          long passEnd = Math.min(end, System.nanoTime() + PASS.toNanos());
          List<OutboxRow> rows =
              jdbi.withHandle(h -> new Outbox(h).due(id.wire(), clock.instant(), BATCH));
          boolean[] done = new boolean[rows.size()];
          while (System.nanoTime() < passEnd) {
            // a sweep: rows whose kind (post, update, ...) is held by a platform-wide limit or a
            // 429 pause are skipped without being decoded; other kinds still go meanwhile
            Map<String, Instant> held = new java.util.HashMap<>();
            for (int i = 0; i < rows.size() && System.nanoTime() < passEnd; i++) {
              OutboxRow row = rows.get(i);
              if (done[i] || held.containsKey(row.kind())) {
                continue;
              }
              Attempt a = startIsolated(row);
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
            long waitMs = Math.max(1, Duration.between(clock.instant(), next).toMillis());
            if (!waitForPacing || System.nanoTime() + waitMs * 1_000_000 >= passEnd) {
              paced(next);
              break;
            }
            Thread.sleep(waitMs); // wait for the platform once, then sweep the same rows again
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
                Math.min(
                    1000, Math.max(1, Duration.between(clock.instant(), pacedUntil).toMillis()));
          } else if (busyLanes.get() > 1) {
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
      }
      return sent.get();
    }

    /** {@link #start}, with a failure of this one row settling only this row. */
    private Attempt startIsolated(OutboxRow row) throws InterruptedException {
      try {
        return start(row);
      } catch (RuntimeException e) {
        log.error(
            "event=outbox_row_failed id={} key={} error={} will=retry_later",
            row.id(),
            row.msgKey(),
            e.toString(),
            e);
        isolated(row, () -> ledger.failedBeforeSend(row, e, clock.instant()));
        return Attempt.SETTLED;
      }
    }

    /** Starts the send of a row if it may go now; else says what holds it back. */
    private Attempt start(OutboxRow row) throws InterruptedException {
      Instant now = clock.instant();
      Outgoing decoded;
      try {
        decoded = OutgoingCodec.decode(row.payload());
      } catch (IllegalArgumentException e) {
        ledger.poison(row, e.getMessage(), now);
        return Attempt.SETTLED;
      }
      Outgoing outgoing = withTarget(decoded, row);
      List<String> keys = busyKeys(row, outgoing);
      if (keys.stream().anyMatch(busy::contains)) {
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
        return new Attempt(false, false, platformReady);
      }
      Instant ready = pacer.readyAt(id, outgoing, now);
      if (ready.isAfter(now)) {
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
      if (e.retryAfter() != null) {
        pacer.pause(id, now.plus(e.retryAfter()));
      }
      isolated(
          row,
          () -> {
            if (e.outcomeUnknown()) {
              ledger.unconfirmed(row, e, now);
            } else {
              ledger.failed(row, e, now);
            }
          });
    }

    /**
     * Before sending, this platform's rows whose outcome is not known are looked up on it: rows
     * left in flight by a crash, and unconfirmed rows (no answer in time) that are due.
     */
    private void reconcile() {
      Instant now = clock.instant();
      List<OutboxRow> rows =
          jdbi.withHandle(
              h -> {
                Outbox outbox = new Outbox(h);
                List<OutboxRow> all = new ArrayList<>(outbox.inflight(id.wire(), BATCH));
                all.addAll(outbox.unconfirmedDue(id.wire(), now, BATCH));
                return all;
              });
      for (OutboxRow row : rows) {
        if (!ledger.awaitingBookkeeping(row.id())) {
          isolated(row, () -> reconcile(row, now));
        }
      }
    }

    private void reconcile(OutboxRow row, Instant now) {
      Outgoing outgoing;
      try {
        outgoing = OutgoingCodec.decode(row.payload());
      } catch (IllegalArgumentException e) {
        ledger.poison(row, e.getMessage(), now);
        return;
      }
      boolean unconfirmed = OutboxRow.UNCONFIRMED.equals(row.state());
      Optional<MessageRef> found;
      try {
        found =
            outgoing instanceof Outgoing.Update ? Optional.empty() : platform.reconcile(outgoing);
      } catch (DeliveryException | RuntimeException e) {
        String error = e instanceof DeliveryException ? e.getMessage() : e.toString();
        log.warn(
            "event=outbox_reconcile_failed id={} key={} error={} will=retry_next_run",
            row.id(),
            row.msgKey(),
            error);
        if (unconfirmed) {
          ledger.recheckLater(row, "could not look it up: " + error, now);
        }
        return;
      }
      if (found.isPresent()) {
        log.info(
            "event=outbox_reconciled id={} key={} outcome=already_sent", row.id(), row.msgKey());
        ledger.sent(row, found.get(), now);
      } else if (unconfirmed) {
        log.info(
            "event=outbox_reconciled id={} key={} outcome=not_sent will=retry_as_a_failed_attempt",
            row.id(),
            row.msgKey());
        ledger.failed(
            row,
            DeliveryException.transientFailure("not delivered: " + row.lastError(), null),
            now);
      } else {
        log.info(
            "event=outbox_reconciled id={} key={} outcome=not_sent will=resend",
            row.id(),
            row.msgKey());
        ledger.released(row, now);
      }
    }

    private void paced(Instant until) {
      if (pacedUntil == null || until.isBefore(pacedUntil)) {
        pacedUntil = until;
      }
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

  /** What a send occupies: its conversation (user or channel) and its survey. */
  private static List<String> busyKeys(OutboxRow row, Outgoing o) {
    List<String> keys = new ArrayList<>(2);
    if (o instanceof Outgoing.DirectMessage d) {
      keys.add("user:" + d.userId());
    } else if (o instanceof Outgoing.ChannelPost p) {
      keys.add("channel:" + p.channelId());
    } else if (o instanceof Outgoing.Update u && u.target() != null) {
      keys.add("channel:" + u.target().channelId());
    } else if (o instanceof Outgoing.Image i) {
      keys.add("channel:" + i.channelId());
    }
    if (row.surveyId() != null) {
      keys.add("survey:" + row.surveyId());
    }
    return keys;
  }

  /**
   * Fills in the survey message as the target of an update that names none; null if not sent yet.
   */
  private Outgoing withTarget(Outgoing o, OutboxRow row) {
    if (o instanceof Outgoing.Update u && u.target() == null && row.surveyId() != null) {
      var survey = jdbi.withHandle(h -> new Surveys(h).find(row.surveyId())).orElse(null);
      if (survey == null || survey.messageId() == null) {
        return null;
      }
      return new Outgoing.Update(
          u.key(), new MessageRef(survey.messageChannel(), survey.messageId()), u.message());
    }
    return o;
  }
}
