package dev.closeloop.survey.usecase;

import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.delivery.usecase.DeliveryListener;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.FatiguePolicy;
import dev.closeloop.survey.SkipReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What delivery reports back about a survey's first DM: accepted, the survey is sent (reminder and
 * expiry set, the message remembered); dead, it is skipped with the reason.
 */
public final class SurveyDeliveries implements DeliveryListener {
  private static final Logger log = LoggerFactory.getLogger(SurveyDeliveries.class);

  private final FatiguePolicy policy;
  private final Notifier notifier;

  public SurveyDeliveries(FatiguePolicy policy, Notifier notifier) {
    this.policy = policy;
    this.notifier = notifier;
  }

  @Override
  public void sent(Handle h, OutboxRow row, MessageRef ref, Instant now) {
    if (!Notifier.SURVEY_DM.equals(row.purpose()) || row.surveyId() == null) {
      return;
    }
    Surveys surveys = new Surveys(h);
    SurveyRow s = surveys.find(row.surveyId()).orElse(null);
    if (s == null) {
      return;
    }
    ZoneId zone = notifier.zone(s.timezone());
    surveys.markSent(
        s.id(),
        now,
        policy.reminderAt(now, zone),
        policy.expiresAt(now),
        ref == null ? null : ref.channelId(),
        ref == null ? null : ref.messageId());
    if (SurveyRow.CANCELLED.equals(s.state())) {
      // reopened while the DM was in flight: close the message we just sent
      notifier.closeSurveyMessage(h, s.id(), now);
    }
  }

  @Override
  public void dead(Handle h, OutboxRow row, DeliveryException.Kind kind, Instant now) {
    if (!Notifier.SURVEY_DM.equals(row.purpose()) || row.surveyId() == null) {
      return;
    }
    SkipReason reason =
        switch (kind) {
          case UNKNOWN_USER -> SkipReason.UNKNOWN_USER;
          case DM_CLOSED -> SkipReason.DM_CLOSED;
          default -> SkipReason.DELIVERY_FAILED;
        };
    Surveys surveys = new Surveys(h);
    Optional<SurveyRow> s = surveys.find(row.surveyId());
    if (s.isPresent()
        && ("sending".equals(s.get().state()) || SurveyRow.SCHEDULED.equals(s.get().state()))) {
      surveys.skip(row.surveyId(), reason.wire(), now);
      log.info("event=survey_skipped survey={} reason={}", row.surveyId(), reason.wire());
    }
  }
}
