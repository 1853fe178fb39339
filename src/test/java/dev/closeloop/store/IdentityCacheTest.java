package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 writes an identity's next value down, in a commit of its own, each time its cache of ids runs
 * out; each such commit writes the store's changed pages like a real one. The store gives every
 * identity a cache large enough that this is rare, on a fresh store and on one created before.
 */
class IdentityCacheTest {
  @TempDir Path dir;

  @Test
  void threeHundredInsertsInOneTransactionAreOneCommitOnDisk() throws Exception {
    try (Database db = Database.open(h2(), "", "")) {
      db.jdbi().useHandle(h -> insertEvents(h, "warm", 1)); // the first id writes the cache down
      long before = db.jdbi().withHandle(IdentityCacheTest::storeVersion);
      db.jdbi().useTransaction(h -> insertEvents(h, "batch", 320));
      long after = db.jdbi().withHandle(IdentityCacheTest::storeVersion);
      // the transaction's own commit; with H2's 32 ids per cache, ten more (one per 32 ids)
      assertThat(after - before).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void everyIdentityHasTheCacheAndAStoreFromBeforeGetsItOnItsNextOpen() {
    String url = h2();
    try (Database db = Database.open(url, "", "")) {
      assertThat(caches(db)).isNotEmpty().containsOnly(Database.IDENTITY_CACHE);
      // as a store the previous release created: H2's default
      db.jdbi().useHandle(h -> h.execute("ALTER TABLE surveys ALTER COLUMN id SET CACHE 32"));
      assertThat(caches(db)).contains(32);
    }
    try (Database db = Database.open(url, "", "")) {
      assertThat(caches(db)).containsOnly(Database.IDENTITY_CACHE);
    }
  }

  @Test
  @ExtendWith(PostgresExtension.class)
  void postgresqlKeepsOneIdAtATimeSoIdsFollowTheOrderRowsCameIn() {
    TestPostgres.Db pg = TestPostgres.newDatabase();
    try (Database db = Database.open(pg.url(), pg.user(), pg.password())) {
      List<Long> caches =
          db.jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT seqcache FROM pg_sequence").mapTo(Long.class).list());
      assertThat(caches).isNotEmpty().containsOnly(1L);
    }
  }

  private static void insertEvents(Handle h, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      h.createUpdate(
              """
              INSERT INTO ticket_events (dedupe_key, source, ticket_id, event, received_at, outcome)
              VALUES (:k, 'generic', :k, 'closed', :t, 'accepted')
              """)
          .bind("k", prefix + "-" + i)
          .bind("t", Instant.parse("2026-12-01T09:00:00Z"))
          .execute();
    }
  }

  /** The version H2's store is at: one more for every commit that wrote to the file. */
  private static long storeVersion(Handle h) throws java.sql.SQLException {
    SessionLocal s = (SessionLocal) h.getConnection().unwrap(JdbcConnection.class).getSession();
    return s.getDatabase().getStore().getMvStore().getCurrentVersion();
  }

  private static List<Integer> caches(Database db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = SCHEMA() AND IS_IDENTITY = 'YES'")
                    .mapTo(Integer.class)
                    .list());
  }

  private String h2() {
    return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
  }
}
