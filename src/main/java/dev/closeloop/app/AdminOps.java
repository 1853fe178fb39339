package dev.closeloop.app;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.io.StringWriter;
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

  Optional<List<Map<String, Object>>> surveys(String ticketId, String source) {
    return app.db
        .jdbi()
        .withHandle(
            h -> {
              Surveys surveys = new Surveys(h);
              List<SurveyRow> rows =
                  source == null
                      ? surveys.forTicketAnySource(ticketId)
                      : surveys.forTicket(source, ticketId);
              if (rows.isEmpty()) {
                return Optional.empty();
              }
              List<Map<String, Object>> out = new ArrayList<>();
              for (SurveyRow s : rows) {
                out.add(survey(h, s));
              }
              return Optional.of(out);
            });
  }

  private Map<String, Object> survey(Handle h, SurveyRow s) {
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
    for (AnswerRow a : new Answers(h).forSurvey(s.id())) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("kind", a.kind());
      am.put("value", answerValue(a));
      am.put("at", a.at());
      answers.add(am);
    }
    m.put("answers", answers);
    m.put("incident", new Incidents(h).find(s.id()).map(i -> incident(h, s, i)).orElse(null));
    return m;
  }

  static Object answerValue(AnswerRow a) {
    return switch (a.kind()) {
      case "rating" -> Integer.valueOf(a.answer());
      case "fixed" -> Boolean.valueOf(a.answer());
      default -> a.answer();
    };
  }

  List<Map<String, Object>> incidents(boolean all) {
    return app.db
        .jdbi()
        .withHandle(
            h -> {
              Incidents incidents = new Incidents(h);
              List<Map<String, Object>> out = new ArrayList<>();
              for (IncidentRow i : all ? incidents.all() : incidents.open()) {
                new Surveys(h).find(i.surveyId()).ifPresent(s -> out.add(incident(h, s, i)));
              }
              return out;
            });
  }

  private Map<String, Object> incident(Handle h, SurveyRow s, IncidentRow i) {
    DigestEntry e = IncidentViews.entry(s, i, new Answers(h).forSurvey(s.id()));
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
    Instant end = i.followedUpAt() != null ? i.followedUpAt() : app.clock.instant();
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
    List<Long> ids =
        app.db.jdbi().withHandle(h -> new Outbox(h).inState(OutboxRow.DEAD, 100_000)).stream()
            .map(OutboxRow::id)
            .toList();
    int n = 0;
    for (long id : ids) {
      n += retry(id).isPresent() ? 1 : 0;
    }
    return n;
  }

  /** Everything, or everything about one person, sandbox demo data excluded. */
  String export(String format, String user) {
    List<Map<String, Object>> rows =
        app.db
            .jdbi()
            .withHandle(
                h -> {
                  List<SurveyRow> surveys =
                      user == null ? new Surveys(h).all(false) : forUser(h, user);
                  List<Map<String, Object>> out = new ArrayList<>();
                  for (SurveyRow s : surveys) {
                    if (!"sandbox".equals(s.source())) {
                      out.add(survey(h, s));
                    }
                  }
                  return out;
                });
    try {
      if ("json".equals(format)) {
        return Json.MAPPER
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(Map.of("surveys", rows));
      }
      CsvMapper csv = new CsvMapper();
      CsvSchema schema =
          CsvSchema.builder()
              .addColumn("surveyId")
              .addColumn("source")
              .addColumn("ticketId")
              .addColumn("email")
              .addColumn("name")
              .addColumn("platform")
              .addColumn("state")
              .addColumn("reason")
              .addColumn("sentAt")
              .addColumn("answeredAt")
              .addColumn("fixed")
              .addColumn("rating")
              .addColumn("comment")
              .addColumn("request")
              .build()
              .withHeader();
      StringWriter out = new StringWriter();
      try (SequenceWriter w = csv.writer(schema).writeValues(out)) {
        for (Map<String, Object> s : rows) {
          Map<String, Object> flat = new LinkedHashMap<>();
          @SuppressWarnings("unchecked")
          Map<String, Object> r = (Map<String, Object>) s.get("requester");
          flat.put("surveyId", s.get("id"));
          flat.put("source", s.get("source"));
          flat.put("ticketId", s.get("ticketId"));
          flat.put("email", r.get("email"));
          flat.put("name", r.get("name"));
          flat.put("platform", s.get("platform"));
          flat.put("state", s.get("state"));
          flat.put("reason", s.get("reason"));
          flat.put("sentAt", str(s.get("sentAt")));
          flat.put("answeredAt", str(s.get("answeredAt")));
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> answers = (List<Map<String, Object>>) s.get("answers");
          for (Map<String, Object> a : answers) {
            flat.put(String.valueOf(a.get("kind")), str(a.get("value")));
          }
          for (String k : List.of("fixed", "rating", "comment", "request")) {
            flat.putIfAbsent(k, "");
          }
          w.write(flat);
        }
      }
      return out.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private List<SurveyRow> forUser(Handle h, String user) {
    String u = user.strip();
    List<SurveyRow> rows =
        h.createQuery(
                """
            SELECT * FROM surveys WHERE person_key = :k OR requester_email = :k OR slack_id = :u
              OR discord_id = :u OR platform_user = :u ORDER BY id
            """)
            .bind("k", u.toLowerCase(Locale.ROOT))
            .bind("u", u)
            .mapTo(SurveyRow.class)
            .list();
    return rows;
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
              h.createUpdate(
                      "DELETE FROM outbox WHERE created_at < :c AND state IN ('sent', 'dead')")
                  .bind("c", cutoff)
                  .execute();
              // replay keys only matter within the 300 s signature window
              h.createUpdate("DELETE FROM seen_requests WHERE seen_at < :c")
                  .bind("c", app.clock.instant().minus(java.time.Duration.ofDays(1)))
                  .execute();
              log.info(
                  "event=purged surveys={} tickets={} events={} cutoff={}",
                  surveys,
                  tickets,
                  events,
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
              List<SurveyRow> surveys = forUser(h, u);
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
    app.db.jdbi().useTransaction(h -> pairs.forEach(p -> new People(h).link(p[0], p[1])));
    n = pairs.size();
    return n;
  }
}
