package dev.closeloop.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: a pooled connection to H2 (file mode, the default) or PostgreSQL, migrated by Flyway
 * on open (an empty H2 store gets the same schema and history without it: {@link EmptyStore}). H2
 * URLs get {@code WRITE_DELAY=0} unless they set it, so a commit is on disk before we answer 202 (a
 * kill -9 loses nothing that was acknowledged).
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final boolean postgres;

  private Database(HikariDataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.jdbi = Jdbi.create(dataSource); // maps snake_case columns to record components by default
    for (Class<?> row :
        new Class<?>[] {
          SurveyRow.class,
          AnswerRow.class,
          OutboxRow.class,
          IncidentRow.class,
          DigestRow.class,
          LinkRequests.Row.class
        }) {
      jdbi.registerRowMapper(ConstructorMapper.factory(row));
    }
    jdbi.registerArgument(new TextWithoutNul());
  }

  /**
   * Every text bound to a statement loses its U+0000 characters. PostgreSQL text cannot hold one
   * (the statement fails: a 500 on whatever route took the text in), H2 can; chat messages,
   * helpdesk payloads and query parameters can all carry one. Dropped on both stores alike.
   */
  static final class TextWithoutNul
      extends org.jdbi.v3.core.argument.AbstractArgumentFactory<String> {
    TextWithoutNul() {
      super(java.sql.Types.VARCHAR);
    }

    @Override
    protected org.jdbi.v3.core.argument.Argument build(
        String value, org.jdbi.v3.core.config.ConfigRegistry config) {
      String text = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
      return (position, statement, context) -> statement.setString(position, text);
    }
  }

  /** Opens the store and applies pending migrations. */
  public static Database open(String url, String user, String password) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(normalizeUrl(url));
    hc.setUsername(user);
    hc.setPassword(password);
    hc.setMaximumPoolSize(url.startsWith("jdbc:postgresql:") ? 10 : 8);
    hc.setMinimumIdle(1);
    hc.setPoolName("closeloop");
    hc.setConnectionTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      if (heldByAnotherProcess(e)) {
        throw new IllegalStateException(
            "the store "
                + url
                + " is open in another process (H2 in file mode admits one): stop that process;"
                + " a CLI verb asks the running app instead when it answers on server.port or"
                + " server.portFile with admin.token set",
            e);
      }
      throw e;
    }
    try {
      if (!upToDate(ds)
          && !(url.startsWith("jdbc:h2:")
              && (EmptyStore.createIfEmpty(ds) || EmptyStore.replaceIfHalfMade(ds)))) {
        migrate(ds);
      }
      if (url.startsWith("jdbc:h2:")) {
        cacheIdentities(ds);
      }
    } catch (SQLException e) {
      ds.close();
      throw new IllegalStateException("cannot set up the store: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    log.info("event=store_open db={}", url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
    return new Database(ds, url.startsWith("jdbc:postgresql:"));
  }

  /** H2's "Database may be already in use" along the causes. */
  static boolean heldByAnotherProcess(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Applies pending migrations with Flyway (an empty H2 store is created by {@link EmptyStore}).
   */
  static void migrate(DataSource ds) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
  }

  /**
   * The newest migration this version ships ({@code db/migration/V<n>__*.sql}); {@code
   * DatabaseTest} fails the build when a migration is added without listing it in {@link
   * EmptyStore#MIGRATIONS}.
   */
  static final int SCHEMA_VERSION =
      EmptyStore.versionNumber(EmptyStore.MIGRATIONS.get(EmptyStore.MIGRATIONS.size() - 1));

  /**
   * True when Flyway's history says the store is at {@link #SCHEMA_VERSION} with no failed
   * migration: then Flyway (about 400 classes and a scan of the migrations) is not loaded at all on
   * start. Anything else — a fresh store, an older one, a newer one (opened by an older release), a
   * failed migration, no history table — goes to Flyway as before. What is skipped on an up-to-date
   * store is Flyway's check that the applied scripts' checksums still match the shipped ones, which
   * only a changed release could break.
   */
  static boolean upToDate(DataSource ds) {
    try (var c = ds.getConnection();
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                // quoted: Flyway creates its table and columns in lower case on H2 as well
                "SELECT MAX(CASE WHEN \"success\" THEN 0 ELSE 1 END),"
                    + " MAX(CASE WHEN \"success\" AND \"version\" IS NOT NULL"
                    + " THEN CAST(\"version\" AS INTEGER) END)"
                    + " FROM \"flyway_schema_history\"")) {
      return rs.next() && rs.getInt(1) == 0 && !rs.wasNull() && rs.getInt(2) == SCHEMA_VERSION;
    } catch (SQLException | RuntimeException e) {
      return false; // no history yet, or one this version cannot read: Flyway decides
    }
  }

  /** How many ids H2 hands out from memory before it writes an identity's next value down. */
  static final int IDENTITY_CACHE = 1024;

  /**
   * Gives every identity column of an H2 store a cache of {@link #IDENTITY_CACHE} ids (H2 creates
   * them with 32). H2 writes a sequence's next value down whenever its cache runs out, and does so
   * in a commit of its own, which writes every changed page of the store like any commit: with 32,
   * a close (a survey and an event id) forced a store every 16 closes, about as many as the
   * intake's group commits themselves. A kill -9 then skips at most this many ids (never reuses
   * one). PostgreSQL is left as it is: there a cache is per connection, and ids would no longer
   * follow the order rows were added in.
   */
  static void cacheIdentities(DataSource ds) throws SQLException {
    List<String> alter = new ArrayList<>();
    try (var c = ds.getConnection();
        var st = c.createStatement()) {
      try (var rs =
          st.executeQuery(
              "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                  + " WHERE TABLE_SCHEMA = SCHEMA() AND IS_IDENTITY = 'YES'"
                  + " AND IDENTITY_CACHE <> "
                  + IDENTITY_CACHE)) {
        while (rs.next()) {
          alter.add(
              "ALTER TABLE \""
                  + rs.getString(1)
                  + "\" ALTER COLUMN \""
                  + rs.getString(2)
                  + "\" SET CACHE "
                  + IDENTITY_CACHE);
        }
      }
      for (String sql : alter) {
        st.execute(sql);
      }
    }
  }

  /**
   * Adds {@code WRITE_DELAY=0} to an H2 URL that does not choose its own, a per-session query cache
   * large enough for the statements of one close or one due survey (H2's default keeps 8, so the
   * ~10 statements of a close were parsed again every time), and {@code DB_CLOSE_ON_EXIT=FALSE}
   * (the app closes the store after its jobs).
   */
  public static String normalizeUrl(String url) {
    if (!url.startsWith("jdbc:h2:")) {
      return url;
    }
    String upper = url.toUpperCase();
    String out = url;
    if (!upper.contains("WRITE_DELAY")) {
      out += ";WRITE_DELAY=0";
    }
    if (!upper.contains("QUERY_CACHE_SIZE")) {
      out += ";QUERY_CACHE_SIZE=128";
    }
    if (!upper.contains("DB_CLOSE_ON_EXIT")) {
      // the app closes the store itself, last, once its jobs have stopped: H2's own shutdown hook
      // closed it under them on a SIGTERM ("job_failed … Database is already closed", an ERROR
      // with a stack trace on an ordinary stop)
      out += ";DB_CLOSE_ON_EXIT=FALSE";
    }
    return out;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean postgres() {
    return postgres;
  }

  /** True when a trivial query answers. */
  public boolean healthy() {
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      log.warn("event=store_unhealthy error={}", e.toString());
      return false;
    }
  }

  /**
   * One backup at a time: H2 runs BACKUP TO one after another anyway, each waiting one holding a
   * pooled connection, so sixteen asked at once held all eight for minutes (the store answered
   * nothing else: webhooks and /health/ready got 503). Public for tests, which hold it to stand for
   * a backup in progress.
   */
  public final java.util.concurrent.Semaphore backupPermit = new java.util.concurrent.Semaphore(1);

  /** A backup asked while another runs: the caller says so (409), nothing waits. */
  public static final class BackupRunning extends IllegalStateException {
    public BackupRunning() {
      super("a backup is already running; try again when it has finished", null);
    }
  }

  /**
   * Online backup of an H2 store (BACKUP TO); refused on PostgreSQL, and while another runs ({@link
   * BackupRunning}).
   */
  public Path backup(Path file) {
    if (postgres) {
      throw new IllegalStateException("use pg_dump");
    }
    if (!backupPermit.tryAcquire()) {
      throw new BackupRunning();
    }
    Path target = file.toAbsolutePath();
    // written under a name nobody can foresee, then moved into place: BACKUP TO follows a link
    // left under the target's name (by whoever can write in backup.dir) and overwrote the file it
    // points to; a rename replaces the link itself
    Path part =
        target.resolveSibling(
            "." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
    try {
      jdbi.useHandle(h -> h.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'"));
      java.nio.file.Files.move(
          part,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot move the backup into place at " + target, e);
    } finally {
      try {
        java.nio.file.Files.deleteIfExists(part);
      } catch (java.io.IOException ignored) {
        // a leftover part file in backup.dir, harmless
      }
      backupPermit.release();
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
