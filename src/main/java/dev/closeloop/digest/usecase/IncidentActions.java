package dev.closeloop.digest.usecase;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.language.Texts;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.Retry;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.FatiguePolicy;
import dev.closeloop.survey.usecase.Notifier;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IT team's side of an incident, from the digest's buttons (or the admin API): "I'll take it"
 * and "Followed up" (a note, the requester told when {@code digest.followUpMessage}), every copy of
 * the digest entry refreshed.
 */
public final class IncidentActions {
  private static final Logger log = LoggerFactory.getLogger(IncidentActions.class);

  private final Jdbi jdbi;
  private final Config config;
  private final Notifier notifier;
  private final FatiguePolicy policy;
  private final Map<PlatformId, ?> platforms;
  private final Clock clock;
  private final dev.closeloop.language.Words words;
  private final DigestEntryRefresh refresh;
  private final FollowUpListener followUps;

  public IncidentActions(
      Jdbi jdbi,
      Config config,
      Notifier notifier,
      FatiguePolicy policy,
      Map<PlatformId, ?> platforms,
      FollowUpListener followUps,
      Clock clock) {
    this.jdbi = jdbi;
    this.followUps = followUps;
    this.config = config;
    this.notifier = notifier;
    this.policy = policy;
    this.platforms = platforms;
    this.clock = clock;
    DigestBuilder digest = DigestService.builder(config);
    this.words = digest.words();
    this.refresh = new DigestEntryRefresh(digest);
  }

  public InteractionReply click(ChatEvent.ButtonClick click, long surveyId, String what) {
    String ref = click.platform().wire() + ":" + click.userId();
    return switch (what) {
      case "own" -> take(surveyId, name(click.platform(), click.userId(), click.userName()), ref);
      case "done" -> noteModal(surveyId);
      default -> InteractionReply.ephemeral(words.t("unknownButton"));
    };
  }

  /**
   * The follow-up note's dialog, unless the entry is gone or someone followed up already (a copy of
   * the entry not yet refreshed still has the button): then they are told so at once, not after
   * writing a note.
   */
  private InteractionReply noteModal(long surveyId) {
    IncidentRow i = jdbi.withHandle(h -> new Incidents(h).find(surveyId)).orElse(null);
    if (i == null) {
      return InteractionReply.ephemeral(words.t("entryGone"));
    }
    if (i.followedUpAt() != null) {
      return InteractionReply.ephemeral(words.t("alreadyFollowedUp", "who", i.followedUpBy()));
    }
    return new InteractionReply.OpenModal(
        "cl:i:" + surveyId + ":note",
        words.t("followUpModalTitle"),
        words.t("followUpModalLabel"),
        words.t("followUpModalPlaceholder"),
        words.t("modalSubmit"),
        words.t("modalCancel"));
  }

  /**
   * How a team member is shown in the digest: the name their platform shows them by (Slack: the
   * display name, looked up), else the name the event carried, else their id as the platform gave
   * it. Never a transformed id.
   */
  private String name(PlatformId platform, String userId, String eventName) {
    java.util.Optional<String> looked =
        platforms.get(platform) instanceof ChatPlatform p
            ? p.displayName(userId)
            : java.util.Optional.empty();
    String name = looked.orElse(eventName == null || eventName.isBlank() ? userId : eventName);
    // kept as owner or followed_up_by: a longer name is cut, not a failure
    return Texts.cut(name, MAX_NAME);
  }

  private static final int MAX_NAME = 300; // the owner and followed_up_by columns
  private static final int MAX_NOTE = 2000;

  public InteractionReply modal(ChatEvent.ModalSubmit submit, long surveyId, String what) {
    if (!"note".equals(what)) {
      return InteractionReply.none();
    }
    String note = submit.text() == null || submit.text().isBlank() ? null : submit.text().strip();
    note = Texts.cut(note, MAX_NOTE);
    String ref = submit.platform().wire() + ":" + submit.userId();
    return followUp(surveyId, displayName(submit, surveyId, ref), ref, note);
  }

  /**
   * Who followed up, by name as on the digest: the name the platform gave, else the owner's if it
   * is them.
   */
  private String displayName(ChatEvent.ModalSubmit submit, long surveyId, String ref) {
    java.util.Optional<String> owner =
        jdbi.withHandle(h -> new Incidents(h).find(surveyId))
            .filter(i -> ref.equals(i.ownerRef()) && i.owner() != null)
            .map(IncidentRow::owner);
    if (owner.isPresent()) {
      return owner.get();
    }
    return name(submit.platform(), submit.userId(), submit.userName());
  }

  public InteractionReply take(long surveyId, String who, String ref) {
    Instant now = clock.instant();
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  Incidents incidents = new Incidents(h);
                  IncidentRow i = incidents.find(surveyId).orElse(null);
                  if (i == null) {
                    return InteractionReply.ephemeral(words.t("entryGone"));
                  }
                  if (i.followedUpAt() != null) {
                    return InteractionReply.ephemeral(
                        words.t("alreadyFollowedUp", "who", i.followedUpBy()));
                  }
                  if (!incidents.take(surveyId, who, ref, now)) {
                    return InteractionReply.ephemeral(words.t("alreadyOwned", "owner", i.owner()));
                  }
                  refresh.refresh(h, surveyId, now);
                  followUps.taken(h, surveyId, who, now);
                  log.info("event=incident_taken survey={}", surveyId);
                  return InteractionReply.ephemeral(
                      words.t("youOwn", "ticket", ticketOf(h, surveyId)));
                }));
  }

  public InteractionReply followUp(long surveyId, String who, String ref, String note) {
    Instant now = clock.instant();
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  Incidents incidents = new Incidents(h);
                  IncidentRow i = incidents.find(surveyId).orElse(null);
                  if (i == null) {
                    return InteractionReply.ephemeral(words.t("entryGone"));
                  }
                  if (!incidents.followUp(surveyId, who, note, now)) {
                    return InteractionReply.ephemeral(
                        words.t("alreadyFollowedUp", "who", i.followedUpBy()));
                  }
                  if (i.owner() == null) {
                    h.createUpdate("UPDATE incidents SET owner_ref = :r WHERE survey_id = :s")
                        .bind("r", ref)
                        .bind("s", surveyId)
                        .execute();
                  }
                  SurveyRow s = new Surveys(h).find(surveyId).orElseThrow();
                  if (config.digest().followUpMessage()
                      && s.platform() != null
                      && s.platformUser() != null) {
                    notifier.followUp(h, s, policy.nextAllowed(now, zone(s.timezone())), now);
                  }
                  refresh.refresh(h, surveyId, now);
                  followUps.followedUp(h, surveyId, who, note, now);
                  log.info(
                      "event=incident_followed_up survey={} requester_told={}",
                      surveyId,
                      config.digest().followUpMessage());
                  return InteractionReply.ephemeral(
                      words.t(
                          "markedFollowedUp",
                          "ticket",
                          s.ticketId(),
                          "told",
                          config.digest().followUpMessage() ? "yes" : "no"));
                }));
  }

  private static String ticketOf(Handle h, long surveyId) {
    return new Surveys(h).find(surveyId).map(SurveyRow::ticketId).orElse("it");
  }

  private ZoneId zone(String tz) {
    try {
      return tz == null ? ZoneId.of(config.digest().zone()) : ZoneId.of(tz);
    } catch (DateTimeException e) {
      return ZoneId.of(config.digest().zone());
    }
  }
}
