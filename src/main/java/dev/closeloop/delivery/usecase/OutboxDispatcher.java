package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.Pacer;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;

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
  private static final int BATCH = 500;

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
    if (!ledger.hasUnrecorded()
        && !jdbi.withHandle(h -> new Outbox(h).chatWorkAt(clock.instant()))) {
      return 0; // nothing due, in flight or unconfirmed: the run's queries would all be empty
    }
    ledger.retryBookkeeping();
    settleStranded();
    failUnconfigured();
    List<OutboxLane> lanes = new ArrayList<>();
    for (Map.Entry<PlatformId, ChatPlatform> e : platforms.entrySet()) {
      lanes.add(
          new OutboxLane(e.getKey(), e.getValue(), jdbi, pacer, ledger, clock, worker, threads));
    }
    LaneCrew crew = new LaneCrew(platforms.keySet());
    List<Future<Integer>> runs = new ArrayList<>();
    for (OutboxLane lane : lanes) {
      runs.add(threads.submit(() -> lane.run(end, waitForPacing, crew)));
    }
    return RowSteps.total("outbox", runs);
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
  static void isolated(OutboxRow row, Runnable step) {
    RowSteps.isolated("outbox", row, step);
  }
}
