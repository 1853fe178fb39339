package dev.closeloop.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code settings}: small durable facts (hash key, cursors, markers). */
public final class Settings {
  private final Handle h;

  public Settings(Handle h) {
    this.h = h;
  }

  public Optional<String> get(String name) {
    return h.createQuery("SELECT val FROM settings WHERE name = :n")
        .bind("n", name)
        .mapTo(String.class)
        .findOne();
  }

  public void put(String name, String value) {
    int n =
        h.createUpdate("UPDATE settings SET val = :v WHERE name = :n")
            .bind("n", name)
            .bind("v", value)
            .execute();
    if (n == 0) {
      h.createUpdate("INSERT INTO settings (name, val) VALUES (:n, :v)")
          .bind("n", name)
          .bind("v", value)
          .execute();
    }
  }

  /** Inserts only when absent; returns the value now stored. */
  public String putIfAbsent(String name, String value) {
    h.createUpdate(
            """
            INSERT INTO settings (name, val) SELECT :n, :v
            WHERE NOT EXISTS (SELECT 1 FROM settings WHERE name = :n)
            """)
        .bind("n", name)
        .bind("v", value)
        .execute();
    return get(name).orElseThrow();
  }
}
