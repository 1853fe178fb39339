package dev.closeloop.app;

import dev.closeloop.store.Identities;
import dev.closeloop.store.People;
import dev.closeloop.store.PersonRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.ticket.usecase.DemoHelpdesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Data kept no longer than it may be: the retention purge, and erasing one person. */
final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final App app;

  Retention(App app) {
    this.app = app;
  }

  /** Rows deleted per transaction from the tables that grow with the traffic. */
  static final int BATCH = 1_000;

  /**
   * Removes tickets, surveys and answers older than retention.keep. The tables that grow with the
   * traffic (surveys with their answers and incidents, ticket events, the outbox) are walked along
   * their primary key and cut {@link #BATCH} rows per transaction, so that a large cut (after
   * retention.keep was shortened) neither holds one huge transaction nor blocks intake behind it; a
   * purge cut short by a crash goes on from where it stopped the next time.
   */
  int purge() {
    return purge(BATCH);
  }

  int purge(int batch) {
    Instant cutoff = app.clock.instant().minus(app.config.retention().keep());
    int surveys =
        deleteAlongId(
            "surveys",
            "created_at < :c AND state IN ('answered', 'expired', 'cancelled', 'skipped')",
            cutoff,
            batch);
    int events = deleteAlongId("ticket_events", "received_at < :c", cutoff, batch);
    deleteAlongId("outbox", "created_at < :c AND state IN ('sent', 'dead')", cutoff, batch);
    return app.db
        .jdbi()
        .inTransaction(
            h -> {
              int tickets =
                  h.createUpdate("DELETE FROM tickets WHERE updated_at < :c")
                      .bind("c", cutoff)
                      .execute();
              new dev.closeloop.store.LinkRequests(h).purgeBefore(cutoff);
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

  /**
   * Deletes the rows of {@code table} matching {@code where}, one transaction per {@code batch}
   * ids: each step reads the next ids from the primary key, so the walk reads the table once.
   */
  private int deleteAlongId(String table, String where, Instant cutoff, int batch) {
    int removed = 0;
    long after = Long.MIN_VALUE;
    while (true) {
      long from = after;
      Long upTo =
          app.db
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT MAX(id) FROM (SELECT id FROM "
                                  + table
                                  + " WHERE id > :a ORDER BY id LIMIT :n) t")
                          .bind("a", from)
                          .bind("n", batch)
                          .mapTo(Long.class)
                          .findOne()
                          .orElse(null));
      if (upTo == null) {
        return removed;
      }
      removed +=
          app.db
              .jdbi()
              .inTransaction(
                  h ->
                      h.createUpdate(
                              "DELETE FROM " + table + " WHERE id > :a AND id <= :b AND " + where)
                          .bind("a", from)
                          .bind("b", upTo)
                          .bind("c", cutoff)
                          .execute());
      after = upTo;
    }
  }

  private static void addIfSet(Set<String> into, String value) {
    if (value != null && !value.isBlank()) {
      into.add(value);
    }
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
              // a person known only by a link (an imported email,discordId line, a self-service
              // request) is still someone to erase: their rows are looked for below, and only
              // when none was found at all is the answer "no such user"
              // every address and Discord id they are known by, before their rows go
              Set<String> emails = new LinkedHashSet<>();
              Set<String> discordIds = new LinkedHashSet<>();
              Set<String> sandboxUsers = new LinkedHashSet<>();
              emails.add(u.toLowerCase(Locale.ROOT));
              discordIds.add(u);
              for (PersonRow p : persons) {
                addIfSet(emails, p.email());
                addIfSet(discordIds, p.discordId());
              }
              for (SurveyRow s : surveys) {
                addIfSet(emails, s.requesterEmail());
                addIfSet(discordIds, s.discordId());
                if ("sandbox".equals(s.platform())) {
                  addIfSet(sandboxUsers, s.platformUser());
                }
              }
              sandboxUsers.addAll(emails);
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
              int links =
                  h.createUpdate("DELETE FROM links WHERE email IN (<e>) OR discord_id IN (<d>)")
                      .bindList("e", List.copyOf(emails))
                      .bindList("d", List.copyOf(discordIds))
                      .execute();
              // their Discord link requests, and their conversation with the sandbox chat
              links +=
                  h.createUpdate(
                          "DELETE FROM link_requests WHERE email IN (<e>) OR discord_id IN (<d>)")
                      .bindList("e", List.copyOf(emails))
                      .bindList("d", List.copyOf(discordIds))
                      .execute();
              int messages =
                  h.createUpdate("DELETE FROM sandbox_messages WHERE conversation IN (<c>)")
                      .bindList("c", sandboxUsers.stream().map(x -> "dm:" + x).toList())
                      .execute();
              if (surveys.isEmpty() && persons.isEmpty() && links == 0 && messages == 0) {
                return false;
              }
              log.info(
                  "event=user_erased surveys={} people={} links={}",
                  surveys.size(),
                  persons.size(),
                  links);
              return true;
            });
  }
}
