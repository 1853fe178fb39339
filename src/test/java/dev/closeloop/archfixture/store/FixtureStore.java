package dev.closeloop.archfixture.store;

/** Stands for the store. */
public final class FixtureStore {
  public static int count() {
    return 0;
  }
}
