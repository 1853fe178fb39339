package dev.closeloop.archfixture.chat.slack;

import dev.closeloop.archfixture.store.FixtureStore;

/** Planted: a platform adapter that reads the store instead of only translating. */
public final class StoreTouchingAdapter {
  public static int unread() {
    return FixtureStore.count();
  }
}
