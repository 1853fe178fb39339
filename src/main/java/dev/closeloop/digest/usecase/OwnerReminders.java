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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reminds owners of incidents still open after {@code digest.ownerReminderAfter}, by DM. */
public final class OwnerReminders {
  /** Reminders per run; the job runs every few seconds, and a reminded incident drops out. */
  static final int BATCH = 100;

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
          for (IncidentRow i : new Incidents(h).ownedAndStale(before, BATCH)) {
            // looked at either way: one that cannot be reminded (owned outside chat, or on a
            // platform not configured) is looked at again a period later, not first in every batch
            new Incidents(h).markOwnerReminded(i.surveyId(), now);
            if (remind(h, i, now)) {
              n++;
            }
          }
          return n;
        });
  }

  private boolean remind(Handle h, IncidentRow i, Instant now) {
    if (i.ownerRef() == null || !i.ownerRef().contains(":")) {
      return false;
    }
    SurveyRow s = new Surveys(h).find(i.surveyId()).orElse(null);
    if (s == null) {
      return false;
    }
    String[] ref = i.ownerRef().split(":", 2);
    PlatformId platform;
    try {
      platform = PlatformId.fromWire(ref[0]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!platforms.containsKey(platform)) {
      return false;
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
    return true;
  }
}
