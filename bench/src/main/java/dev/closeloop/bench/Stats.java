package dev.closeloop.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and the percentiles the README reports. */
final class Stats {
  private long[] samples = new long[1024];
  private int n;

  synchronized void add(long nanos) {
    if (n == samples.length) {
      samples = Arrays.copyOf(samples, n * 2);
    }
    samples[n++] = nanos;
  }

  synchronized int count() {
    return n;
  }

  /** The q-quantile (0..1) in milliseconds, nearest rank. */
  synchronized double pMillis(double q) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] s = Arrays.copyOf(samples, n);
    Arrays.sort(s);
    int rank = (int) Math.ceil(q * n) - 1;
    return s[Math.max(0, Math.min(n - 1, rank))] / 1e6;
  }

  String summary() {
    return String.format(
        "p50=%.2fms p99=%.2fms p999=%.2fms max=%.2fms",
        pMillis(0.5), pMillis(0.99), pMillis(0.999), pMillis(1.0));
  }
}
