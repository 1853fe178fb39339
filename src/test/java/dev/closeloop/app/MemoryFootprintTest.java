package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.closeloop.app.MemoryFootprint.Action;
import org.junit.jupiter.api.Test;

/**
 * The idle watcher gives memory back when the process is quiet, never while it is busy: a full
 * collection when a burst made the heap grow, and the native trim at every quiet look.
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
    assertThat(idle.at(IDLE, 150 * MIB)).as("not again for the same data").isEqualTo(Action.TRIM);
    assertThat(idle.at(IDLE, 200 * MIB)).as("grown by a third").isEqualTo(Action.TRIM);
    assertThat(idle.at(0.5, 300 * MIB)).as("busy").isEqualTo(Action.NOTHING);
    assertThat(idle.at(IDLE, 300 * MIB)).as("doubled, 8 s on").isEqualTo(Action.TRIM);
    assertThat(idle.at(IDLE, 300 * MIB)).as("doubled, 10 s on").isEqualTo(Action.COLLECT_AND_TRIM);
  }

  /**
   * A paced run's heap grows back within seconds of each collection: the trim comes at every look
   * (2 s), the collection at most every fifth (10 s), not at every look.
   */
  @Test
  void theTrimComesAtEveryQuietLookTheCollectionAtMostEveryFifth() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    StringBuilder looks = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      Action a = idle.at(IDLE, 300 * MIB); // grown back again at every look
      if (a == Action.COLLECT_AND_TRIM) {
        idle.collected(70 * MIB);
      }
      looks.append(a == Action.COLLECT_AND_TRIM ? 'C' : a == Action.TRIM ? 'T' : '.');
    }
    assertThat(looks.toString()).isEqualTo("CTTTTCTTTTC");
    assertThat(MemoryFootprint.CHECK_SECONDS * MemoryFootprint.LOOKS_PER_COLLECTION).isEqualTo(10);
  }

  /** A paced delivery run keeps the process quiet: its heap growth is caught all the same. */
  @Test
  void growthDuringAQuietSpellIsCollectedToo() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(IDLE, 60 * MIB)).as("small after the start").isEqualTo(Action.TRIM);
    assertThat(idle.at(IDLE, 90 * MIB)).isEqualTo(Action.TRIM);
    assertThat(idle.at(IDLE, 250 * MIB)).isEqualTo(Action.COLLECT_AND_TRIM);
  }

  @Test
  void aSmallHeapIsNotCollectedButTheNativeHeapIsTrimmedAtEveryQuietLook() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    StringBuilder looks = new StringBuilder();
    for (double cpu : new double[] {IDLE, IDLE, IDLE, BUSY, BUSY, IDLE, IDLE}) {
      looks.append(
          switch (idle.at(cpu, 80 * MIB)) {
            case TRIM -> 'T';
            case NOTHING -> '.';
            case COLLECT_AND_TRIM -> 'C';
          });
    }
    assertThat(looks.toString()).isEqualTo("TTT..TT");
  }

  @Test
  void whileQuietTheCollectionComesOnceForAGrowthNotAtEveryLook() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.at(IDLE, 200 * MIB)).isEqualTo(Action.COLLECT_AND_TRIM);
    idle.collected(70 * MIB);
    for (int i = 0; i < 12; i++) {
      assertThat(idle.at(IDLE, 70 * MIB)).isEqualTo(Action.TRIM);
    }
  }

  @Test
  void nothingIsDoneWhileBusy() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    for (int i = 0; i < 12; i++) {
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
