package dev.closeloop.survey.usecase;

import dev.closeloop.chat.ActionId;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.store.Identities;
import dev.closeloop.store.People;
import dev.closeloop.store.PersonRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person chose for themselves in chat: their language, and whether to be surveyed at all.
 */
public final class PersonPreferences {
  private static final Logger log = LoggerFactory.getLogger(PersonPreferences.class);

  private final Jdbi jdbi;
  private final Clock clock;

  public PersonPreferences(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Keeps the language the person's client reports (Discord interactions) for their next survey and
   * for replies outside one. A click on a survey also updates that survey's requester.
   */
  public void rememberLocale(ChatEvent event) {
    String locale = event.locale();
    if (locale == null || !dev.closeloop.language.Languages.wellFormed(locale)) {
      return;
    }
    String personKey = null;
    if (event instanceof ChatEvent.ButtonClick click) {
      personKey =
          ActionId.parse(click.actionId())
              .filter(a -> "s".equals(a.kind()))
              .flatMap(a -> jdbi.withHandle(h -> new Surveys(h).find(a.id())))
              .filter(s -> Conversations.owns(s, event.platform(), event.userId()))
              .map(SurveyRow::personKey)
              .orElse(null);
    }
    String key = personKey;
    jdbi.useHandle(
        h -> new People(h).rememberLocale(event.platform().wire(), event.userId(), key, locale));
  }

  /**
   * Opt-out (or back in) for every person record this platform user is. Only they can. True when
   * any of them was not so already.
   */
  public boolean setOptOut(PlatformId platform, String userId, boolean optedOut) {
    Instant now = clock.instant();
    boolean changed =
        jdbi.inTransaction(
            h -> {
              People people = new People(h);
              List<PersonRow> rows = people.byPlatformId(platform.wire(), userId);
              // also people known through open surveys on this platform id (e.g. found by email
              // lookup)
              List<String> keys =
                  new java.util.ArrayList<>(
                      h.createQuery(
                              """
              SELECT DISTINCT person_key FROM surveys WHERE platform = :p AND platform_user = :u
              """)
                          .bind("p", platform.wire())
                          .bind("u", userId)
                          .mapTo(String.class)
                          .list());
              if (platform == PlatformId.DISCORD) {
                // every address linked to the account: one was opted out, and a ticket of
                // another still surveyed the account that had said stop
                keys.addAll(people.linkedEmails(userId));
              }
              java.util.Set<String> all = new java.util.LinkedHashSet<>(keys);
              rows.forEach(r -> all.add(r.personKey()));
              if (all.isEmpty()) {
                String key = platform.wire() + ":" + userId;
                people.upsert(
                    key,
                    null,
                    null,
                    platform == PlatformId.SLACK ? userId : null,
                    platform == PlatformId.DISCORD ? userId : null,
                    null);
                all.add(key);
              }
              boolean any = false;
              for (String key : all) {
                java.util.Optional<PersonRow> was = people.find(key);
                if (was.isEmpty()) {
                  people.upsert(key, key.contains("@") ? key : null, null, null, null, null);
                }
                any |= was.map(PersonRow::optedOut).orElse(false) != optedOut;
                people.setOptedOut(key, optedOut, now);
              }
              return any;
            });
    log.info("event={} platform={}", optedOut ? "opted_out" : "opted_in", platform.wire());
    return changed;
  }

  /**
   * Whether the person opted out: by their person key, or under the platform id the survey goes to
   * ({@code /closeloop optout} before any survey records "slack:U…", while a ticket may name them
   * by email only), or as an erased person's kept hash.
   */
  static boolean optedOut(Handle h, SurveyRow s, PlatformId platform, String userId) {
    People people = new People(h);
    PersonRow person = people.find(s.personKey()).orElse(null);
    if (person != null && person.optedOut()) {
      return true;
    }
    boolean chat = platform == PlatformId.SLACK || platform == PlatformId.DISCORD;
    if (chat
        && userId != null
        && people.byPlatformId(platform.wire(), userId).stream().anyMatch(PersonRow::optedOut)) {
      return true;
    }
    if (platform == PlatformId.DISCORD && userId != null) {
      // any address linked to the account, also one linked after the stop
      for (String email : people.linkedEmails(userId)) {
        if (people.find(email).map(PersonRow::optedOut).orElse(false)) {
          return true;
        }
      }
    }
    return Identities.erasedOptOut(
        h, s.requesterEmail(), s.slackId(), s.discordId(), chat ? userId : null);
  }
}
