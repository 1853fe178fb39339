package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.closeloop.app.MemoryFootprint.Action;
import org.junit.jupiter.api.Test;

/**
 * The idle watcher gives memory back when the process is quiet, never while it is busy: a full
 * collection when a burst made the heap grow, the native trim then, after a busy spell, and every
 * {@link MemoryFootprint#TRIM_EVERY} quiet looks.
 */
class MemoryFootprintTest {
  private static final long MIB = 1 << 20;
  private static final double BUSY = 0.9;
  private static final double IDLE = 0.04; // an idle app's periodic jobs

  @Test
  void aHeapABurstMadeGrowIsCollectedAtTheFirstQuietLookThenLeftAlone() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(BUSY, 400 * MIB)).as("busy").isEqualTo(Action.NOTHING);
    assertThat(idle.at(IDLE, 400 * MIB)).as("quiet").isEqualTo(Action.COLLECT_AND_TRIM);
    idle.collected(150 * MIB); // the live data is large: 150 MiB stay committed
    assertThat(idle.at(IDLE, 150 * MIB))
        .as("not again for the same data")
        .isEqualTo(Action.NOTHING);
    assertThat(idle.at(IDLE, 200 * MIB)).as("grown by a third").isEqualTo(Action.NOTHING);
    assertThat(idle.at(0.5, 300 * MIB)).as("busy").isEqualTo(Action.NOTHING);
    assertThat(idle.at(IDLE, 300 * MIB)).as("doubled").isEqualTo(Action.COLLECT_AND_TRIM);
  }

  /** A paced delivery run keeps the process quiet: its heap growth is caught all the same. */
  @Test
  void growthDuringAQuietSpellIsCollectedToo() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(IDLE, 60 * MIB)).as("small after the start").isEqualTo(Action.TRIM);
    assertThat(idle.at(IDLE, 90 * MIB)).isEqualTo(Action.NOTHING);
    assertThat(idle.at(IDLE, 250 * MIB)).isEqualTo(Action.COLLECT_AND_TRIM);
  }

  @Test
  void aSmallHeapIsNotCollectedButTheNativeHeapIsTrimmedAfterEachBusySpell() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(IDLE, 80 * MIB)).isEqualTo(Action.TRIM);
    assertThat(idle.at(IDLE, 80 * MIB)).isEqualTo(Action.NOTHING);
    assertThat(idle.at(BUSY, 80 * MIB)).isEqualTo(Action.NOTHING);
    assertThat(idle.at(IDLE, 80 * MIB)).as("after the next busy spell").isEqualTo(Action.TRIM);
  }

  @Test
  void whileQuietTheTrimComesAgainEveryFewLooksButTheCollectionDoesNot() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(IDLE, 200 * MIB)).isEqualTo(Action.COLLECT_AND_TRIM);
    idle.collected(70 * MIB);
    StringBuilder looks = new StringBuilder();
    for (int i = 0; i < 2 * MemoryFootprint.TRIM_EVERY; i++) {
      looks.append(idle.at(IDLE, 70 * MIB) == Action.TRIM ? 'T' : '.');
    }
    String every = ".".repeat(MemoryFootprint.TRIM_EVERY - 1) + "T";
    assertThat(looks.toString()).isEqualTo(every + every);
  }

  @Test
  void nothingIsDoneWhileBusy() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    for (int i = 0; i < 3 * MemoryFootprint.TRIM_EVERY; i++) {
      assertThat(idle.at(BUSY, 800 * MIB)).isEqualTo(Action.NOTHING);
    }
  }

  /** The JVM this runs on (Linux, glibc, JDK 17.0.9 or later) really trims when asked. */
  @Test
  void theTrimReachesTheJvmsDiagnosticCommand() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "malloc_trim is glibc's");
    assertThat(MemoryFootprint.trimNativeHeap()).startsWith("Trim native heap: RSS+Swap:");
  }
}
