package dev.closeloop.delivery.usecase;

import dev.closeloop.store.OutboxRow;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the chat outbox and the helpdesk write-back share: one row's unexpected failure ends only
 * that row's step, and the lanes of a run add up their counts, a failed lane logged, not fatal.
 */
public final class RowSteps {
  private static final Logger log = LoggerFactory.getLogger(RowSteps.class);

  private RowSteps() {}

  /**
   * Runs one row's step; an unexpected failure is logged as {@code event=<what>_row_failed} with
   * the row and ends only that step.
   */
  public static void isolated(String what, OutboxRow row, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.error(
          "event={}_row_failed id={} key={} error={} will=look_again_next_run",
          what,
          row.id(),
          row.msgKey(),
          e.toString(),
          e);
    }
  }

  /**
   * The sum of what each lane's run returned; a lane that failed is logged as {@code
   * event=<what>_lane_failed} and counts nothing.
   */
  public static int total(String what, List<Future<Integer>> runs) {
    int total = 0;
    for (Future<Integer> run : runs) {
      try {
        total += run.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        log.error("event={}_lane_failed error={}", what, e.getCause().toString(), e.getCause());
      }
    }
    return total;
  }
}
