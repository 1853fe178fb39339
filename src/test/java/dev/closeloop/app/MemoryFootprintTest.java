package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The idle-heap watcher collects once when a burst is over, never during one, never again idle. */
class MemoryFootprintTest {
  private static final long MIB = 1 << 20;

  @Test
  void theFirstQuietIntervalAfterABurstCollectsOnce() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.collectNow(12, 400 * MIB)).as("a burst: frequent collections").isFalse();
    assertThat(idle.collectNow(1, 400 * MIB)).as("the burst is over").isTrue();
    assertThat(idle.collectNow(0, 300 * MIB)).as("still idle: once is enough").isFalse();
    assertThat(idle.collectNow(5, 300 * MIB)).isFalse();
    assertThat(idle.collectNow(0, 350 * MIB)).as("after the next burst").isTrue();
  }

  @Test
  void aHeapAlreadySmallIsLeftAlone() {
    MemoryFootprint.IdleHeap idle = new MemoryFootprint.IdleHeap();
    assertThat(idle.collectNow(0, 80 * MIB)).isFalse();
  }

  @Test
  void theStartCountsAsABurst() {
    assertThat(new MemoryFootprint.IdleHeap().collectNow(0, 200 * MIB)).isTrue();
  }
}
