package dev.closeloop.digest.usecase;

import dev.closeloop.config.Config;
import dev.closeloop.digest.Figures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The figures that tell whether service is getting better: CSAT always beside the response rate,
 * share "not fixed", median time to answer; by team, assignee and week. A survey counts by the day
 * its DM was sent (in {@code digest.zone}); sandbox demo data never counts.
 */
public final class StatsService {
  private final Jdbi jdbi;
  private final ZoneId zone;
  private final Clock clock;
  private final dev.closeloop.language.Words words;

  public StatsService(Jdbi jdbi, Config config, Clock clock) {
    this.jdbi = jdbi;
    this.zone = ZoneId.of(config.digest().zone());
    this.clock = clock;
    this.words =
        dev.closeloop.language.Words.team(config.digest().locale(), config.digest().zone());
  }

  /** {@code /admin/stats}: dates inclusive, either may be null (open-ended). */
  public Map<String, Object> stats(LocalDate since, LocalDate until) {
    Instant from = since == null ? Instant.EPOCH : since.atStartOfDay(zone).toInstant();
    Instant to =
        until == null
            ? Instant.parse("9999-01-01T00:00:00Z")
            : until.plusDays(1).atStartOfDay(zone).toInstant();
    return jdbi.withHandle(
        h -> {
          Map<String, Object> out = new LinkedHashMap<>();
          Instant[] span = new Instant[2];
          grouped(h, "''", "", from, to, List.of())
              .forEach(
                  g -> {
                    out.putAll(g.figures());
                    span[0] = g.first();
                    span[1] = g.last();
                  });
          out.put("byTeam", byKey(h, "COALESCE(s.team, '(none)')", from, to));
          out.put("byAssignee", byKey(h, "COALESCE(s.assignee, '(none)')", from, to));
          out.put("byWeek", byWeek(h, span[0], span[1], from, to));
          return out;
        });
  }

  /**
   * The figures of every group of surveys sent in [from, to), counted by the database: one row per
   * {@code key}, each survey joined to its rating and fixed answers (one each: the first answer to
   * a question is kept), the median time to answer as the database's PERCENTILE_CONT over the
   * answered ones. {@code weeks}, when given, is joined as a table of [start, end) ranges.
   */
  private record Group(String key, Map<String, Object> figures, Instant first, Instant last) {}

  private static final String GROUPED =
      """
      SELECT %s AS k, COUNT(*) AS sent, COUNT(s.answered_at) AS answered, COUNT(r.id) AS rated,
             COALESCE(SUM(CASE WHEN r.answer IN ('4', '5') THEN 1 ELSE 0 END), 0) AS happy,
             COUNT(f.id) AS fixed_answers,
             COALESCE(SUM(CASE WHEN f.id IS NOT NULL AND LOWER(f.answer) <> 'true' THEN 1 ELSE 0 END),
               0) AS not_fixed,
             PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
               EXTRACT(EPOCH FROM s.answered_at) - EXTRACT(EPOCH FROM s.sent_at)) AS median_s,
             MIN(s.sent_at) AS first_sent, MAX(s.sent_at) AS last_sent
      FROM surveys s %s
      LEFT JOIN answers r ON r.survey_id = s.id AND r.kind = 'rating'
      LEFT JOIN answers f ON f.survey_id = s.id AND f.kind = 'fixed'
      WHERE s.sent_at >= :from AND s.sent_at < :to AND s.source <> 'sandbox'
      %s
      """;

  private List<Group> grouped(
      Handle h, String key, String groupBy, Instant from, Instant to, List<Instant> weeks) {
    StringBuilder join = new StringBuilder();
    if (!weeks.isEmpty()) {
      join.append("JOIN (VALUES ");
      for (int i = 0; i + 1 < weeks.size(); i++) {
        join.append(i == 0 ? "" : ", ")
            .append("(CAST(:w")
            .append(i)
            .append(" AS TIMESTAMP WITH TIME ZONE), CAST(:w")
            .append(i + 1)
            .append(" AS TIMESTAMP WITH TIME ZONE))");
      }
      join.append(") AS w(ws, we) ON s.sent_at >= w.ws AND s.sent_at < w.we");
    }
    var q = h.createQuery(GROUPED.formatted(key, join, groupBy)).bind("from", from).bind("to", to);
    for (int i = 0; i < weeks.size(); i++) {
      q.bind("w" + i, weeks.get(i));
    }
    return q.map(
            (rs, ctx) -> {
              Map<String, Object> f =
                  figures(
                      rs.getLong("sent"),
                      rs.getLong("answered"),
                      rs.getLong("rated"),
                      rs.getLong("happy"),
                      rs.getLong("fixed_answers"),
                      rs.getLong("not_fixed"),
                      (Number) rs.getObject("median_s"));
              java.time.OffsetDateTime first =
                  rs.getObject("first_sent", java.time.OffsetDateTime.class);
              java.time.OffsetDateTime last =
                  rs.getObject("last_sent", java.time.OffsetDateTime.class);
              return new Group(
                  rs.getString("k"),
                  f,
                  first == null ? null : first.toInstant(),
                  last == null ? null : last.toInstant());
            })
        .list();
  }

  private Map<String, Object> byKey(Handle h, String key, Instant from, Instant to) {
    Map<String, Object> out = new TreeMap<>();
    grouped(h, key, "GROUP BY " + key, from, to, List.of())
        .forEach(g -> out.put(g.key(), g.figures()));
    return out;
  }

  /**
   * By ISO week in {@code digest.zone}: the weeks from the first survey sent to the last, as
   * [Monday 00:00, next Monday 00:00) in the zone (daylight saving included), joined in SQL.
   */
  private Map<String, Object> byWeek(
      Handle h, Instant first, Instant last, Instant from, Instant to) {
    Map<String, Object> out = new TreeMap<>();
    if (first == null) {
      return out;
    }
    LocalDate monday = first.atZone(zone).toLocalDate().with(java.time.DayOfWeek.MONDAY);
    LocalDate end = last.atZone(zone).toLocalDate();
    List<Instant> bounds = new ArrayList<>();
    for (LocalDate d = monday; !d.isAfter(end.plusWeeks(1)); d = d.plusWeeks(1)) {
      bounds.add(d.atStartOfDay(zone).toInstant());
    }
    int weeks = bounds.size() - 1;
    // one statement per chunk of weeks keeps the parameter count bounded on any store; a group
    // is one week, named by its first survey
    for (int i = 0; i < weeks; i += WEEKS_PER_STATEMENT) {
      int j = Math.min(weeks, i + WEEKS_PER_STATEMENT);
      grouped(h, "w.ws", "GROUP BY w.ws", from, to, bounds.subList(i, j + 1))
          .forEach(g -> out.put(week(g.first()), g.figures()));
    }
    return out;
  }

  private static final int WEEKS_PER_STATEMENT = 200;

  static Map<String, Object> figures(
      long sent,
      long answered,
      long rated,
      long happy,
      long fixedAnswers,
      long notFixed,
      Number medianSeconds) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("csat", rated == 0 ? null : (double) happy / rated);
    out.put("responseRate", sent == 0 ? null : (double) answered / sent);
    out.put("rated", rated);
    out.put("answered", answered);
    out.put("sent", sent);
    out.put("notFixedShare", fixedAnswers == 0 ? null : (double) notFixed / fixedAnswers);
    out.put(
        "medianTimeToAnswer",
        medianSeconds == null
            ? null
            : Duration.ofMillis(Math.round(medianSeconds.doubleValue() * 1000)).toString());
    return out;
  }

  /**
   * CSAT and response rate of the surveys sent in [?, ?), counted by the database over an index
   * range scan ({@code surveys_sent}). Public so that the digest benchmark runs this very
   * statement.
   */
  public static final String WINDOW_FIGURES =
      """
      SELECT COUNT(*) AS sent, COUNT(s.answered_at) AS answered, COUNT(r.id) AS rated,
             COALESCE(SUM(CASE WHEN r.answer IN ('4', '5') THEN 1 ELSE 0 END), 0) AS happy
      FROM surveys s LEFT JOIN answers r ON r.survey_id = s.id AND r.kind = 'rating'
      WHERE s.sent_at >= ? AND s.sent_at < ? AND s.source <> 'sandbox'
      """;

  /** CSAT and response rate for surveys sent in [from, to), counted by the database. */
  public Figures figures(Instant from, Instant to) {
    return jdbi.withHandle(h -> figures(h, from, to));
  }

  /** {@link #figures(Instant, Instant)} on the caller's handle (in its transaction). */
  public Figures figures(Handle h, Instant from, Instant to) {
    return h.createQuery(WINDOW_FIGURES)
        .bind(0, from)
        .bind(1, to)
        .map(
            (rs, ctx) -> {
              int sent = (int) rs.getLong("sent");
              int answered = (int) rs.getLong("answered");
              int rated = (int) rs.getLong("rated");
              long happy = rs.getLong("happy");
              return new Figures(
                  rated == 0 ? null : (double) happy / rated,
                  sent == 0 ? null : (double) answered / sent,
                  rated,
                  answered,
                  sent);
            })
        .one();
  }

  /** A one-line summary of the last {@code days} days, for {@code /closeloop stats}. */
  public String summaryLine(int days) {
    Instant now = clock.instant();
    return words.t(
        "statsLine",
        "days",
        days,
        "figures",
        figures(now.minus(Duration.ofDays(days)), now).line(words));
  }

  String week(Instant sentAt) {
    LocalDate d = sentAt.atZone(zone).toLocalDate();
    return String.format(
        "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
