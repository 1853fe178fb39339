package dev.closeloop.digest.usecase;

import dev.closeloop.config.Config;
import dev.closeloop.digest.Figures;
import dev.closeloop.store.AnswerRow;
import dev.closeloop.store.Answers;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.usecase.AnswerSet;
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
import java.util.function.Function;
import java.util.stream.Collectors;
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

  /** One survey with its answers, for counting. */
  record Row(SurveyRow survey, Integer rating, Boolean fixed) {}

  /** {@code /admin/stats}: dates inclusive, either may be null (open-ended). */
  public Map<String, Object> stats(LocalDate since, LocalDate until) {
    Instant from = since == null ? Instant.EPOCH : since.atStartOfDay(zone).toInstant();
    Instant to =
        until == null
            ? Instant.parse("9999-01-01T00:00:00Z")
            : until.plusDays(1).atStartOfDay(zone).toInstant();
    List<Row> rows = rows(from, to);
    Map<String, Object> out = figures(rows);
    out.put("byTeam", group(rows, r -> r.survey().team() == null ? "(none)" : r.survey().team()));
    out.put(
        "byAssignee",
        group(rows, r -> r.survey().assignee() == null ? "(none)" : r.survey().assignee()));
    out.put("byWeek", group(rows, r -> week(r.survey().sentAt())));
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

  List<Row> rows(Instant from, Instant to) {
    return jdbi.withHandle(
        h -> {
          List<SurveyRow> surveys = new Surveys(h).sentBetween(from, to);
          Map<Long, List<AnswerRow>> answers =
              new Answers(h)
                  .forSurveys(surveys.stream().map(SurveyRow::id).toList()).stream()
                      .collect(Collectors.groupingBy(AnswerRow::surveyId));
          List<Row> rows = new ArrayList<>();
          for (SurveyRow s : surveys) {
            AnswerSet a = AnswerSet.of(answers.getOrDefault(s.id(), List.of()));
            rows.add(new Row(s, a.rating(), a.fixed()));
          }
          return rows;
        });
  }

  private Map<String, Object> group(List<Row> rows, Function<Row, String> key) {
    Map<String, List<Row>> groups = new TreeMap<>();
    rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
    Map<String, Object> out = new LinkedHashMap<>();
    groups.forEach((k, v) -> out.put(k, figures(v)));
    return out;
  }

  static Map<String, Object> figures(List<Row> rows) {
    int sent = rows.size();
    int answered = 0;
    int rated = 0;
    int happy = 0;
    int fixedAnswers = 0;
    int notFixed = 0;
    List<Duration> times = new ArrayList<>();
    for (Row r : rows) {
      if (r.survey().answeredAt() != null) {
        answered++;
        times.add(Duration.between(r.survey().sentAt(), r.survey().answeredAt()));
      }
      if (r.rating() != null) {
        rated++;
        if (r.rating() >= 4) {
          happy++;
        }
      }
      if (r.fixed() != null) {
        fixedAnswers++;
        if (!r.fixed()) {
          notFixed++;
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("csat", rated == 0 ? null : (double) happy / rated);
    out.put("responseRate", sent == 0 ? null : (double) answered / sent);
    out.put("rated", rated);
    out.put("answered", answered);
    out.put("sent", sent);
    out.put("notFixedShare", fixedAnswers == 0 ? null : (double) notFixed / fixedAnswers);
    out.put("medianTimeToAnswer", median(times));
    return out;
  }

  private static String median(List<Duration> times) {
    if (times.isEmpty()) {
      return null;
    }
    List<Duration> sorted = times.stream().sorted().toList();
    int n = sorted.size();
    Duration m =
        n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    return m.toString();
  }
}
