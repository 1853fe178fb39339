package dev.closeloop.app;

import dev.closeloop.store.Identities;
import dev.closeloop.store.People;
import dev.closeloop.store.PersonRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.ticket.usecase.DemoHelpdesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Data kept no longer than it may be: the retention purge, and erasing one person. */
final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final App app;

  Retention(App app) {
    this.app = app;
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
              DemoHelpdesk.purge(h, cutoff);
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
              DemoHelpdesk.erase(h, u.toLowerCase(Locale.ROOT));
              h.createUpdate("DELETE FROM links WHERE email = :e OR discord_id = :u")
                  .bind("e", u.toLowerCase(Locale.ROOT))
                  .bind("u", u)
                  .execute();
              log.info("event=user_erased surveys={} people={}", surveys.size(), persons.size());
              return true;
            });
  }
}
