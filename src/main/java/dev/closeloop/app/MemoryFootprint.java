package dev.closeloop.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
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
 * the app is never quite still (its periodic jobs allocate, so a young collection comes every few
 * seconds, and a young collection gives nothing back): 20 s after a 10,000-survey run the process
 * still held 377 MiB. So a small watcher looks every {@link #CHECK_SECONDS} s at the CPU the
 * process used since its last look and at the heap ({@link IdleHeap}): when quiet, it asks for one
 * full collection if a burst made the heap grow (G1 then shrinks it to {@code MaxHeapFreeRatio}),
 * and has the C library give back what was freed outside the heap ({@link #trimNativeHeap}) at
 * every quiet look, as the JIT compilers go on compiling the idle app's code for minutes after a
 * start. While the process is busy it stays out of the way.
 */
final class MemoryFootprint {
  private static final Logger log = LoggerFactory.getLogger(MemoryFootprint.class);
  static final long IDLE_GC_MILLIS = 15_000;

  private MemoryFootprint() {}

  /**
   * How often the watcher looks. A trim at every quiet look: what the C library keeps between two
   * looks is what a reading of the process's memory may land on (stop 30: rises of 15–20 MiB that
   * stood for up to the 10 s the looks were then apart).
   */
  static final long CHECK_SECONDS = 2;

  /**
   * A full collection at most every this many looks (10 s, as when the watcher looked every 10 s):
   * a paced delivery run keeps the process quiet while its heap grows back within seconds, and each
   * collection costs a pause.
   */
  static final int LOOKS_PER_COLLECTION = 5;

  static final long SLACK_BYTES = 96L << 20;

  /**
   * A look is busy when the process used at least this share of one core since the last one. Idle,
   * the app uses 3–5 % (its periodic jobs, and the JIT compiling them); a start 30 % and more.
   */
  static final double BUSY_CPU_SHARE = 0.2;

  /** What the watcher does at one look. */
  enum Action {
    NOTHING,
    /** Give the C heap's free memory back to the system. */
    TRIM,
    /** One full collection (G1 then shrinks the heap), then the trim. */
    COLLECT_AND_TRIM
  }

  /**
   * When to give memory back, at a quiet look (the process used less than {@link #BUSY_CPU_SHARE}
   * of a core since the last): a full collection when the heap is committed beyond {@link
   * #SLACK_BYTES} and half as much again as right after the last collection the watcher asked for —
   * a burst made it grow (after the start, the 10,000-survey run, an export); an app whose live
   * data is simply large is not collected over and over while idle (the heap's "used" figure cannot
   * tell: it counts the garbage the young generation holds until its next collection). The trim at
   * every quiet look: the JIT compilers go on compiling the idle app's code for minutes after a
   * start and leave about 1 MiB a second in the C library's free lists (a trim 8 s after the last
   * gave back 8–12 MiB); a trim costs a few milliseconds.
   */
  static final class IdleHeap {
    private long afterLastCollection;
    private int looksSinceCollection = LOOKS_PER_COLLECTION;

    /**
     * @param cpuShare CPU the process used since the last look, as a share of one core
     * @param committed the heap's committed bytes now
     */
    Action at(double cpuShare, long committed) {
      looksSinceCollection++;
      if (cpuShare >= BUSY_CPU_SHARE) {
        return Action.NOTHING;
      }
      if (looksSinceCollection >= LOOKS_PER_COLLECTION
          && committed > Math.max(SLACK_BYTES, afterLastCollection + afterLastCollection / 2)) {
        return Action.COLLECT_AND_TRIM;
      }
      return Action.TRIM;
    }

    /** The heap's committed bytes right after the collection it asked for. */
    void collected(long committed) {
      afterLastCollection = committed;
      looksSinceCollection = 0;
    }
  }

  /** Starts the idle watcher (a daemon thread; nothing to stop). */
  static void watchIdleHeap() {
    var heap = ManagementFactory.getMemoryMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    IdleHeap policy = new IdleHeap();
    long[] last = {os.getProcessCpuTime(), System.nanoTime()};
    var timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "closeloop-memory");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          long cpu = os.getProcessCpuTime();
          long now = System.nanoTime();
          double share = (cpu - last[0]) / (double) Math.max(1, now - last[1]);
          long committed = heap.getHeapMemoryUsage().getCommitted();
          Action action = policy.at(share, committed);
          if (action == Action.COLLECT_AND_TRIM) {
            System.gc();
            long after = heap.getHeapMemoryUsage().getCommitted();
            policy.collected(after);
            log.debug(
                "event=idle_heap_collect committed_mib={} after_mib={}",
                committed >> 20,
                after >> 20);
          }
          if (action != Action.NOTHING) {
            log.debug("event=idle_native_trim result={}", trimNativeHeap());
          }
          last[0] = os.getProcessCpuTime();
          last[1] = System.nanoTime();
        },
        CHECK_SECONDS,
        CHECK_SECONDS,
        java.util.concurrent.TimeUnit.SECONDS);
  }

  /**
   * Asks the C library to give its free memory back ({@code malloc_trim}, through the JVM's own
   * diagnostic command {@code System.trim_native_heap}, JDK 17.0.9+ on Linux with glibc). glibc
   * keeps what the JVM's threads freed — the JIT compilers allocate and free tens of MiB while a
   * burst's code is compiled — in its arenas for reuse; a trim after a burst gave back 20 MiB right
   * after start. Where the command does not exist or cannot trim it does nothing.
   *
   * @return the JVM's one-line report ("Trim native heap: RSS+Swap: 197M->178M (-19584K)"), or why
   *     nothing was done
   */
  static String trimNativeHeap() {
    try {
      Object report =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "systemTrimNativeHeap",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
      return String.valueOf(report).strip();
    } catch (JMException | RuntimeException e) {
      return "not available: " + e;
    }
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
      // Min before Max: each must stay within the other at every step (defaults 40 / 70). They
      // size the heap only at a full collection (the idle watcher's): 10 % headroom left 10 MiB
      // less resident after a 2,000-survey run than 20 % did (218-219 vs 229 MiB, two A/B pairs);
      // busy, G1 grows the heap by its GC-time goal (GCTimeRatio), not by these.
      setUnlessChosen(hotspot, "MinHeapFreeRatio", "5");
      setUnlessChosen(hotspot, "MaxHeapFreeRatio", "10");
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
