package dev.closeloop.digest.usecase;

import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.usecase.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reminds owners of incidents still open after {@code digest.ownerReminderAfter}, by DM. */
public final class OwnerReminders {
  /** Reminders per run; the job runs every few seconds, and a reminded incident drops out. */
  static final int BATCH = 100;

  /** Tickets listed in one reminder at most; the rest come in the next run's. */
  static final int PER_DM = 10;

  /** At most this early, for one DM instead of several (see {@link #gather}). */
  private static final Duration GATHER = Duration.ofHours(1);

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

  /**
   * The number of reminders sent. An owner gets one DM for everything of theirs that is due,
   * together with what of theirs falls due within the next {@link #gather} (an owner who took ten
   * entries of one digest in a few minutes gets one list, not ten DMs).
   */
  public int remindOwners() {
    Duration after = config.digest().ownerReminderAfter();
    if (after.isZero()) {
      return 0;
    }
    Instant now = clock.instant();
    Instant before = now.minus(after);
    return jdbi.inTransaction(
        h -> {
          Incidents incidents = new Incidents(h);
          Map<String, List<IncidentRow>> byOwner = new LinkedHashMap<>();
          for (IncidentRow i : incidents.ownedAndStale(before, BATCH)) {
            if (i.ownerRef() == null) {
              // owned outside chat: nobody to remind. Looked at all the same, so that it comes
              // again a period later instead of first in every batch
              incidents.markOwnerReminded(i.surveyId(), now);
            } else {
              byOwner.computeIfAbsent(i.ownerRef(), o -> new ArrayList<>()).add(i);
            }
          }
          int n = 0;
          for (Map.Entry<String, List<IncidentRow>> e : byOwner.entrySet()) {
            // the rest of a long list stays due, and comes first in the next run's DM
            List<IncidentRow> due =
                new ArrayList<>(e.getValue().subList(0, Math.min(PER_DM, e.getValue().size())));
            for (IncidentRow soon :
                incidents.ownedByAndStale(e.getKey(), before.plus(gather(after)), PER_DM)) {
              if (due.size() >= PER_DM) {
                break;
              }
              if (due.stream().noneMatch(d -> d.surveyId() == soon.surveyId())) {
                due.add(soon);
              }
            }
            for (IncidentRow i : due) {
              incidents.markOwnerReminded(i.surveyId(), now);
            }
            if (remind(h, e.getKey(), due, now)) {
              n++;
            }
          }
          return n;
        });
  }

  /** How early an incident may be reminded to go with one of the same owner that is due. */
  static Duration gather(Duration ownerReminderAfter) {
    Duration quarter = ownerReminderAfter.dividedBy(4);
    return quarter.compareTo(GATHER) < 0 ? quarter : GATHER;
  }

  private boolean remind(Handle h, String ownerRef, List<IncidentRow> due, Instant now) {
    if (!ownerRef.contains(":")) {
      return false;
    }
    String[] ref = ownerRef.split(":", 2);
    PlatformId platform;
    try {
      platform = PlatformId.fromWire(ref[0]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!platforms.containsKey(platform)) {
      return false;
    }
    Surveys surveys = new Surveys(h);
    List<Object[]> tickets = new ArrayList<>();
    for (IncidentRow i : due) {
      SurveyRow s = surveys.find(i.surveyId()).orElse(null);
      if (s != null) {
        tickets.add(
            new Object[] {
              "ticket",
              s.ticketId(),
              "title",
              s.title() == null ? "" : s.title(),
              "hasTitle",
              s.title() == null || s.title().isBlank() ? "no" : "yes",
              "age",
              words.age(Duration.between(i.createdAt(), now))
            });
      }
    }
    if (tickets.isEmpty()) {
      return false;
    }
    String text;
    if (tickets.size() == 1) {
      text = words.t("ownerReminder", tickets.get(0));
    } else {
      List<String> lines = new ArrayList<>();
      for (Object[] args : tickets) {
        lines.add(words.t("ownerReminderLine", args));
      }
      text =
          words.t("ownerRemindersHead", "count", tickets.size())
              + "\n"
              + String.join("\n", lines)
              + "\n"
              + words.t("ownerRemindersFoot");
    }
    notifier.direct(
        h, platform, ref[1], text, "own-" + due.get(0).surveyId() + "-" + now.toEpochMilli(), now);
    return true;
  }
}
