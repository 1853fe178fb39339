package dev.closeloop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Plain JDBC for the statements every close at intake runs, on a Jdbi {@link Handle}'s connection.
 * Jdbi's per-statement set-up (a configuration copy, named-argument look-up, a statement context)
 * was about a sixth of the group-commit writer's time; and a statement prepared again for each
 * close is parsed again where the database does not cache it (H2 never caches a {@code SELECT … FOR
 * UPDATE}). On a handle that {@link #cacheStatements caches}, each statement is prepared once and
 * run again with new values (the group-commit writer's); on any other it is prepared and closed
 * around its one run. Values are bound as Jdbi binds them: text without U+0000 ({@code
 * Database.TextWithoutNul}), instants as {@link Timestamp}s, nulls typed.
 */
public final class Jdbc {
  private Jdbc() {}

  /** Binds a statement's values, positionally. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Binds one value's columns of a batch, positionally. */
  @FunctionalInterface
  public interface ValueBinder<T> {
    void bind(PreparedStatement ps, T value) throws SQLException;
  }

  /** Reads the current row. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** A statement that failed; a {@link JdbiException}, so {@link Retry} judges it as before. */
  public static final class Failed extends JdbiException {
    private static final long serialVersionUID = 1L;

    Failed(String sql, SQLException cause) {
      super(cause.getMessage() + " [statement: " + sql.strip() + "]", cause);
    }
  }

  /**
   * The statements a handle keeps prepared (none unless {@link #cacheStatements} was called on it).
   * Handle-level Jdbi configuration: a handle's copy is its own.
   */
  public static final class Statements implements JdbiConfig<Statements> {
    private Map<String, PreparedStatement> prepared;

    public Statements() {}

    private Statements(Statements other) {
      this.prepared = other.prepared;
    }

    @Override
    public Statements createCopy() {
      return new Statements(this);
    }
  }

  /**
   * From now on, statements run through this class on {@code h} stay prepared until {@link
   * #closeStatements}: for a handle that lives long and runs the same few statements (the
   * group-commit writer's).
   */
  public static void cacheStatements(Handle h) {
    Statements s = h.getConfig(Statements.class);
    if (s.prepared == null) {
      s.prepared = new HashMap<>();
    }
  }

  /** Closes the statements {@code h} kept prepared; later ones are prepared per run again. */
  public static void closeStatements(Handle h) {
    Statements s = h.getConfig(Statements.class);
    if (s.prepared == null) {
      return;
    }
    for (PreparedStatement ps : s.prepared.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        // closing the connection closes it anyway
      }
    }
    s.prepared = null;
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
  public static int update(Handle h, String sql, Binder binder) {
    return run(h, sql, false, binder, PreparedStatement::executeUpdate);
  }

  /**
   * Runs one statement for each value as one JDBC batch; the rows each run changed. For the rows a
   * caller adds together (a digest's pages): Jdbi's batch looked up every named argument of every
   * row again (by reflection over the row's record), a third of the time of adding a digest's 40
   * outbox rows.
   */
  public static <T> int[] batch(
      Handle h, String sql, java.util.List<T> values, ValueBinder<T> binder) {
    return run(
        h,
        sql,
        false,
        ps -> {},
        ps -> {
          for (T v : values) {
            binder.bind(ps, v);
            ps.addBatch();
          }
          return ps.executeBatch();
        });
  }

  /** Runs an INSERT and returns the {@code id} it generated. */
  public static long insertReturningId(Handle h, String sql, Binder binder) {
    return run(
        h,
        sql,
        true,
        binder,
        ps -> {
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
              throw new SQLException("no generated id");
            }
            return keys.getLong(1);
          }
        });
  }

  /** The first row of a query, read by {@code reader}; empty when it finds none. */
  public static <T> Optional<T> first(Handle h, String sql, Binder binder, Reader<T> reader) {
    return run(
        h,
        sql,
        false,
        binder,
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.<T>empty();
          }
        });
  }

  @FunctionalInterface
  private interface Execution<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  private static <T> T run(
      Handle h, String sql, boolean generatedId, Binder binder, Execution<T> execution) {
    Map<String, PreparedStatement> cache = h.getConfig(Statements.class).prepared;
    Connection c = h.getConnection();
    try {
      if (cache == null) {
        try (PreparedStatement ps = prepare(c, sql, generatedId)) {
          binder.bind(ps);
          return execution.run(ps);
        }
      }
      PreparedStatement ps = cache.get(sql);
      if (ps == null) {
        ps = prepare(c, sql, generatedId);
        cache.put(sql, ps);
      }
      binder.bind(ps);
      return execution.run(ps);
    } catch (SQLException e) {
      throw new Failed(sql, e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, boolean generatedId)
      throws SQLException {
    return generatedId ? c.prepareStatement(sql, new String[] {"id"}) : c.prepareStatement(sql);
  }

  /** Binds text as Jdbi does here: without U+0000, null as a typed null. */
  public static void text(PreparedStatement ps, int i, String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value.indexOf('\0') < 0 ? value : value.replace("\0", ""));
    }
  }

  /** Binds texts as {@link #text} does, at {@code first} and the places after it. */
  public static void texts(PreparedStatement ps, int first, String... values) throws SQLException {
    for (int k = 0; k < values.length; k++) {
      text(ps, first + k, values[k]);
    }
  }

  /** Binds a number as Jdbi does: null as a typed null. */
  public static void number(PreparedStatement ps, int i, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, value);
    }
  }

  /** Binds an instant as Jdbi does: a {@link Timestamp}, null as a typed null. */
  public static void instant(PreparedStatement ps, int i, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.TIMESTAMP);
    } else {
      ps.setTimestamp(i, Timestamp.from(value));
    }
  }
}
