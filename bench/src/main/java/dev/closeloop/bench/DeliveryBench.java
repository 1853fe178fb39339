package dev.closeloop.bench;

final class DeliveryBench {
  static Object run(Bench.Args a) throws Exception {
    throw new UnsupportedOperationException();
  }
}
