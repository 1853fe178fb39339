package dev.closeloop.bench;

import dev.closeloop.app.ConfigLoader;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.discord.BenchDiscordRender;
import dev.closeloop.chat.slack.BenchSlackRender;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.digest.CommentLanguage;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.usecase.DigestService;
import dev.closeloop.digest.usecase.StatsService;
import dev.closeloop.store.Database;
import dev.closeloop.store.DigestQueries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Digest: a store of N answers (half ratings, half "fixed" or comments) of which N/100 surveys are
 * negatives in the window, built by the app's own DigestService (queries + page building + outbox
 * rows, one per page and platform) with each row rendered for its platform (Slack's rows as Slack
 * blocks, Discord's as Discord messages), against the same data read by raw SQL alone (the same
 * statements the app runs: the worst entries with the totals, and the window's figures), in the
 * same JVM on the same H2 file.
 */
final class DigestBench {
  /** One size's figures, in milliseconds (median of reps). */
  record Row(int answers, int negatives, double digestMs, double rawMs, double populateSeconds) {
    double ratio() {
      return digestMs / rawMs;
    }
  }

  private DigestBench() {}

  static List<Row> run(Bench.Args a) throws Exception {
    String sizes = a.s("answers", "10000,100000,1000000");
    int reps = a.i("reps", 5);
    List<Row> rows = new ArrayList<>();
    for (String s : sizes.split(",")) {
      rows.add(one(Integer.parseInt(s.trim()), reps));
    }
    Bench.say(
        "  | stored answers | negatives in window | digest (service + each row rendered for its platform) | raw SQL | ratio |");
    Bench.say("  |---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      Bench.say(
          "  | %,d | %,d | %.0f ms | %.0f ms | %.2fx |",
          r.answers(), r.negatives(), r.digestMs(), r.rawMs(), r.ratio());
    }
    return rows;
  }

  static Row one(int answers, int reps) throws Exception {
    Path dir = Bench.workDir("digest");
    // H2 hands back the previous result of an identical statement with identical parameters when
    // the tables it reads have not changed since. Each rep here repeats the very same digest, which
    // a real one (a new window every day) never does, so that reuse is off for both sides.
    String url = "jdbc:h2:file:" + dir.resolve("db/closeloop") + ";OPTIMIZE_REUSE_RESULTS=FALSE";
    Instant now = Instant.parse("2026-11-27T09:00:00Z");
    Instant windowStart = now.minus(Duration.ofDays(1));
    int negatives = Math.max(1, answers / 100);
    long p0 = System.nanoTime();
    try (Database db = Database.open(url, "", "")) {
      populate(db, answers, negatives, now, windowStart);
    }
    double populate = (System.nanoTime() - p0) / 1e9;
    Bench.say(
        "digest: %,d answers, %,d negatives in the window; populated in %.1f s (%s)",
        answers, negatives, populate, dir);
    Config config =
        new ConfigLoader(n -> null)
            .loadString(
                """
        storage: { url: "%s" }
        digest: { slackChannel: "C0DIGEST", discordChannel: "900000000000000001" }
        """
                    .formatted(url));
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    try (Database db = Database.open(url, "", "")) {
      Map<PlatformId, ?> platforms = Map.of(PlatformId.SLACK, "fake", PlatformId.DISCORD, "fake");
      DigestService service =
          new DigestService(
              db.jdbi(), config, platforms, new StatsService(db.jdbi(), config, clock), clock);
      BenchSlackRender slack = new BenchSlackRender();
      BenchDiscordRender discord = new BenchDiscordRender();
      double[] digest = new double[reps];
      double[] raw = new double[reps];
      for (int r = -1; r < reps; r++) { // r = -1: warm-up
        long t0 = System.nanoTime();
        Map<String, Object> posted = service.postNow();
        int rendered = 0;
        // each row rendered once, for its own platform, as the app's sender does (until stop 31
        // every row was rendered for both: 80 renders where a real send makes 40)
        for (Map<String, Object> row :
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT platform, payload FROM outbox WHERE purpose = 'digest'"
                                    + " ORDER BY id")
                            .mapToMap()
                            .list())) {
          Outgoing.ChannelPost post =
              (Outgoing.ChannelPost) OutgoingCodec.decode((String) row.get("payload"));
          rendered +=
              PlatformId.SLACK.wire().equals(row.get("platform"))
                  ? slack.render(post.message())
                  : discord.render(post.message());
        }
        long t1 = System.nanoTime();
        if (r < 0) {
          Bench.say(
              "  posted: newNegatives=%s stillOpen=%s omitted=%s (rendered %d)",
              posted.get("newNegatives"), posted.get("stillOpen"), posted.get("omitted"), rendered);
        }
        db.jdbi()
            .useHandle(
                h -> {
                  h.execute("DELETE FROM outbox WHERE purpose = 'digest'");
                  h.execute("DELETE FROM digests WHERE kind = 'on_demand'");
                });
        long t2 = System.nanoTime();
        int read = rawQuery(db, windowStart, now);
        long t3 = System.nanoTime();
        if (r >= 0) {
          digest[r] = (t1 - t0) / 1e6;
          raw[r] = (t3 - t2) / 1e6;
        } else {
          Bench.say(
              "  raw SQL read %d rows; warm-up (first on this store, not counted): digest %.0f ms, raw SQL %.0f ms",
              read, (t1 - t0) / 1e6, (t3 - t2) / 1e6);
        }
      }
      Bench.say(
          "  each rep, digest / raw SQL (ms): %s",
          java.util.stream.IntStream.range(0, reps)
              .mapToObj(i -> "%.0f/%.0f".formatted(digest[i], raw[i]))
              .collect(java.util.stream.Collectors.joining(" ")));
      Row row = new Row(answers, negatives, median(digest), median(raw), populate);
      Bench.say(
          "  digest %.0f ms vs raw SQL %.0f ms = %.2fx (target <= 1.5x and < 1000 ms)",
          row.digestMs(), row.rawMs(), row.ratio());
      return row;
    }
  }

  /**
   * The digest's data by plain SQL: the very statements the app runs for the same information
   * ({@link DigestQueries#WORST}: the worst 100 entries of the window and of those still open, with
   * the totals; {@link StatsService#WINDOW_FIGURES}: CSAT and response rate), over bare JDBC, every
   * column read into a value and nothing built from it.
   */
  static int rawQuery(Database db, Instant from, Instant to) throws Exception {
    int n = 0;
    try (Connection c = db.dataSource().getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(DigestQueries.WORST)) {
        ps.setTimestamp(1, Timestamp.from(from));
        ps.setTimestamp(2, Timestamp.from(to));
        ps.setTimestamp(3, Timestamp.from(from));
        ps.setInt(4, DigestBuilder.MAX_ENTRIES);
        n += readAll(ps);
      }
      try (PreparedStatement ps = c.prepareStatement(StatsService.WINDOW_FIGURES)) {
        ps.setTimestamp(1, Timestamp.from(from));
        ps.setTimestamp(2, Timestamp.from(to));
        n += readAll(ps);
      }
    }
    return n;
  }

  private static int readAll(PreparedStatement ps) throws Exception {
    int n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int k = 1; k <= columns; k++) {
          rs.getObject(k);
        }
        n++;
      }
    }
    return n;
  }

  /**
   * Surveys of two answers each: old positives (rating 4–5 and fixed) spread over a year before the
   * window, and {@code negatives} in the window (rating 1–2 and a comment) with an open incident.
   */
  static void populate(Database db, int answers, int negatives, Instant now, Instant windowStart)
      throws Exception {
    int surveys = answers / 2;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement del = c.prepareStatement("DELETE FROM settings WHERE name = ?")) {
        del.setString(1, "installed_at");
        del.executeUpdate();
      }
      try (PreparedStatement st =
          c.prepareStatement("INSERT INTO settings (name, val) VALUES (?, ?)")) {
        st.setString(1, "installed_at");
        st.setString(2, now.minus(Duration.ofDays(400)).toString());
        st.executeUpdate();
      }
      try (PreparedStatement d =
          c.prepareStatement(
              """
          INSERT INTO digests (slot, kind, window_start, window_end, created_at, entries)
          VALUES ('daily:prev', 'scheduled', ?, ?, ?, 0)""")) {
        d.setTimestamp(1, Timestamp.from(windowStart.minus(Duration.ofDays(1))));
        d.setTimestamp(2, Timestamp.from(windowStart));
        d.setTimestamp(3, Timestamp.from(windowStart));
        d.executeUpdate();
      }
      PreparedStatement s =
          c.prepareStatement(
              """
          INSERT INTO surveys (id, source, ticket_id, person_key, requester_email, requester_name, title, url,
            assignee, team, closed_at, platform, platform_user, state, step, sent_at, answered_at, finished_at,
            created_at) VALUES (?, 'generic', ?, ?, ?, ?, 'VPN drops every hour', ?, 'Alex', 'network', ?, 'slack', ?,
            'answered', 'done', ?, ?, ?, ?)""");
      PreparedStatement an =
          c.prepareStatement(
              "INSERT INTO answers (survey_id, kind, answer, at, lang) VALUES (?, ?, ?, ?, ?)");
      PreparedStatement inc =
          c.prepareStatement(
              "INSERT INTO incidents (survey_id, created_at, kind) VALUES (?, ?, 'negative')");
      long windowMillis = Duration.between(windowStart, now).toMillis();
      for (int i = 1; i <= surveys; i++) {
        boolean negative = i > surveys - negatives;
        Instant sent =
            negative
                ? windowStart.plusMillis(
                    (long) (i - (surveys - negatives)) * windowMillis / (negatives + 1))
                : windowStart.minus(Duration.ofMinutes(1 + (long) (i % 525_000)));
        Instant answered = sent.plusSeconds(60);
        s.setLong(1, i);
        s.setString(2, "INC-" + i);
        s.setString(3, "user" + i + "@example.com");
        s.setString(4, "user" + i + "@example.com");
        s.setString(5, "User " + i);
        s.setString(6, "https://help.example.com/t/INC-" + i);
        s.setTimestamp(7, Timestamp.from(sent.minusSeconds(900)));
        s.setString(8, "U" + i);
        s.setTimestamp(9, Timestamp.from(sent));
        s.setTimestamp(10, Timestamp.from(answered));
        s.setTimestamp(11, Timestamp.from(answered));
        s.setTimestamp(12, Timestamp.from(sent));
        s.addBatch();
        an.setLong(1, i);
        an.setString(2, "rating");
        an.setString(3, negative ? Integer.toString(1 + i % 2) : Integer.toString(4 + i % 2));
        an.setTimestamp(4, Timestamp.from(answered));
        an.setString(5, null);
        an.addBatch();
        an.setLong(1, i);
        an.setString(2, negative ? "comment" : "fixed");
        String comment = "Still broken after the fix <!channel> — VPN drops at " + i;
        an.setString(3, negative ? comment : "true");
        an.setTimestamp(4, Timestamp.from(answered.plusSeconds(5)));
        // as the app stores a comment: with the language found in it then (NegativeAnswers)
        an.setString(5, negative ? CommentLanguage.detect(comment).orElse("") : null);
        an.addBatch();
        if (negative) {
          inc.setLong(1, i);
          inc.setTimestamp(2, Timestamp.from(answered));
          inc.addBatch();
        }
        if (i % 5000 == 0 || i == surveys) {
          s.executeBatch();
          an.executeBatch();
          inc.executeBatch();
          c.commit();
        }
      }
      try (var st = c.createStatement()) {
        st.execute("ALTER TABLE surveys ALTER COLUMN id RESTART WITH " + (surveys + 1));
      }
      c.commit();
    }
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }
}
