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
 */
final class MemoryFootprint {
  private static final Logger log = LoggerFactory.getLogger(MemoryFootprint.class);
  static final long IDLE_GC_MILLIS = 15_000;

  private MemoryFootprint() {}

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
      setUnlessChosen(hotspot, "MaxHeapFreeRatio", "30");
      setUnlessChosen(hotspot, "G1PeriodicGCInterval", Long.toString(IDLE_GC_MILLIS));
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
