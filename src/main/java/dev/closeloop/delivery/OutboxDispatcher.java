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
 * at most one platform message. Runs are exclusive cluster-wide (the scheduler runs one at a time)
 * and a run ends only when all its sends have ended.
 *
 * <p>Within a run each platform has its own lane, so a slow or paused platform never holds back
 * another, and a lane keeps a few sends in flight ({@link #inFlight}) so that the platform's rate,
 * not one request's round trip, is the pace. Two rows for the same conversation or the same survey
 * are never in flight together: they go out in the order they were queued.
 */
public final class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 500;
  private static final long IDLE_POLL_MS = 200;
  private static final Duration PASS = Duration.ofSeconds(2);

  private final Jdbi jdbi;
  private final Map<PlatformId, ChatPlatform> platforms;
  private final RetryPolicy retry;
  private final Pacer pacer;
  private final DeliveryListener listener;
  private final Clock clock;
  private final String worker;
  private final MeterRegistry metrics;
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
    this.retry = retry;
    this.pacer = pacer;
    this.listener = listener;
    this.clock = clock;
    this.worker = worker;
    this.metrics = metrics;
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
    reconcileInflight();
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
      fail(
          row,
          DeliveryException.permanent(
              DeliveryException.Kind.PERMANENT, row.platform() + " is not configured"),
          now);
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
              Attempt a = start(row);
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

    /** Starts the send of a row if it may go now; else says what holds it back. */
    private Attempt start(OutboxRow row) throws InterruptedException {
      Instant now = clock.instant();
      Outgoing outgoing;
      try {
        outgoing = withTarget(OutgoingCodec.decode(row.payload()), row);
      } catch (IllegalArgumentException e) {
        fail(
            row,
            DeliveryException.permanent(DeliveryException.Kind.PERMANENT, e.getMessage()),
            now);
        return Attempt.SETTLED;
      }
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

    private void send(OutboxRow row, Outgoing outgoing) {
      try {
        MessageRef ref = platform.send(outgoing);
        markSent(row, ref, clock.instant());
        count("sent", row);
        sent.incrementAndGet();
      } catch (DeliveryException e) {
        fail(row.withAttempt(), e, clock.instant());
      } catch (RuntimeException e) {
        log.error(
            "event=outbox_send_error id={} key={} error={}",
            row.id(),
            row.msgKey(),
            e.toString(),
            e);
        fail(
            row.withAttempt(),
            DeliveryException.transientFailure(e.toString(), e),
            clock.instant());
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
        Optional<MessageRef> found =
            outgoing instanceof Outgoing.Update ? Optional.empty() : platform.reconcile(outgoing);
        if (found.isPresent()) {
          log.info(
              "event=outbox_reconciled id={} key={} outcome=already_sent", row.id(), row.msgKey());
          markSent(row, found.get(), now);
        } else {
          log.info(
              "event=outbox_reconciled id={} key={} outcome=not_sent will=resend",
              row.id(),
              row.msgKey());
          jdbi.useTransaction(h -> new Outbox(h).release(row.id(), now));
        }
      } catch (DeliveryException e) {
        log.warn(
            "event=outbox_reconcile_failed id={} error={} will=retry_next_run",
            row.id(),
            e.getMessage());
      } catch (RuntimeException e) {
        log.warn(
            "event=outbox_reconcile_failed id={} error={} will=retry_next_run",
            row.id(),
            e.toString());
      }
    }
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

  private void markSent(OutboxRow row, MessageRef ref, Instant now) {
    jdbi.useTransaction(
        h -> {
          new Outbox(h)
              .markSent(
                  row.id(),
                  ref == null ? null : ref.channelId(),
                  ref == null ? null : ref.messageId(),
                  now);
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
      jdbi.useTransaction(
          h -> {
            new Outbox(h).markDead(row.id(), e.kind().name().toLowerCase() + ": " + e.getMessage());
            listener.dead(h, row, e.kind(), now);
          });
      count("dead", row);
      log.warn(
          "event=outbox_dead id={} key={} purpose={} attempts={} kind={} error={} will=keep_for_retry_via_admin",
          row.id(),
          row.msgKey(),
          row.purpose(),
          row.attempts(),
          e.kind(),
          e.getMessage());
      return;
    }
    Duration wait = retry.delay(row.attempts(), e.retryAfter());
    Instant next = now.plus(wait);
    jdbi.useTransaction(h -> new Outbox(h).retryLater(row.id(), next, e.getMessage()));
    count("retried", row);
    log.info(
        "event=outbox_retry id={} key={} attempts={} error={} will=retry_at {}",
        row.id(),
        row.msgKey(),
        row.attempts(),
        e.getMessage(),
        next);
  }

  private void count(String outcome, OutboxRow row) {
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
}
