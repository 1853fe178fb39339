package dev.closeloop.digest.usecase;

import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.usecase.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Reminds owners of incidents still open after {@code digest.ownerReminderAfter}, by DM. */
public final class OwnerReminders {
  private final Jdbi jdbi;
  private final Config config;
  private final Notifier notifier;
  private final Map<PlatformId, ?> platforms;
  private final Clock clock;
  private final dev.closeloop.language.Words words;

  public OwnerReminders(
      Jdbi jdbi, Config config, Notifier notifier, Map<PlatformId, ?> platforms, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.notifier = notifier;
    this.platforms = platforms;
    this.clock = clock;
    this.words = DigestService.builder(config).words();
  }

  /** The number of owners reminded. */
  public int remindOwners() {
    if (config.digest().ownerReminderAfter().isZero()) {
      return 0;
    }
    Instant now = clock.instant();
    Instant before = now.minus(config.digest().ownerReminderAfter());
    return jdbi.inTransaction(
        h -> {
          int n = 0;
          for (IncidentRow i : new Incidents(h).ownedAndStale(before)) {
            if (i.ownerRef() == null || !i.ownerRef().contains(":")) {
              continue;
            }
            SurveyRow s = new Surveys(h).find(i.surveyId()).orElse(null);
            if (s == null) {
              continue;
            }
            String[] ref = i.ownerRef().split(":", 2);
            PlatformId platform;
            try {
              platform = PlatformId.fromWire(ref[0]);
            } catch (IllegalArgumentException e) {
              continue;
            }
            if (!platforms.containsKey(platform)) {
              continue;
            }
            String text =
                words.t(
                    "ownerReminder",
                    "ticket",
                    s.ticketId(),
                    "title",
                    s.title() == null ? "" : s.title(),
                    "hasTitle",
                    s.title() == null || s.title().isBlank() ? "no" : "yes",
                    "age",
                    words.age(java.time.Duration.between(i.createdAt(), now)));
            notifier.direct(
                h, platform, ref[1], text, "own-" + i.surveyId() + "-" + now.toEpochMilli(), now);
            new Incidents(h).markOwnerReminded(i.surveyId(), now);
            n++;
          }
          return n;
        });
  }
}
