package dev.closeloop.app;

/** Entry point of {@code java -jar closeloop.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("run")) {
      Preloader.start();
    }
    System.exit(Cli.execute(args));
  }
}
