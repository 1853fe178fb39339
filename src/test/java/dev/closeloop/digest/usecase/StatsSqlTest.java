package dev.closeloop.digest.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.app.ConfigLoader;
import dev.closeloop.store.Answers;
import dev.closeloop.store.Database;
import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/stats} is counted by the database: on H2 and PostgreSQL it must equal the same
 * figures counted in Java from every survey and its answers (the way it was computed before), for
 * every group — team, assignee, ISO week in a zone with a daylight-saving change — and for date
 * bounds.
 */
@ExtendWith(PostgresExtension.class)
class StatsSqlTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin"); // DST ends 2026-10-25
  private static final Instant START = Instant.parse("2026-10-05T00:00:00Z");
  private static final String[] TEAMS = {"network", "desk", null};
  private static final String[] ASSIGNEES = {"Alex", "Kim", null};

  @TempDir Path dir;

  record Survey(
      String source,
      String team,
      String assignee,
      Instant sent,
      Instant answered,
      Integer rating,
      String fixed) {}

  @Test
  @DisplayName("H2: every figure and group as counted in Java")
  void h2() {
    check("jdbc:h2:file:" + dir.resolve("db/closeloop"), "", "");
  }

  @Test
  @DisplayName("PostgreSQL: the same")
  void postgres(TestPostgres.Db db) {
    check(db.url(), db.user(), db.password());
  }

  private static void check(String url, String user, String password) {
    List<Survey> surveys = surveys(new Random(7), 300);
    try (Database db = Database.open(url, user, password)) {
      db.jdbi().useTransaction(h -> surveys.forEach(s -> insert(h, s)));
      StatsService stats =
          new StatsService(
              db.jdbi(),
              new ConfigLoader(n -> null)
                  .loadString(
                      "storage: { url: \"%s\", user: \"%s\", password: \"%s\" }\ndigest: { zone: %s }"
                          .formatted(url, user, password, ZONE)),
              Clock.fixed(START, ZoneOffset.UTC));

      assertThat(stats.stats(null, null)).isEqualTo(expected(surveys, null, null));
      LocalDate since = LocalDate.of(2026, 10, 20);
      LocalDate until = LocalDate.of(2026, 11, 3);
      assertThat(stats.stats(since, until)).isEqualTo(expected(surveys, since, until));
      assertThat(stats.stats(LocalDate.of(2030, 1, 1), null))
          .isEqualTo(expected(surveys, LocalDate.of(2030, 1, 1), null));
    }
  }

  /** Surveys over ten weeks, on whole seconds; some unsent, some sandbox demo data. */
  private static List<Survey> surveys(Random rnd, int n) {
    List<Survey> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant sent = rnd.nextInt(10) == 0 ? null : START.plusSeconds(rnd.nextInt(70 * 24 * 3600));
      Instant answered =
          sent == null || rnd.nextBoolean() ? null : sent.plusSeconds(60 + rnd.nextInt(86_400));
      Integer rating = answered != null && rnd.nextInt(4) > 0 ? 1 + rnd.nextInt(5) : null;
      String[] fixed = {null, "true", "false", "TRUE"};
      out.add(
          new Survey(
              rnd.nextInt(15) == 0 ? "sandbox" : "generic",
              TEAMS[rnd.nextInt(TEAMS.length)],
              ASSIGNEES[rnd.nextInt(ASSIGNEES.length)],
              sent,
              answered,
              rating,
              answered == null ? null : fixed[rnd.nextInt(fixed.length)]));
    }
    return out;
  }

  private static void insert(Handle h, Survey s) {
    long id =
        h.createUpdate(
                """
                INSERT INTO surveys (source, ticket_id, person_key, title, assignee, team, closed_at,
                  platform, platform_user, state, step, sent_at, answered_at, created_at)
                VALUES (:source, :t, :p, 'Ticket', :assignee, :team, :created, 'slack', 'U1',
                  :state, 'done', :sent, :answered, :created)""")
            .bind("source", s.source())
            .bind("t", "INC-" + System.nanoTime())
            .bind("p", "p")
            .bind("assignee", s.assignee())
            .bind("team", s.team())
            .bind("created", START)
            .bind(
                "state",
                s.answered() != null ? "answered" : s.sent() != null ? "sent" : "scheduled")
            .bind("sent", s.sent())
            .bind("answered", s.answered())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    Answers answers = new Answers(h);
    if (s.rating() != null) {
      answers.record(id, "rating", Integer.toString(s.rating()), s.answered());
    }
    if (s.fixed() != null) {
      answers.record(id, "fixed", s.fixed(), s.answered());
    }
  }

  /** The figures counted in Java, as StatsService did before it asked the database. */
  private static Map<String, Object> expected(List<Survey> all, LocalDate since, LocalDate until) {
    Instant from = since == null ? Instant.EPOCH : since.atStartOfDay(ZONE).toInstant();
    Instant to = until == null ? Instant.MAX : until.plusDays(1).atStartOfDay(ZONE).toInstant();
    List<Survey> rows =
        all.stream()
            .filter(s -> !s.source().equals("sandbox") && s.sent() != null)
            .filter(s -> !s.sent().isBefore(from) && s.sent().isBefore(to))
            .toList();
    Map<String, Object> out = figures(rows);
    out.put("byTeam", group(rows, s -> s.team() == null ? "(none)" : s.team()));
    out.put("byAssignee", group(rows, s -> s.assignee() == null ? "(none)" : s.assignee()));
    out.put("byWeek", group(rows, s -> week(s.sent())));
    return out;
  }

  private static String week(Instant at) {
    LocalDate d = at.atZone(ZONE).toLocalDate();
    return String.format(
        "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static Map<String, Object> group(List<Survey> rows, Function<Survey, String> key) {
    Map<String, List<Survey>> groups = new TreeMap<>();
    rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
    Map<String, Object> out = new TreeMap<>();
    groups.forEach((k, v) -> out.put(k, figures(v)));
    return out;
  }

  private static Map<String, Object> figures(List<Survey> rows) {
    long answered = rows.stream().filter(s -> s.answered() != null).count();
    long rated = rows.stream().filter(s -> s.rating() != null).count();
    long happy = rows.stream().filter(s -> s.rating() != null && s.rating() >= 4).count();
    long fixedAnswers = rows.stream().filter(s -> s.fixed() != null).count();
    long notFixed =
        rows.stream().filter(s -> s.fixed() != null && !Boolean.valueOf(s.fixed())).count();
    List<Duration> times =
        rows.stream()
            .filter(s -> s.answered() != null)
            .map(s -> Duration.between(s.sent(), s.answered()))
            .sorted()
            .toList();
    String median = null;
    int n = times.size();
    if (n > 0) {
      Duration m =
          n % 2 == 1 ? times.get(n / 2) : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2);
      median = m.toString();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    int sent = rows.size();
    out.put("csat", rated == 0 ? null : (double) happy / rated);
    out.put("responseRate", sent == 0 ? null : (double) answered / sent);
    out.put("rated", rated);
    out.put("answered", answered);
    out.put("sent", (long) sent);
    out.put("notFixedShare", fixedAnswers == 0 ? null : (double) notFixed / fixedAnswers);
    out.put("medianTimeToAnswer", median);
    return out;
  }
}
