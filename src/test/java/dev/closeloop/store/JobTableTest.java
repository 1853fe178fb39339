package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
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
