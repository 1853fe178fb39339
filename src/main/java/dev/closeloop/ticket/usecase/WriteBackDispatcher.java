package dev.closeloop.ticket.usecase;

import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.delivery.usecase.RowSteps;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.ticket.writeback.HelpdeskWriter;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

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

  private static final int BATCH = 100;

  private final Jdbi jdbi;
  private final Map<String, HelpdeskWriter> writers;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final Map<String, WriteBackLane> lanes = new java.util.LinkedHashMap<>();
  private final WriteBackLedger ledger;
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
    this.clock = clock;
    this.metrics = metrics;
    this.ledger = new WriteBackLedger(jdbi, listener, metrics);
    writers.forEach(
        (name, writer) ->
            lanes.put(
                name,
                new WriteBackLane(name, writer, jdbi, ledger, retry, clock, worker, spacing)));
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
    if (!jdbi.withHandle(h -> new Outbox(h).writeBackWorkAt(clock.instant()))) {
      return 0; // nothing due, in flight or unconfirmed: the run's queries would all be empty
    }
    settleUnconfigured();
    List<Future<Integer>> runs = new ArrayList<>();
    for (WriteBackLane lane : lanes.values()) {
      runs.add(threads.submit(() -> lane.run(end)));
    }
    return RowSteps.total("writeback", runs);
  }

  /** Writes to a helpdesk whose write-back is no longer configured can never go: dead. */
  private void settleUnconfigured() {
    List<OutboxRow> rows =
        jdbi.withHandle(h -> new Outbox(h).writeBacksOutside(writers.keySet(), BATCH));
    for (OutboxRow row : rows) {
      WriteBackLedger.isolated(
          row,
          () ->
              ledger.end(
                  row,
                  WriteBackLedger.read(row),
                  new WriteOutcome.Rejected(
                      "write-back to "
                          + row.platform()
                          + " is not configured (connectors."
                          + row.platform()
                          + " API credentials)"),
                  clock.instant()));
    }
  }
}
