package dev.closeloop.archfixture.digest;

import dev.closeloop.archfixture.app.FixtureApp;

/** Planted: a feature class reaching up into the wiring. */
public final class AppReachingCore {
  public static String owner() {
    return FixtureApp.name();
  }
}
