package dev.closeloop.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and the percentiles the README reports. */
final class Stats {
  private long[] samples = new long[1024];
  private int n;

  /** Quantile → milliseconds when the samples are not ours (wrk reports percentiles only). */
  private java.util.NavigableMap<Double, Double> reported;

  /** Percentiles another tool measured: p50, p99, p99.9 and the maximum, in milliseconds. */
  static Stats reported(double p50, double p99, double p999, double max, int count) {
    Stats s = new Stats();
    s.reported =
        new java.util.TreeMap<>(java.util.Map.of(0.5, p50, 0.99, p99, 0.999, p999, 1.0, max));
    s.n = count;
    return s;
  }

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
    if (reported != null) {
      Double v = reported.get(q);
      return v == null ? Double.NaN : v;
    }
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
