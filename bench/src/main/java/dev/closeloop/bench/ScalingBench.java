package dev.closeloop.bench;

import dev.closeloop.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How start-up, idle memory and intake grow with the store: for each size, a store is filled as the
 * digest benchmark fills it ({@link DigestBench#populate}: answered surveys, incidents, tickets),
 * then the jar is started on it (a restart: Flyway finds the schema current) with the sandbox only,
 * and takes a closed loop of signed closes. The digest's own scaling is the digest benchmark's
 * table; delivery is bounded by the platforms' limits, not by the store.
 */
final class ScalingBench {
  record Row(
      int answers,
      double readyMillis,
      double readyCpuSeconds,
      double rssIdleMiB,
      double rssPeakMiB,
      double acceptedPerSecond,
      double p50,
      double p99,
      Stats stats,
      Stats incidents,
      Stats metrics,
      double exportSeconds,
      long exportBytes,
      double rssAfterExportMiB,
      double storeMiB) {}

  private ScalingBench() {}

  static List<Row> run(Bench.Args a) throws Exception {
    List<Row> rows = new ArrayList<>();
    int concurrency = a.i("concurrency", 16);
    int count = a.i("count", 3000);
    int warmup = a.i("warmup", 1000);
    for (String size : a.s("answers", "10000,100000,1000000").split(",")) {
      rows.add(
          one(
              Integer.parseInt(size.strip()),
              concurrency,
              warmup,
              count,
              a.i("idle", 5),
              a.i("reps", 30),
              a.i("warm", 3),
              a.s("store", "h2")));
    }
    Bench.say("scaling (%s): load %s at the end", a.s("store", "h2"), Bench.loadAverage());
    Bench.say(
        "  | stored answers | store on disk | first start → ready | CPU s by ready | RSS idle / peak |"
            + " intake accepted/s (p99) | /admin/stats p50 / p99 | /admin/incidents p99 |"
            + " /metrics p99 | export csv (RSS after) |");
    Bench.say("  |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      Bench.say(
          "  | %,d | %.0f MiB | %.0f ms | %.1f | %.0f / %.0f MiB | %.0f (%.1f ms) | %.1f / %.1f ms |"
              + " %.1f ms | %.1f ms | %.1f s, %.0f MiB (%.0f MiB) |",
          r.answers(),
          r.storeMiB(),
          r.readyMillis(),
          r.readyCpuSeconds(),
          r.rssIdleMiB(),
          r.rssPeakMiB(),
          r.acceptedPerSecond(),
          r.p99(),
          r.stats().pMillis(0.5),
          r.stats().pMillis(0.99),
          r.incidents().pMillis(0.99),
          r.metrics().pMillis(0.99),
          r.exportSeconds(),
          r.exportBytes() / 1048576.0,
          r.rssAfterExportMiB());
    }
    return rows;
  }

  static Row one(
      int answers,
      int concurrency,
      int warmup,
      int count,
      int idleSeconds,
      int reps,
      int warm,
      String store)
      throws Exception {
    Path dir = Bench.workDir("scaling");
    boolean postgres = store.equals("postgres");
    // PostgreSQL: a database of its own on the local server the tests use (started on first use)
    dev.closeloop.testing.TestPostgres.Db pg =
        postgres ? dev.closeloop.testing.TestPostgres.newDatabase() : null;
    String url = postgres ? pg.url() : "jdbc:h2:file:" + dir.resolve("db/closeloop");
    String user = postgres ? pg.user() : "";
    String password = postgres ? pg.password() : "";
    Instant now = Instant.now();
    long p0 = System.nanoTime();
    try (Database db = Database.open(url, user, password)) {
      DigestBench.populate(
          db, answers, Math.max(1, answers / 100), now, now.minus(Duration.ofDays(1)));
    }
    Bench.say(
        "scaling: %,d answers populated in %.1f s (%s)",
        answers, (System.nanoTime() - p0) / 1e9, dir);
    Path config = dir.resolve("closeloop.yml");
    Files.writeString(
        config,
        """
        server: { port: 0, portFile: "%s" }
        storage: { url: "%s", user: "%s", password: "%s" }
        intake: { secret: "%s" }
        admin: { token: "bench-token" }
        """
            .formatted(dir.resolve("app.port"), url, user, password, IntakeBench.SECRET));
    try (Jar jar = Jar.app(config, dir.resolve("app.log")).awaitReady(120)) {
      double ready = jar.readyMillis();
      double cpu = jar.readyCpuSeconds();
      Thread.sleep(idleSeconds * 1000L);
      double rss = jar.rssMiB();
      double peak = Jar.statusMiB(jar.process.pid(), "VmHWM:");
      Admin admin = new Admin(jar.port());
      Stats stats = admin.time("/admin/stats", warm, reps);
      Stats incidents = admin.pages("/admin/incidents?state=all&limit=100", warm, reps);
      Stats metrics = admin.time("/metrics", warm, reps);
      long e0 = System.nanoTime();
      long exportBytes = admin.bytes("/admin/export?format=csv");
      double exportSeconds = (System.nanoTime() - e0) / 1e9;
      double rssAfterExport = jar.rssMiB();
      Bench.say(
          "  /admin/stats %s; /admin/incidents (paged) %s; /metrics %s; export %.1f s, %,d bytes,"
              + " RSS after %.0f MiB",
          stats.summary(),
          incidents.summary(),
          metrics.summary(),
          exportSeconds,
          exportBytes,
          rssAfterExport);
      Load load = new Load(jar.port(), IntakeBench.SECRET);
      String run = "S" + System.currentTimeMillis();
      load.closedLoop(
          concurrency,
          0,
          warmup,
          i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i)));
      Load.Result r =
          load.closedLoop(
              concurrency,
              warmup,
              count,
              i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i)));
      Bench.say(
          "  ready %.0f ms (%.1f CPU s), RSS idle %.0f MiB; intake: %s", ready, cpu, rss, r.line());
      return new Row(
          answers,
          ready,
          cpu,
          rss,
          peak,
          r.acceptedPerSecond(),
          r.latency().pMillis(0.50),
          r.latency().pMillis(0.99),
          stats,
          incidents,
          metrics,
          exportSeconds,
          exportBytes,
          rssAfterExport,
          postgres ? pgSizeMiB(url, user, password) : sizeMiB(dir.resolve("db")));
    }
  }

  /** The database's size on disk as PostgreSQL counts it (tables, indexes, TOAST). */
  static double pgSizeMiB(String url, String user, String password) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(url, user, password);
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1) / 1048576.0;
    }
  }

  static double sizeMiB(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum()
          / 1048576.0;
    }
  }
}
