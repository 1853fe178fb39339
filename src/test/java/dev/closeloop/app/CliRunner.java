package dev.closeloop.app;

/**
 * Runs a CLI verb in-process, for tests outside this package (the CLI class is package-private).
 */
public final class CliRunner {
  private CliRunner() {}

  /** The exit code {@code java -jar closeloop.jar ARGS} would return. */
  public static int run(String... args) {
    return Cli.execute(args);
  }
}
