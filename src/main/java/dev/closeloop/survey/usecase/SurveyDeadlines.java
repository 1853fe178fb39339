package dev.closeloop.survey.usecase;

import dev.closeloop.chat.PlatformId;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.FatiguePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reminder of a survey not answered (in the send window), and expiry when time runs out.
 */
public final class SurveyDeadlines {
  private static final Logger log = LoggerFactory.getLogger(SurveyDeadlines.class);
  private static final int BATCH = 200;

  private final Jdbi jdbi;
  private final FatiguePolicy policy;
  private final Notifier notifier;
  private final TicketWriteBack writeBack;
  private final Clock clock;

  public SurveyDeadlines(
      Jdbi jdbi, FatiguePolicy policy, Notifier notifier, TicketWriteBack writeBack, Clock clock) {
    this.jdbi = jdbi;
    this.policy = policy;
    this.notifier = notifier;
    this.writeBack = writeBack;
    this.clock = clock;
  }

  /** Queues the reminders due now. */
  public int remindDue() {
    Instant now = clock.instant();
    int n = 0;
    for (long id : jdbi.withHandle(h -> new Surveys(h).dueToRemind(now, BATCH))) {
      jdbi.useTransaction(h -> remind(h, id, now));
      n++;
    }
    return n;
  }

  /** Closes the surveys whose time has run out. */
  public int expireDue() {
    Instant now = clock.instant();
    int n = 0;
    for (long id : jdbi.withHandle(h -> new Surveys(h).dueToExpire(now, BATCH))) {
      jdbi.useTransaction(h -> expire(h, id, now));
      n++;
    }
    return n;
  }

  private void remind(Handle h, long id, Instant now) {
    SurveyRow s = new Surveys(h).lock(id).orElse(null);
    if (s == null || !SurveyRow.SENT.equals(s.state()) || s.answeredAt() != null) {
      return;
    }
    PlatformId platform = s.platform() == null ? null : PlatformId.fromWire(s.platform());
    if (!now.isBefore(s.expiresAt())
        || PersonPreferences.optedOut(h, s, platform, s.platformUser())) {
      // caught up past expiry (the expiry pass closes it), or "stop" since the DM: never remind
      h.createUpdate("UPDATE surveys SET remind_at = NULL WHERE id = :id").bind("id", id).execute();
      return;
    }
    ZoneId zone = notifier.zone(s.timezone());
    Instant allowed = policy.nextAllowed(now, zone);
    if (allowed.isAfter(now)) {
      if (!allowed.isBefore(s.expiresAt())) {
        allowed = null; // no room left before expiry: no reminder at all
      }
      h.createUpdate("UPDATE surveys SET remind_at = :t WHERE id = :id")
          .bind("id", id)
          .bind("t", allowed)
          .execute();
      return;
    }
    notifier.reminder(h, s, now);
    new Surveys(h).markReminded(id, now);
    log.info("event=survey_reminded survey={}", id);
  }

  private void expire(Handle h, long id, Instant now) {
    Surveys surveys = new Surveys(h);
    SurveyRow s = surveys.lock(id).orElse(null);
    if (s == null || !s.open()) {
      return;
    }
    surveys.expire(id, now);
    notifier.closeSurveyMessage(h, id, now);
    writeBack.surveyExpired(h, s, now);
    log.info("event=survey_expired survey={} answered={}", id, s.answeredAt() != null);
  }
}
