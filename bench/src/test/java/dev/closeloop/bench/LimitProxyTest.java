package dev.closeloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two ways LimitProxy counts "n per period", on explicit nanosecond times. */
class LimitProxyTest {
  private static final long S = 1_000_000_000L;

  @Test
  void rollingWindowGivesNoBurstCreditAfterAFullSecond() {
    LimitProxy.Window w = new LimitProxy.Window(10, 1);
    for (int i = 0; i < 10; i++) {
      assertThat(w.waitFor(0)).isZero();
      w.take(0);
    }
    assertThat(w.waitFor(S / 10)).isEqualTo(0.9);
    assertThat(w.remaining(S / 2)).isZero();
    assertThat(w.waitFor(S)).isZero();
    assertThat(w.remaining(S)).isEqualTo(10);
  }

  @Test
  void tokenBucketRefillsContinuouslyAfterItsBurst() {
    LimitProxy.Bucket b = new LimitProxy.Bucket(10, 10);
    long t0 = b.at;
    for (int i = 0; i < 10; i++) {
      assertThat(b.waitFor(t0)).isZero();
      b.take(t0);
    }
    assertThat(b.waitFor(t0)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    // 100 ms later a token is back: the window above would still refuse for 0.9 s
    assertThat(b.waitFor(t0 + S / 10)).isZero();
  }

  @Test
  void rollingWindowCountsRequestsSpreadOverThePeriod() {
    LimitProxy.Window w = new LimitProxy.Window(5, 5);
    for (int i = 0; i < 5; i++) {
      w.take(i * S);
    }
    assertThat(w.waitFor(4 * S + S / 2)).isEqualTo(0.5);
    assertThat(w.waitFor(5 * S)).isZero();
    w.take(5 * S);
    assertThat(w.waitFor(5 * S)).isEqualTo(1.0);
  }
}
