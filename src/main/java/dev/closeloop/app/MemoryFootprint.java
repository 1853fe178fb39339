package dev.closeloop.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives memory back to the system once a burst of work is over. Without JVM options (the contract
 * runs {@code java -jar} bare), G1 sizes the heap for a quarter of the machine's memory and keeps
 * what a burst made it commit: after 10,000 surveys the process stayed at 800 MiB resident. G1's
 * <em>manageable</em> options can be set by the running program, so {@code run} sets, unless the
 * operator chose them on the command line: a periodic collection when the app has been idle for
 * {@link #IDLE_GC_MILLIS} (JEP 346: G1 then returns unused heap), and a tighter free-heap ratio so
 * that it keeps less headroom. Nothing else about the collector changes.
 *
 * <p>G1's periodic collection runs only when no collection at all happened for its interval, and
 * the app is never quite still (the scheduler's tick allocates, so young collections keep coming
 * now and then, and a young collection gives nothing back): 20 s after a 10,000-survey run the
 * process still held 377 MiB. So a small watcher checks every {@link #CHECK_SECONDS} s: when the
 * last interval saw at most one collection (the app is idle, not in a burst) after a burst and the
 * heap is committed beyond {@link #SLACK_BYTES}, it asks for one full collection, after which G1
 * shrinks the heap to {@code MaxHeapFreeRatio} ({@link IdleHeap}). During a burst collections are
 * frequent and it stays out of the way.
 */
final class MemoryFootprint {
  private static final Logger log = LoggerFactory.getLogger(MemoryFootprint.class);
  static final long IDLE_GC_MILLIS = 15_000;

  private MemoryFootprint() {}

  static final long CHECK_SECONDS = 10;
  static final long SLACK_BYTES = 96L << 20;

  /**
   * When to give memory back: after a burst (an interval with several collections, or the start),
   * the first interval with at most one collection, if the heap is committed beyond {@link
   * #SLACK_BYTES}; then not again until the next burst, so an app whose live data is simply large
   * is not collected over and over while idle. (The heap's "used" figure cannot tell: it counts the
   * garbage the young generation holds until its next collection.)
   */
  static final class IdleHeap {
    private boolean afterBurst = true;

    boolean collectNow(long collectionsInInterval, long committed) {
      if (collectionsInInterval >= 3) {
        afterBurst = true;
        return false;
      }
      if (afterBurst && collectionsInInterval <= 1 && committed > SLACK_BYTES) {
        afterBurst = false;
        return true;
      }
      return false;
    }
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .filter(n -> n > 0)
        .sum();
  }

  /** Starts the idle watcher (a daemon thread; nothing to stop). */
  static void watchIdleHeap() {
    var heap = ManagementFactory.getMemoryMXBean();
    IdleHeap policy = new IdleHeap();
    long[] last = {collections()};
    var timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "closeloop-memory");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          long now = collections();
          long committed = heap.getHeapMemoryUsage().getCommitted();
          if (policy.collectNow(now - last[0], committed)) {
            log.debug("event=idle_heap_collect committed_mib={}", committed >> 20);
            System.gc();
          }
          last[0] = collections();
        },
        CHECK_SECONDS,
        CHECK_SECONDS,
        java.util.concurrent.TimeUnit.SECONDS);
  }

  static void returnIdleMemory() {
    boolean g1 =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .anyMatch(n -> n.startsWith("G1"));
    if (!g1) {
      return;
    }
    try {
      HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      // Min before Max: each must stay within the other at every step (defaults 40 / 70)
      setUnlessChosen(hotspot, "MinHeapFreeRatio", "10");
      setUnlessChosen(hotspot, "MaxHeapFreeRatio", "20");
      setUnlessChosen(hotspot, "G1PeriodicGCInterval", Long.toString(IDLE_GC_MILLIS));
      watchIdleHeap();
    } catch (RuntimeException e) {
      log.debug("event=memory_tuning_skipped error={}", e.toString());
    }
  }

  private static void setUnlessChosen(
      HotSpotDiagnosticMXBean hotspot, String option, String value) {
    VMOption current = hotspot.getVMOption(option);
    if (current.getOrigin() == VMOption.Origin.DEFAULT && current.isWriteable()) {
      hotspot.setVMOption(option, value);
    }
  }
}
