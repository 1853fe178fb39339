package dev.closeloop.app;

import dev.closeloop.digest.DigestEntry;
import dev.closeloop.service.Identities;
import dev.closeloop.service.IncidentViews;
import dev.closeloop.store.AnswerRow;
import dev.closeloop.store.Answers;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.People;
import dev.closeloop.store.PersonRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the admin API and the CLI verbs do, in one place, as plain maps ready for JSON. */
final class AdminOps {
  private static final Logger log = LoggerFactory.getLogger(AdminOps.class);

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
    String[] cursor = Paging.parts(after, 1);
    long before = Long.MAX_VALUE;
    if (cursor != null) {
      try {
        before = Long.parseLong(cursor[0]);
      } catch (NumberFormatException e) {
        throw new Paging.BadPage("after must be a \"next\" cursor from an earlier answer");
      }
    }
    long beforeId = before;
    return app.db
        .jdbi()
        .withHandle(
            h -> {
              List<SurveyRow> rows =
                  new Surveys(h).forTicketPage(source, ticketId, beforeId, limit + 1);
              if (rows.isEmpty() && cursor == null) {
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

  /** Dead rows, or rows not sent yet (pending, in flight, unconfirmed: each with its state). */
  List<Map<String, Object>> outbox(String state) {
    return app
        .db
        .jdbi()
        .withHandle(
            h ->
                OutboxRow.DEAD.equals(state)
                    ? new Outbox(h).inState(state, 1000)
                    : new Outbox(h).notSent(1000))
        .stream()
        .map(AdminOps::outboxRow)
        .toList();
  }

  static Map<String, Object> outboxRow(OutboxRow o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("key", o.msgKey());
    m.put("platform", o.platform());
    m.put("kind", o.kind());
    m.put("purpose", o.purpose());
    m.put("state", o.state());
    m.put("attempts", o.attempts());
    m.put("nextAttemptAt", o.nextAttemptAt());
    m.put("lastError", o.lastError());
    m.put("surveyId", o.surveyId());
    m.put("createdAt", o.createdAt());
    return m;
  }

  /** Retries a dead row; a survey whose first DM it was is scheduled again, due now. */
  Optional<Map<String, Object>> retry(long id) {
    Instant now = app.clock.instant();
    return app.db
        .jdbi()
        .inTransaction(
            h -> {
              Outbox outbox = new Outbox(h);
              Optional<OutboxRow> row = outbox.find(id);
              if (row.isEmpty() || !OutboxRow.DEAD.equals(row.get().state())) {
                return Optional.<Map<String, Object>>empty();
              }
              if ("survey_dm".equals(row.get().purpose()) && row.get().surveyId() != null) {
                // the survey is looked up and sent again from scratch (identity may have changed)
                h.createUpdate("DELETE FROM outbox WHERE id = :id").bind("id", id).execute();
                new Surveys(h).rescheduleNow(row.get().surveyId(), now);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("surveyId", row.get().surveyId());
                m.put("state", "scheduled");
                return Optional.of(m);
              }
              outbox.revive(id, now);
              return Optional.of(outboxRow(outbox.find(id).orElseThrow()));
            });
  }

  int retryAllDead() {
    int n = 0;
    long after = 0;
    List<Long> ids;
    do {
      long from = after;
      ids = app.db.jdbi().withHandle(h -> new Outbox(h).deadIds(from, 500));
      for (long id : ids) {
        n += retry(id).isPresent() ? 1 : 0;
        after = id;
      }
    } while (!ids.isEmpty());
    return n;
  }

  /** Everything, or everything about one person, sandbox demo data excluded, to {@code out}. */
  void export(String format, String user, java.io.Writer out) throws java.io.IOException {
    new SurveyExport(app.db.jdbi(), this).write(format, user, out);
  }

  /**
   * A CSV cell a spreadsheet will not run: text starting with {@code = + - @}, tab or CR (a formula
   * or DDE trigger in Excel, LibreOffice and Sheets) gets a leading apostrophe.
   */
  static Object spreadsheetSafe(Object value) {
    if (value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return value;
  }

  /** Removes tickets, surveys and answers older than retention.keep. */
  int purge() {
    Instant cutoff = app.clock.instant().minus(app.config.retention().keep());
    return app.db
        .jdbi()
        .inTransaction(
            h -> {
              int surveys =
                  h.createUpdate(
                          """
              DELETE FROM surveys WHERE created_at < :c
                AND state IN ('answered', 'expired', 'cancelled', 'skipped')
              """)
                      .bind("c", cutoff)
                      .execute();
              int tickets =
                  h.createUpdate("DELETE FROM tickets WHERE updated_at < :c")
                      .bind("c", cutoff)
                      .execute();
              int events =
                  h.createUpdate("DELETE FROM ticket_events WHERE received_at < :c")
                      .bind("c", cutoff)
                      .execute();
              new dev.closeloop.store.LinkRequests(h).purgeBefore(cutoff);
              h.createUpdate(
                      "DELETE FROM outbox WHERE created_at < :c AND state IN ('sent', 'dead')")
                  .bind("c", cutoff)
                  .execute();
              int sandbox =
                  h.createUpdate("DELETE FROM sandbox_messages WHERE created_at < :c")
                      .bind("c", cutoff)
                      .execute();
              // body-signed senders (Jira, Zammad) sign no time: a request stays a replay as long
              // as anything it could touch is kept
              h.createUpdate("DELETE FROM seen_requests WHERE seen_at < :c")
                  .bind("c", cutoff)
                  .execute();
              log.info(
                  "event=purged surveys={} tickets={} events={} sandbox_messages={} cutoff={}",
                  surveys,
                  tickets,
                  events,
                  sandbox,
                  cutoff);
              return surveys + tickets + events;
            });
  }

  /** Erases a person everywhere; keeps only keyed hashes of their ids if they had opted out. */
  boolean eraseUser(String user) {
    String u = user.strip();
    return app.db
        .jdbi()
        .inTransaction(
            h -> {
              // one person's surveys: few, and all of them are needed here
              List<SurveyRow> surveys = new Surveys(h).ofPerson(u, 0, Integer.MAX_VALUE);
              People people = new People(h);
              List<PersonRow> persons = new ArrayList<>(people.byPlatformId("slack", u));
              persons.addAll(people.byPlatformId("discord", u));
              people.find(u.toLowerCase(Locale.ROOT)).ifPresent(persons::add);
              for (SurveyRow s : surveys) {
                people.find(s.personKey()).ifPresent(persons::add);
              }
              if (surveys.isEmpty() && persons.isEmpty()) {
                return false;
              }
              for (PersonRow p : persons) {
                if (p.optedOut()) {
                  for (String id :
                      new String[] {p.email(), p.slackId(), p.discordId(), p.personKey()}) {
                    if (id != null) {
                      people.rememberErasedOptOut(Identities.hash(h, id));
                    }
                  }
                }
                people.unlink(
                    p.email() == null ? "" : p.email(), p.discordId() == null ? "" : p.discordId());
                people.delete(p.personKey());
              }
              for (SurveyRow s : surveys) {
                h.createUpdate("DELETE FROM outbox WHERE survey_id = :s")
                    .bind("s", s.id())
                    .execute();
                h.createUpdate("DELETE FROM surveys WHERE id = :s").bind("s", s.id()).execute();
              }
              h.createUpdate("DELETE FROM links WHERE email = :e OR discord_id = :u")
                  .bind("e", u.toLowerCase(Locale.ROOT))
                  .bind("u", u)
                  .execute();
              log.info("event=user_erased surveys={} people={}", surveys.size(), persons.size());
              return true;
            });
  }

  /** Self-service Discord links waiting for an admin (no mail relay configured). */
  List<Map<String, Object>> pendingLinks() {
    return app.links.pending(1000).stream().map(AdminOps::linkRequest).toList();
  }

  Optional<Map<String, Object>> approveLink(long id) {
    return app.links
        .approve(id)
        .map(
            r -> {
              Map<String, Object> m = linkRequest(r);
              m.put("state", "linked");
              return m;
            });
  }

  private static Map<String, Object> linkRequest(dev.closeloop.store.LinkRequests.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("email", r.email());
    m.put("discordId", r.discordId());
    m.put("requestedAt", r.requestedAt());
    return m;
  }

  /** Imports email,discordId lines; returns how many were linked. */
  int links(String csv) {
    int n = 0;
    List<String[]> pairs = new ArrayList<>();
    for (String line : csv.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.toLowerCase(Locale.ROOT).startsWith("email")) {
        continue;
      }
      String[] parts = l.split(",");
      if (parts.length != 2
          || !parts[0].strip().contains("@")
          || !parts[1].strip().matches("\\d{5,25}")) {
        throw new IllegalArgumentException("bad line (want email,discordId): " + HttpApi.cut(l));
      }
      pairs.add(new String[] {parts[0].strip().toLowerCase(Locale.ROOT), parts[1].strip()});
    }
    java.time.Instant now = app.clock.instant();
    // an import that moves an email to another Discord account tells the one it leaves
    app.db
        .jdbi()
        .useTransaction(
            h -> pairs.forEach(p -> dev.closeloop.service.LinkService.link(h, p[0], p[1], now)));
    n = pairs.size();
    return n;
  }
}
