package dev.closeloop.archfixture.ticket.writeback;

import dev.closeloop.archfixture.store.FixtureStore;

/** Planted: a write-back client that reads the store. */
public final class StoreTouchingWriter {
  public static int pending() {
    return FixtureStore.count();
  }
}
