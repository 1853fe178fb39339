package dev.closeloop.chat.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded memory of deliveries already taken (event ids, envelope ids), so that Slack's retries
 * and redeliveries are handled once. Old keys fall out first; a retry comes within minutes.
 */
final class RecentKeys {
  enum State {
    NEW,
    IN_PROGRESS,
    DONE
  }

  private final Map<String, State> keys;

  RecentKeys(int capacity) {
    this.keys =
        new LinkedHashMap<>(256, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Records {@code key} as in progress; tells what it was before (NEW: go ahead). */
  synchronized State begin(String key) {
    State before = keys.get(key);
    if (before == null) {
      keys.put(key, State.IN_PROGRESS);
      return State.NEW;
    }
    return before;
  }

  synchronized void done(String key) {
    keys.put(key, State.DONE);
  }

  /** The attempt failed: a redelivery may try again. */
  synchronized void forget(String key) {
    keys.remove(key);
  }

  /** True the first time {@code key} is seen (and marks it done). */
  synchronized boolean firstTime(String key) {
    if (keys.containsKey(key)) {
      return false;
    }
    keys.put(key, State.DONE);
    return true;
  }
}
