package dev.closeloop.archfixture.app;

/** Stands for the wiring. */
public final class FixtureApp {
  public static String name() {
    return "app";
  }
}
