package dev.closeloop.app;

import dev.closeloop.digest.DigestEntry;
import dev.closeloop.digest.usecase.IncidentViews;
import dev.closeloop.store.AnswerRow;
import dev.closeloop.store.Answers;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What the admin API and the CLI show of surveys and incidents, as plain maps ready for JSON (the
 * outbox: {@link OutboxOps}; purge and erasure: {@link Retention}; links: {@link AdminLinks}).
 */
final class AdminOps {
  private final App app;

  AdminOps(App app) {
    this.app = app;
  }

  /** The contract's survey state: a survey whose DM is queued still reads "scheduled". */
  static String state(SurveyRow s) {
    return "sending".equals(s.state()) ? SurveyRow.SCHEDULED : s.state();
  }

  /** A ticket's surveys, newest first, a page at a time; empty when the ticket has none. */
  Optional<Paging.Page<Map<String, Object>>> surveys(
      String ticketId, String source, int limit, String after) {
    boolean firstPage = Paging.parts(after, 1) == null;
    long beforeId = Paging.id(after, Long.MAX_VALUE);
    return app.db
        .jdbi()
        .withHandle(
            h -> {
              List<SurveyRow> rows =
                  new Surveys(h).forTicketPage(source, ticketId, beforeId, limit + 1);
              if (rows.isEmpty() && firstPage) {
                return Optional.empty();
              }
              List<SurveyRow> page = rows.subList(0, Math.min(limit, rows.size()));
              String next =
                  rows.size() > limit
                      ? Paging.cursor(Long.toString(page.get(page.size() - 1).id()))
                      : null;
              return Optional.of(new Paging.Page<>(views(h, page), next));
            });
  }

  /** Each survey as the admin API shows it, its answers and incident read in one query each. */
  List<Map<String, Object>> views(Handle h, List<SurveyRow> surveys) {
    List<Long> ids = surveys.stream().map(SurveyRow::id).toList();
    Map<Long, List<AnswerRow>> answers = new java.util.HashMap<>();
    for (AnswerRow a : new Answers(h).forSurveys(ids)) {
      answers.computeIfAbsent(a.surveyId(), k -> new ArrayList<>()).add(a);
    }
    Map<Long, IncidentRow> incidents = new java.util.HashMap<>();
    for (IncidentRow i : new Incidents(h).forSurveys(ids)) {
      incidents.put(i.surveyId(), i);
    }
    Instant now = app.clock.instant();
    List<Map<String, Object>> out = new ArrayList<>(surveys.size());
    for (SurveyRow s : surveys) {
      out.add(survey(s, answers.getOrDefault(s.id(), List.of()), incidents.get(s.id()), now));
    }
    return out;
  }

  private static Map<String, Object> survey(
      SurveyRow s, List<AnswerRow> answerRows, IncidentRow incident, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("source", s.source());
    m.put("ticketId", s.ticketId());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("email", s.requesterEmail());
    r.put("name", s.requesterName());
    r.put("slackId", s.slackId());
    r.put("discordId", s.discordId());
    m.put("requester", r);
    m.put("platform", s.platform());
    m.put("state", state(s));
    m.put("reason", s.reason());
    m.put("dueAt", s.dueAt());
    m.put("sentAt", s.sentAt());
    m.put("answeredAt", s.answeredAt());
    List<Map<String, Object>> answers = new ArrayList<>();
    for (AnswerRow a : answerRows) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("kind", a.kind());
      am.put("value", answerValue(a));
      am.put("at", a.at());
      answers.add(am);
    }
    m.put("answers", answers);
    m.put("incident", incident == null ? null : incident(s, incident, answerRows, now));
    return m;
  }

  static Object answerValue(AnswerRow a) {
    return switch (a.kind()) {
      case "rating" -> Integer.valueOf(a.answer());
      case "fixed" -> Boolean.valueOf(a.answer());
      default -> a.answer();
    };
  }

  /** Open (or all) incidents, oldest first, a page at a time (keyset: created at, survey id). */
  Paging.Page<Map<String, Object>> incidents(boolean all, int limit, String after) {
    String[] cursor = Paging.parts(after, 2);
    Instant afterAt;
    long afterId;
    try {
      afterAt = cursor == null ? null : Instant.parse(cursor[0]);
      afterId = cursor == null ? 0 : Long.parseLong(cursor[1]);
    } catch (RuntimeException e) {
      throw new Paging.BadPage("after must be a \"next\" cursor from an earlier answer");
    }
    if (afterAt != null && !dev.closeloop.ticket.TicketEvent.storable(afterAt)) {
      throw new Paging.BadPage("after must be a \"next\" cursor from an earlier answer");
    }
    return app.db
        .jdbi()
        .withHandle(
            h -> {
              List<IncidentRow> rows = new Incidents(h).page(all, afterAt, afterId, limit + 1);
              List<IncidentRow> page = rows.subList(0, Math.min(limit, rows.size()));
              List<Long> ids = page.stream().map(IncidentRow::surveyId).toList();
              Map<Long, SurveyRow> surveys = new java.util.HashMap<>();
              for (SurveyRow s : new Surveys(h).byIds(ids)) {
                surveys.put(s.id(), s);
              }
              Map<Long, List<AnswerRow>> answers = new java.util.HashMap<>();
              for (AnswerRow a : new Answers(h).forSurveys(ids)) {
                answers.computeIfAbsent(a.surveyId(), k -> new ArrayList<>()).add(a);
              }
              Instant now = app.clock.instant();
              List<Map<String, Object>> out = new ArrayList<>(page.size());
              for (IncidentRow i : page) {
                SurveyRow s = surveys.get(i.surveyId());
                if (s != null) {
                  out.add(incident(s, i, answers.getOrDefault(s.id(), List.of()), now));
                }
              }
              IncidentRow last = page.isEmpty() ? null : page.get(page.size() - 1);
              String next =
                  rows.size() > limit
                      ? Paging.cursor(last.createdAt().toString(), Long.toString(last.surveyId()))
                      : null;
              return new Paging.Page<>(out, next);
            });
  }

  private static Map<String, Object> incident(
      SurveyRow s, IncidentRow i, List<AnswerRow> answers, Instant now) {
    DigestEntry e = IncidentViews.entry(s, i, answers);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("surveyId", s.id());
    m.put("ticketId", s.ticketId());
    m.put("title", s.title());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("email", s.requesterEmail());
    r.put("name", s.requesterName());
    m.put("requester", r);
    m.put("assignee", s.assignee());
    m.put("team", s.team());
    m.put("score", e.score());
    m.put("fixed", e.fixed());
    m.put("comment", e.comment());
    m.put("request", e.request());
    m.put("kind", i.kind());
    m.put("owner", i.owner());
    m.put("ownedAt", i.ownedAt());
    m.put("followedUpBy", i.followedUpBy());
    m.put("followedUpAt", i.followedUpAt());
    m.put("note", i.note());
    Instant end = i.followedUpAt() != null ? i.followedUpAt() : now;
    m.put("age", Duration.between(i.createdAt(), end).withNanos(0).toString());
    return m;
  }

  /** Everything, or everything about one person, sandbox demo data excluded, to {@code out}. */
  void export(String format, String user, java.io.Writer out) throws java.io.IOException {
    new SurveyExport(app.db.jdbi(), this).write(format, user, out);
  }
}
