package dev.closeloop.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Creates the schema of an empty H2 store without loading Flyway, leaving exactly what Flyway would
 * have left: the same tables, and the same {@code flyway_schema_history} rows (version,
 * description, script, checksum, installer), so that a later release's Flyway finds an ordinary
 * history, validates it and applies only what is new ({@code EmptyStoreTest} compares both stores).
 * Flyway costs a first start about 400 classes, a scan of the 90 MB jar for its scripts and the
 * compiling that comes with them — more than half a CPU second on 2 cores, against the few
 * milliseconds of the scripts themselves. Only a store with no table at all takes this path;
 * anything else (an older store, one with a history this version cannot read, a schema someone else
 * filled) still goes to Flyway. As with Flyway on H2, each script's DDL commits as it runs and its
 * history row follows it.
 */
final class EmptyStore {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmptyStore.class);

  /** The shipped migrations, in order; {@code DatabaseTest} checks the list against the files. */
  static final List<String> MIGRATIONS =
      List.of(
          "V1__init.sql",
          "V2__seen_requests.sql",
          "V3__digest_indexes.sql",
          "V4__open_survey_expiry_index.sql",
          "V5__ticket_changed_at.sql",
          "V6__link_requests.sql",
          "V7__language.sql",
          "V8__sandbox_rev.sql",
          "V9__write_back.sql",
          "V10__comment_language.sql",
          "V11__sandbox_user_columns.sql",
          "V12__indexes_for_frequent_reads.sql");

  private static final String HISTORY = "\"flyway_schema_history\"";

  private EmptyStore() {}

  /** Creates the schema when the store's schema holds no table; false (nothing done) otherwise. */
  static boolean createIfEmpty(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      if (!empty(c)) {
        return false;
      }
      String user = c.getMetaData().getUserName();
      try (var st = c.createStatement()) {
        st.execute(
            "CREATE TABLE "
                + HISTORY
                + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50),"
                + " \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL,"
                + " \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INT,"
                + " \"installed_by\" VARCHAR(100) NOT NULL,"
                + " \"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                + " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL,"
                + " CONSTRAINT \"flyway_schema_history_pk\" PRIMARY KEY (\"installed_rank\"))");
        st.execute("CREATE INDEX \"flyway_schema_history_s_idx\" ON " + HISTORY + " (\"success\")");
      }
      record(c, -1, null, "<< Flyway Schema History table created >>", "TABLE", "", null, user, 0);
      int rank = 1;
      for (String script : MIGRATIONS) {
        String sql = read(script);
        long start = System.nanoTime();
        try (var st = c.createStatement()) {
          st.execute(sql);
        }
        int millis = (int) ((System.nanoTime() - start) / 1_000_000);
        record(
            c,
            rank++,
            version(script),
            description(script),
            "SQL",
            script,
            checksum(sql),
            user,
            millis);
      }
      return true;
    }
  }

  /**
   * A first start cut short (a kill -9 while {@link #createIfEmpty} ran: H2 commits each script's
   * DDL as it runs) leaves a history shorter than this version's beside part of the next script,
   * which the next start's Flyway trips over ("already exists"). When every table of the schema is
   * one the shipped scripts (or Flyway) create and none holds a row, there is nothing to keep: the
   * schema is dropped and created again, and true is returned. A store with any row, or with a
   * table the scripts do not make, is left to Flyway as before (false).
   */
  static boolean replaceIfHalfMade(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      java.util.Set<String> ours = shippedTables();
      List<String> tables = tables(c);
      if (!tables.contains("flyway_schema_history") || recordedUpTo(c) >= MIGRATIONS.size()) {
        return false; // a complete history (or a newer one) is Flyway's to judge
      }
      for (String table : tables) {
        if (!table.equals("flyway_schema_history")
            && (!ours.contains(table) || holdsARow(c, table))) {
          return false;
        }
      }
      try (var st = c.createStatement()) {
        st.execute("DROP ALL OBJECTS");
      }
      log.warn(
          "event=store_half_made_replaced tables={} why=\"a first start was cut short while it"
              + " created the schema; no table held a row\"",
          tables.size());
    }
    return createIfEmpty(ds);
  }

  /** The highest version the history records as applied (0 when none). */
  private static int recordedUpTo(Connection c) throws SQLException {
    try (var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException | RuntimeException e) {
      return Integer.MAX_VALUE; // a history this version cannot read: Flyway decides
    }
  }

  /** The tables the shipped scripts create, by H2's (upper-case) name. */
  private static java.util.Set<String> shippedTables() {
    java.util.Set<String> names = new java.util.HashSet<>();
    java.util.regex.Pattern create =
        java.util.regex.Pattern.compile(
            "(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)");
    for (String script : MIGRATIONS) {
      java.util.regex.Matcher m = create.matcher(read(script));
      while (m.find()) {
        names.add(m.group(1).toUpperCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }

  private static boolean holdsARow(Connection c, String table) throws SQLException {
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT 1 FROM \"" + table.replace("\"", "\"\"") + "\" LIMIT 1")) {
      return rs.next();
    }
  }

  private static boolean empty(Connection c) throws SQLException {
    return tables(c).isEmpty();
  }

  /** The names of the tables in the store's schema. */
  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new java.util.ArrayList<>();
    try (var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA()")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static void record(
      Connection c,
      int rank,
      String version,
      String description,
      String type,
      String script,
      Integer checksum,
      String user,
      int millis)
      throws SQLException {
    try (var ps =
        c.prepareStatement(
            "INSERT INTO "
                + HISTORY
                + " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)")) {
      ps.setInt(1, rank);
      ps.setString(2, version);
      ps.setString(3, description);
      ps.setString(4, type);
      ps.setString(5, script);
      if (checksum == null) {
        ps.setNull(6, java.sql.Types.INTEGER);
      } else {
        ps.setInt(6, checksum);
      }
      ps.setString(7, user);
      ps.setInt(8, millis);
      ps.executeUpdate();
    }
  }

  static String read(String script) {
    try (InputStream in = EmptyStore.class.getResourceAsStream("/db/migration/" + script)) {
      if (in == null) {
        throw new IllegalStateException("migration " + script + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "V10__comment_language.sql" → "10". */
  static String version(String script) {
    return script.substring(1, script.indexOf("__"));
  }

  static int versionNumber(String script) {
    return Integer.parseInt(version(script));
  }

  /** "V10__comment_language.sql" → "comment language", as Flyway names it. */
  static String description(String script) {
    return script
        .substring(script.indexOf("__") + 2, script.length() - ".sql".length())
        .replace('_', ' ');
  }

  /** Flyway's checksum of a script: a CRC-32 over its lines, without line ends or a BOM. */
  static int checksum(String sql) {
    CRC32 crc = new CRC32();
    String text = sql.startsWith("\uFEFF") ? sql.substring(1) : sql;
    text.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
    return (int) crc.getValue();
  }
}
