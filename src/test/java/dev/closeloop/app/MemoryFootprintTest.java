package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The idle-heap watcher collects only when the app is idle and holds unused heap. */
class MemoryFootprintTest {
  private static final long MIB = 1 << 20;

  @Test
  void anIdleAppHoldingUnusedHeapIsCollected() {
    assertThat(MemoryFootprint.worthCollecting(0, 400 * MIB, 60 * MIB)).isTrue();
    assertThat(MemoryFootprint.worthCollecting(1, 400 * MIB, 60 * MIB)).isTrue();
  }

  @Test
  void aBusyAppIsLeftToTheCollectorItsPace() {
    assertThat(MemoryFootprint.worthCollecting(6, 400 * MIB, 60 * MIB)).isFalse();
  }

  @Test
  void aHeapAlreadyCloseToItsUseIsLeftAlone() {
    assertThat(MemoryFootprint.worthCollecting(0, 90 * MIB, 60 * MIB)).isFalse();
  }
}
