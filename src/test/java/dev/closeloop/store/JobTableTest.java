package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's table: in memory beside an H2 store (its commits never reach the store file),
 * gone when the app stops; the store's own on PostgreSQL, where the instances share it.
 */
class JobTableTest {
  @TempDir Path dir;

  @Test
  void besideH2TheTableIsInMemoryNotInTheStoreAndGoesWithTheApp() throws SQLException {
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), "", "")) {
      JobTable jobs = JobTable.of(db);
      assertThat(jobs.inMemory()).isTrue();
      assertThat(jobs.dataSource()).isNotSameAs(db.dataSource());
      try (var c = jobs.dataSource().getConnection();
          var s = c.createStatement()) {
        s.execute(
            "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked,"
                + " version) VALUES ('outbox-dispatch', 'recurring', CURRENT_TIMESTAMP, FALSE, 1)");
      }
      assertThat(count(jobs)).isEqualTo(1);
      assertThat(storeRows(db)).as("the store's table").isZero();

      jobs.close();
      assertThatThrownBy(() -> count(jobs)).isInstanceOf(IllegalStateException.class);
      JobTable again = JobTable.of(db);
      assertThat(count(again)).as("a new table each start").isZero();
      again.close();
    }
  }

  /** The in-memory table is the migrations' own: the same columns, types, nullability, indexes. */
  @Test
  void theInMemoryTableIsTheOneTheMigrationsCreate() throws Exception {
    assertThat(JobTable.tableStatements())
        .hasSize(3)
        .allSatisfy(statement -> assertThat(statement).doesNotContain("--", ";"));
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), "", "");
        JobTable jobs = JobTable.of(db);
        var store = db.dataSource().getConnection();
        var memory = jobs.dataSource().getConnection()) {
      assertThat(shape(memory)).isNotEmpty().isEqualTo(shape(store));
    }
  }

  private static List<String> shape(java.sql.Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (var s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, ORDINAL_POSITION FROM"
                    + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'SCHEDULED_TASKS'"
                    + " ORDER BY ORDINAL_POSITION")) {
      while (r.next()) {
        out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
      }
    }
    try (var s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                    + " WHERE TABLE_NAME = 'SCHEDULED_TASKS' ORDER BY INDEX_NAME, ORDINAL_POSITION")) {
      while (r.next()) {
        out.add(r.getString(1).replaceAll("_[0-9A-F]+$", "") + " " + r.getString(2));
      }
    }
    return out;
  }

  @Test
  @ExtendWith(PostgresExtension.class)
  void onPostgresqlItIsTheStoresOwnSharedByTheInstances() {
    TestPostgres.Db pg = TestPostgres.newDatabase();
    try (Database db = Database.open(pg.url(), pg.user(), pg.password())) {
      JobTable jobs = JobTable.of(db);
      assertThat(jobs.inMemory()).isFalse();
      assertThat(jobs.dataSource()).isSameAs(db.dataSource());
      jobs.close();
      assertThat(db.healthy()).as("closing it leaves the store open").isTrue();
    }
  }

  static int storeRows(Database db) {
    return db.jdbi()
        .withHandle(
            h -> h.select("SELECT COUNT(*) FROM scheduled_tasks").mapTo(Integer.class).one());
  }

  private static int count(JobTable jobs) throws SQLException {
    try (var c = jobs.dataSource().getConnection();
        var s = c.createStatement();
        var r = s.executeQuery("SELECT COUNT(*) FROM scheduled_tasks")) {
      r.next();
      return r.getInt(1);
    }
  }
}
