package dev.closeloop.app;

/** Entry point of {@code java -jar closeloop.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.execute(args));
  }
}
