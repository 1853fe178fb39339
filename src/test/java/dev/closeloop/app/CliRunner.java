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

  /** A verb's exit code and what it printed to stdout and stderr. */
  public record Captured(int code, String out, String err) {}

  /** Runs a verb with stdout and stderr captured (restored afterwards). */
  public static Captured captured(String... args) {
    java.io.PrintStream oldOut = System.out;
    java.io.PrintStream oldErr = System.err;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    var utf8 = java.nio.charset.StandardCharsets.UTF_8;
    System.setOut(new java.io.PrintStream(out, true, utf8));
    System.setErr(new java.io.PrintStream(err, true, utf8));
    try {
      return new Captured(Cli.execute(args), out.toString(utf8), err.toString(utf8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
