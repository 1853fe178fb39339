package dev.closeloop.app;

/** Placeholder until the picocli commands land. */
final class Cli {
  private Cli() {}

  static int execute(String[] args) {
    return 0;
  }
}
