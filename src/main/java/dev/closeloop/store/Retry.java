package dev.closeloop.store;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a transaction again when it lost a race on a unique key or a lock (two requests for the same
 * ticket at once, two instances): the second run sees the first's row and answers "duplicate".
 */
public final class Retry {
  private Retry() {}

  public static <T> T onConflict(Supplier<T> tx) {
    JdbiException last = null;
    for (int i = 0; i < 5; i++) {
      try {
        return tx.get();
      } catch (JdbiException e) {
        if (!isConflict(e)) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  public static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        // 23505 unique violation; 40001 serialization failure; 40P01 deadlock; HYT00 lock timeout
        // (H2)
        if ("23505".equals(state)
            || "40001".equals(state)
            || "40P01".equals(state)
            || "HYT00".equals(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
