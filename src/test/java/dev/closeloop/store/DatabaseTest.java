package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store that is up to date does not run Flyway; every other store still goes through it:
 * fresh, older (migrated), newer, or with a failed migration.
 */
class DatabaseTest {
  @TempDir Path dir;

  @Test
  void everyShippedMigrationIsListedInOrderAndTheNewestIsTheSchemaVersion() throws IOException {
    Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
    List<String> shipped;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      shipped =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> name.matcher(f).matches())
              .sorted(Comparator.comparingInt(EmptyStore::versionNumber))
              .toList();
    }
    assertThat(EmptyStore.MIGRATIONS).isEqualTo(shipped);
    assertThat(Database.SCHEMA_VERSION)
        .isEqualTo(EmptyStore.versionNumber(shipped.get(shipped.size() - 1)));
  }

  @Test
  void aFreshStoreIsMigratedAndThenUpToDate() {
    String url = h2();
    int history;
    try (Database db = Database.open(url, "", "")) {
      assertThat(Database.upToDate(db.dataSource())).isTrue();
      assertThat(version(db)).isEqualTo(Database.SCHEMA_VERSION);
      history = count(db, "SELECT COUNT(*) FROM \"flyway_schema_history\"");
    }
    try (Database db = Database.open(url, "", "")) { // opened again: nothing to apply
      assertThat(count(db, "SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(history);
    }
  }

  @Test
  void anOlderStoreIsNotUpToDateAndGetsTheMissingMigrations() {
    String url = h2();
    try (Database db = Database.open(url, "", "")) {
      // as a store of the previous release: its newest migration not applied yet
      db.jdbi()
          .useHandle(
              h -> {
                h.execute("DROP INDEX incidents_owned");
                h.execute("DROP INDEX outbox_purpose");
                h.execute("DROP INDEX links_discord");
                h.execute(
                    "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = ?",
                    String.valueOf(Database.SCHEMA_VERSION));
              });
      assertThat(Database.upToDate(db.dataSource())).isFalse();
    }
    try (Database db = Database.open(url, "", "")) {
      assertThat(version(db)).isEqualTo(Database.SCHEMA_VERSION);
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                      + " WHERE INDEX_NAME = 'INCIDENTS_OWNED'"))
          .isEqualTo(1);
    }
  }

  /** A store a later release migrated further goes to Flyway, which opens it as before. */
  @Test
  void aNewerStoreIsNotUpToDateAndGoesToFlyway() {
    String url = h2();
    try (Database db = Database.open(url, "", "")) {
      db.jdbi().useHandle(h -> addHistoryRow(h, Database.SCHEMA_VERSION + 1, true));
      assertThat(Database.upToDate(db.dataSource())).isFalse();
    }
    try (Database db = Database.open(url, "", "")) {
      assertThat(version(db)).isEqualTo(Database.SCHEMA_VERSION + 1);
    }
  }

  @Test
  void aFailedMigrationIsNotUpToDate() {
    try (Database db = Database.open(h2(), "", "")) {
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE"
                          + " WHERE \"version\" = ?",
                      String.valueOf(Database.SCHEMA_VERSION)));
      assertThat(Database.upToDate(db.dataSource())).isFalse();
    }
  }

  @Test
  @ExtendWith(PostgresExtension.class)
  void onPostgresqlToo() {
    TestPostgres.Db pg = TestPostgres.newDatabase();
    try (Database db = Database.open(pg.url(), pg.user(), pg.password())) {
      assertThat(Database.upToDate(db.dataSource())).isTrue();
      db.jdbi().useHandle(h -> addHistoryRow(h, Database.SCHEMA_VERSION + 1, true));
      assertThat(Database.upToDate(db.dataSource())).isFalse();
    }
  }

  private String h2() {
    return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
  }

  private static void addHistoryRow(org.jdbi.v3.core.Handle h, int version, boolean success) {
    h.execute(
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
            + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
            + " \"execution_time\", \"success\")"
            + " VALUES (?, ?, 'later', 'SQL', ?, 0, 'test', 1, ?)",
        version + 100,
        String.valueOf(version),
        "V" + version + "__later.sql",
        success);
  }

  private static int version(Database db) {
    return count(
        db,
        "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\""
            + " WHERE \"success\"");
  }

  private static int count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  @Test
  void theAppClosesAnH2StoreItselfNotH2sShutdownHook() {
    // on a SIGTERM H2's own hook closed the store under the still-running jobs: an ERROR with a
    // stack trace on an ordinary stop
    assertThat(Database.normalizeUrl("jdbc:h2:file:/x/db"))
        .isEqualTo("jdbc:h2:file:/x/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=128;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(Database.normalizeUrl("jdbc:h2:file:/x/db;db_close_on_exit=true"))
        .endsWith(";db_close_on_exit=true;WRITE_DELAY=0;QUERY_CACHE_SIZE=128");
    assertThat(Database.normalizeUrl("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
  }
}
