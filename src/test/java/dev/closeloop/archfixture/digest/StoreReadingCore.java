package dev.closeloop.archfixture.digest;

import dev.closeloop.archfixture.store.FixtureStore;

/** Planted: a core class (feature root) reading the store instead of a use case doing it. */
public final class StoreReadingCore {
  public static int entries() {
    return FixtureStore.count();
  }
}
