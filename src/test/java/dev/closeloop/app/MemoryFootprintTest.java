package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.closeloop.app.MemoryFootprint.Action;
import org.junit.jupiter.api.Test;

/**
 * The idle watcher gives memory back when a burst is over, never during one: a full collection
 * once (when the heap is large), the native trim then and every {@link MemoryFootprint#TRIM_EVERY}
 * quiet looks after.
 */
class MemoryFootprintTest {
  private static final long MIB = 1 << 20;
  private static final double BUSY = 0.9;
  private static final double IDLE = 0.04; // an idle app's periodic jobs

  @Test
  void theFirstQuietLookAfterABurstCollectsOnce() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(BUSY, 400 * MIB)).as("a burst").isEqualTo(Action.NOTHING);
    assertThat(idle.at(IDLE, 400 * MIB)).as("the burst is over").isEqualTo(Action.COLLECT_AND_TRIM);
    assertThat(idle.at(IDLE, 300 * MIB)).as("still idle: once is enough").isEqualTo(Action.NOTHING);
    assertThat(idle.at(0.5, 300 * MIB)).isEqualTo(Action.NOTHING);
    assertThat(idle.at(0.0, 350 * MIB)).as("after the next burst").isEqualTo(Action.COLLECT_AND_TRIM);
  }

  @Test
  void aSmallHeapIsNotCollectedButTheNativeHeapIsTrimmed() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(IDLE, 80 * MIB)).isEqualTo(Action.TRIM);
    assertThat(idle.at(IDLE, 80 * MIB)).isEqualTo(Action.NOTHING);
    assertThat(idle.at(BUSY, 80 * MIB)).isEqualTo(Action.NOTHING);
    assertThat(idle.at(IDLE, 80 * MIB)).as("after the next burst").isEqualTo(Action.TRIM);
  }

  @Test
  void whileQuietTheTrimComesAgainEveryFewLooksButTheCollectionDoesNot() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(IDLE, 200 * MIB)).isEqualTo(Action.COLLECT_AND_TRIM);
    StringBuilder looks = new StringBuilder();
    for (int i = 0; i < 2 * MemoryFootprint.TRIM_EVERY; i++) {
      looks.append(idle.at(IDLE, 200 * MIB) == Action.TRIM ? 'T' : '.');
    }
    String every = ".".repeat(MemoryFootprint.TRIM_EVERY - 1) + "T";
    assertThat(looks.toString()).isEqualTo(every + every);
  }

  @Test
  void theStartCountsAsABurst() {
    assertThat(new MemoryFootprint.IdleHeap().at(IDLE, 200 * MIB))
        .isEqualTo(Action.COLLECT_AND_TRIM);
  }

  /** The JVM this runs on (Linux, glibc, JDK 17.0.9 or later) really trims when asked. */
  @Test
  void theTrimReachesTheJvmsDiagnosticCommand() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "malloc_trim is glibc's");
    assertThat(MemoryFootprint.trimNativeHeap()).startsWith("Trim native heap: RSS+Swap:");
  }
}
