package dev.closeloop.app;

/** Entry point of {@code java -jar closeloop.jar}. */
public final class Main {
  /** Read by {@link LogSetup}: where the console appender writes. */
  static final String LOG_TARGET = "closeloop.log.target";

  private Main() {}

  public static void main(String[] args) {
    boolean run = args.length > 0 && args[0].equals("run");
    // before anything logs (logback reads this when it starts): a verb's stdout is its output,
    // for people and for pipes (`stats --json | jq`); its log lines go to stderr. `run` logs to
    // stdout as a service does.
    System.setProperty(LOG_TARGET, run ? "System.out" : "System.err");
    if (run) {
      Preloader.start();
    }
    System.exit(Cli.execute(args));
  }
}
