package dev.closeloop.store;

import static java.util.stream.Collectors.joining;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Where the job scheduler (db-scheduler) keeps its {@code scheduled_tasks} table.
 *
 * <p>On PostgreSQL it is the store's own table: several instances share it, and it is what lets one
 * instance at a time run each job. On H2 only one process can open the store, the table holds
 * nothing but when each periodic job runs next (the jobs are created again at every start, and all
 * their work is in the store's own tables), so it lives in an in-memory database of its own. Every
 * run of a job is two scheduler commits (picked, done); in the H2 file, each of those wrote a chunk
 * to disk — a dozen a second, over 100 KB/s, for an app with nothing to do.
 */
public final class JobTable implements AutoCloseable {
  /** The migration that creates the table; its statements on {@code scheduled_tasks} are run. */
  static final String MIGRATION = "db/migration/V1__init.sql";

  private final DataSource dataSource;
  private final JdbcConnectionPool memory;

  private JobTable(DataSource dataSource, JdbcConnectionPool memory) {
    this.dataSource = dataSource;
    this.memory = memory;
  }

  /** The scheduler's table for this store: its own on PostgreSQL, in memory beside H2. */
  public static JobTable of(Database db) {
    if (db.postgres()) {
      return new JobTable(db.dataSource(), null);
    }
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:mem:closeloop-jobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    try (var c = pool.getConnection();
        var s = c.createStatement()) {
      for (String statement : tableStatements()) {
        s.execute(statement);
      }
    } catch (SQLException | IOException e) {
      pool.dispose();
      throw new IllegalStateException("cannot create the in-memory job table", e);
    }
    return new JobTable(pool, pool);
  }

  /**
   * The table as the store's migrations create it: the statements of {@link #MIGRATION} that name
   * {@code scheduled_tasks} (its CREATE TABLE and indexes), so the two cannot drift apart.
   */
  static List<String> tableStatements() throws IOException {
    try (InputStream in = JobTable.class.getClassLoader().getResourceAsStream(MIGRATION)) {
      if (in == null) {
        throw new IOException(MIGRATION + " is not on the class path");
      }
      String sql =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(line -> line.contains("--") ? line.substring(0, line.indexOf("--")) : line)
              .collect(joining("\n"));
      List<String> out = new ArrayList<>();
      for (String statement : sql.split(";")) {
        if (statement.contains("scheduled_tasks")) {
          out.add(statement.strip());
        }
      }
      return out;
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** True when the table is in memory (H2), not in the store. */
  public boolean inMemory() {
    return memory != null;
  }

  /** Drops the in-memory table (H2); the store's own is left as it is. */
  @Override
  public void close() {
    if (memory == null) {
      return;
    }
    try (var c = memory.getConnection();
        var s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // already gone: nothing to drop
    } finally {
      memory.dispose();
    }
  }
}
