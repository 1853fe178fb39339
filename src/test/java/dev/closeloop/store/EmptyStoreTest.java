package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An empty H2 store created without Flyway is the store Flyway would have made: the same schema,
 * the same history, and a Flyway that later opens it finds it valid with nothing to apply.
 */
class EmptyStoreTest {
  @TempDir Path dir;

  @Test
  void theSchemaAndTheHistoryAreWhatFlywayLeaves() throws SQLException {
    DataSource byFlyway = h2("flyway");
    Database.migrate(byFlyway);
    DataSource byHand = h2("empty");

    assertThat(EmptyStore.createIfEmpty(byHand)).isTrue();

    assertThat(schema(byHand)).isEqualTo(schema(byFlyway)).anyMatch(l -> l.contains("SURVEYS"));
    String history =
        "SELECT \"installed_rank\", \"version\", \"description\", \"type\", \"script\","
            + " \"checksum\", \"installed_by\", \"success\" FROM \"flyway_schema_history\""
            + " ORDER BY \"installed_rank\"";
    assertThat(rows(byHand, history))
        .hasSize(EmptyStore.MIGRATIONS.size() + 1)
        .isEqualTo(rows(byFlyway, history));
  }

  @Test
  void flywayLaterFindsTheHistoryValidAndNothingToApply() throws SQLException {
    DataSource ds = h2("later");
    EmptyStore.createIfEmpty(ds);

    Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
    flyway.validate();
    assertThat(flyway.migrate().migrationsExecuted).isZero();
    assertThat(flyway.info().current().getVersion().getVersion())
        .isEqualTo(String.valueOf(Database.SCHEMA_VERSION));
    assertThat(Database.upToDate(ds)).isTrue();
  }

  @Test
  void aSchemaWithAnyTableIsLeftToFlyway() throws SQLException {
    DataSource ds = h2("taken");
    try (var c = ds.getConnection();
        var st = c.createStatement()) {
      st.execute("CREATE TABLE someone_elses (id INT)");
    }

    assertThat(EmptyStore.createIfEmpty(ds)).isFalse();
    assertThat(
            rows(
                ds,
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA()"))
        .containsExactly("SOMEONE_ELSES");
  }

  @Test
  void aFirstStartCutShortWhileCreatingTheSchemaIsCreatedAgainOnTheNextStart() throws Exception {
    // a kill -9 while the first start created the schema: H2 commits DDL as it runs, so scripts
    // 1-3 are recorded and half of script 4 is there without its history row; Flyway then
    // refused the store ("already exists") and the operator had to delete it by hand
    Path store = dir.resolve("cut").resolve("cl");
    halfMade(h2("cut"));

    try (Database db = Database.open("jdbc:h2:file:" + store, "sa", "")) {
      assertThat(Database.upToDate(db.dataSource())).isTrue();
      try (Database fresh =
          Database.open("jdbc:h2:file:" + dir.resolve("fresh").resolve("cl"), "sa", "")) {
        assertThat(schema(db.dataSource())).isEqualTo(schema(fresh.dataSource()));
      }
    }
  }

  @Test
  void aHalfMadeStoreHoldingAnyRowIsLeftAsItIs() throws Exception {
    DataSource ds = h2("kept");
    halfMade(ds);
    try (var c = ds.getConnection();
        var st = c.createStatement()) {
      st.execute("INSERT INTO links (email, discord_id) VALUES ('a@example.com', '1')");
    }

    assertThatThrownBy(
            () -> Database.open("jdbc:h2:file:" + dir.resolve("kept").resolve("cl"), "sa", ""))
        .isInstanceOf(RuntimeException.class);
    assertThat(rows(ds, "SELECT email FROM links")).containsExactly("a@example.com");
  }

  /** Scripts 1-3 applied and recorded by Flyway, then the first statement of script 4 alone. */
  private static void halfMade(DataSource ds) throws SQLException {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();
    String first =
        EmptyStore.read("V4__open_survey_expiry_index.sql")
            .lines()
            .filter(l -> l.startsWith("CREATE INDEX"))
            .findFirst()
            .orElseThrow();
    try (var c = ds.getConnection();
        var st = c.createStatement()) {
      st.execute(first);
    }
  }

  @Test
  void flywaysChecksumAndNamesAreReproduced() {
    // the values Flyway 11 stored for V1 and V10 in a store it created
    assertThat(EmptyStore.checksum(EmptyStore.read("V1__init.sql"))).isEqualTo(302108063);
    assertThat(EmptyStore.checksum("\uFEFFa\r\nb\n")).isEqualTo(EmptyStore.checksum("a\nb"));
    assertThat(EmptyStore.version("V10__comment_language.sql")).isEqualTo("10");
    assertThat(EmptyStore.description("V10__comment_language.sql")).isEqualTo("comment language");
  }

  private DataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve(name).resolve("cl"));
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }

  /** H2's script of the store without data and without the user (its password salt differs). */
  private static List<String> schema(DataSource ds) throws SQLException {
    return rows(ds, "SCRIPT NODATA").stream().filter(l -> !l.startsWith("CREATE USER")).toList();
  }

  private static List<String> rows(DataSource ds, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (var c = ds.getConnection();
        var st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? " | " : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}
