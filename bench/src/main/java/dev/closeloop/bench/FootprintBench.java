package dev.closeloop.bench;

final class FootprintBench {
  static Object run(Bench.Args a) throws Exception {
    throw new UnsupportedOperationException();
  }
}
