package dev.closeloop.store;

import java.sql.SQLException;
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
  static final String DDL =
      """
      CREATE TABLE scheduled_tasks (
          task_name            VARCHAR(100) NOT NULL,
          task_instance        VARCHAR(100) NOT NULL,
          task_data            BYTEA,
          execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
          picked               BOOLEAN NOT NULL,
          picked_by            VARCHAR(50),
          last_success         TIMESTAMP WITH TIME ZONE,
          last_failure         TIMESTAMP WITH TIME ZONE,
          consecutive_failures INT,
          last_heartbeat       TIMESTAMP WITH TIME ZONE,
          version              BIGINT NOT NULL,
          priority             SMALLINT,
          PRIMARY KEY (task_name, task_instance)
      );
      CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
      CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
      """;

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
      s.execute(DDL);
    } catch (SQLException e) {
      pool.dispose();
      throw new IllegalStateException("cannot create the in-memory job table", e);
    }
    return new JobTable(pool, pool);
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
