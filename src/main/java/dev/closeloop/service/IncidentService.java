package dev.closeloop.service;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Actions;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.DigestEntry;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.FatiguePolicy;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident loop: "I'll take it" and "Followed up" from the digest (every copy of the digest
 * entry is refreshed), the requester told that someone followed up, the owner reminded while it
 * stays open, and immediate alerts for the worst answers.
 */
public final class IncidentService {
  private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

  private final Jdbi jdbi;
  private final Config config;
  private final Notifier notifier;
  private final FatiguePolicy policy;
  private final Map<PlatformId, ?> platforms;
  private final Clock clock;
  private final dev.closeloop.language.Words words;
  private final DigestBuilder digest;
  private final dev.closeloop.ticket.usecase.HelpdeskWriteBack writeBack;

  public IncidentService(
      Jdbi jdbi,
      Config config,
      Notifier notifier,
      FatiguePolicy policy,
      Map<PlatformId, ?> platforms,
      dev.closeloop.ticket.usecase.HelpdeskWriteBack writeBack,
      Clock clock) {
    this.jdbi = jdbi;
    this.writeBack = writeBack;
    this.config = config;
    this.notifier = notifier;
    this.policy = policy;
    this.platforms = platforms;
    this.clock = clock;
    this.digest = DigestService.builder(config);
    this.words = digest.words();
  }

  InteractionReply click(ChatEvent.ButtonClick click, long surveyId, String what) {
    String ref = click.platform().wire() + ":" + click.userId();
    return switch (what) {
      case "own" -> take(surveyId, name(click.platform(), click.userId(), click.userName()), ref);
      case "done" ->
          new InteractionReply.OpenModal(
              "cl:i:" + surveyId + ":note",
              words.t("followUpModalTitle"),
              words.t("followUpModalLabel"),
              words.t("followUpModalPlaceholder"),
              words.t("modalSubmit"),
              words.t("modalCancel"));
      default -> InteractionReply.ephemeral(words.t("unknownButton"));
    };
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
    if (looked.isPresent()) {
      return looked.get();
    }
    return eventName == null || eventName.isBlank() ? userId : eventName;
  }

  InteractionReply modal(ChatEvent.ModalSubmit submit, long surveyId, String what) {
    if (!"note".equals(what)) {
      return InteractionReply.none();
    }
    String note = submit.text() == null || submit.text().isBlank() ? null : submit.text().strip();
    if (note != null && note.length() > 2000) {
      note = note.substring(0, 2000);
    }
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
                  refreshDigestEntries(h, surveyId, now);
                  writeBack.taken(h, surveyId, who, now);
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
                  refreshDigestEntries(h, surveyId, now);
                  writeBack.followedUp(h, surveyId, who, note, now);
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

  /** Re-renders this entry in every digest message that shows it (all channels). */
  void refreshDigestEntries(Handle h, long surveyId, Instant now) {
    IncidentRow i = new Incidents(h).find(surveyId).orElseThrow();
    SurveyRow s = new Surveys(h).find(surveyId).orElseThrow();
    DigestEntry entry =
        IncidentViews.entry(s, i, new dev.closeloop.store.Answers(h).forSurvey(surveyId));
    List<Block> fresh = digest.entryBlocks(entry, now);
    String marker = "cl:i:" + surveyId + ":";
    List<OutboxRow> rows =
        h.createQuery(
                """
            SELECT * FROM outbox WHERE purpose IN ('digest', 'alert') AND state = 'sent'
              AND payload LIKE :m AND created_at >= :since ORDER BY id
            """)
            .bind("m", "%" + marker + "%")
            .bind("since", now.minus(java.time.Duration.ofDays(30)))
            .mapTo(OutboxRow.class)
            .list();
    for (OutboxRow row : rows) {
      Outgoing o = OutgoingCodec.decode(row.payload());
      if (!(o instanceof Outgoing.ChannelPost post)) {
        continue;
      }
      ChatMessage updated = replaceEntry(post.message(), marker, fresh);
      String payload =
          OutgoingCodec.encode(new Outgoing.ChannelPost(post.key(), post.channelId(), updated));
      h.createUpdate("UPDATE outbox SET payload = :p WHERE id = :id")
          .bind("p", payload)
          .bind("id", row.id())
          .execute();
      String state = (i.owner() != null ? "o" : "") + (i.followedUpAt() != null ? "f" : "");
      Notifier.enqueue(
          h,
          PlatformId.fromWire(row.platform()),
          new Outgoing.Update(
              "dg" + row.id() + "-" + surveyId + "-" + state,
              new MessageRef(row.messageChannel(), row.messageId()),
              updated),
          null,
          "update",
          now,
          now);
    }
  }

  /** Replaces the card + actions of the entry whose buttons carry {@code marker}. */
  static ChatMessage replaceEntry(ChatMessage message, String marker, List<Block> fresh) {
    List<Block> blocks = new ArrayList<>(message.blocks());
    for (int k = 0; k < blocks.size(); k++) {
      if (blocks.get(k) instanceof ChatMessage.Card && isEntryOf(blocks, k, marker)) {
        boolean hasActions =
            k + 1 < blocks.size()
                && blocks.get(k + 1) instanceof Actions a
                && a.buttons().stream().anyMatch(b -> b.id().startsWith(marker));
        blocks.remove(k);
        if (hasActions) {
          blocks.remove(k);
        }
        blocks.addAll(k, fresh);
        return new ChatMessage(message.fallback(), blocks);
      }
    }
    return message;
  }

  private static boolean isEntryOf(List<Block> blocks, int cardIndex, String marker) {
    if (cardIndex + 1 < blocks.size() && blocks.get(cardIndex + 1) instanceof Actions a) {
      for (Button b : a.buttons()) {
        if (b.id().startsWith(marker)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A new negative: post the immediate alert when configured and it is among the worst. */
  void opened(Handle h, long surveyId, Conversation c, Instant now) {
    boolean worst = Boolean.FALSE.equals(c.fixed()) || c.rating() != null && c.rating() == 1;
    if (!config.digest().alertImmediately() || !worst) {
      return;
    }
    IncidentRow i = new Incidents(h).find(surveyId).orElseThrow();
    if (i.alerted()) {
      return;
    }
    SurveyRow s = new Surveys(h).find(surveyId).orElseThrow();
    DigestEntry entry =
        IncidentViews.entry(s, i, new dev.closeloop.store.Answers(h).forSurvey(surveyId));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new ChatMessage.Header(words.t("alertHeading")));
    blocks.addAll(digest.entryBlocks(entry, now));
    ChatMessage alert = new ChatMessage(words.t("alertFallback", "ticket", s.ticketId()), blocks);
    for (DigestTargets.Target t : DigestTargets.of(config, platforms)) {
      if (t.team() != null && !t.team().equals(s.team())) {
        continue;
      }
      Notifier.enqueue(
          h,
          t.platform(),
          new Outgoing.ChannelPost(
              "al" + surveyId + "-" + t.platform().wire() + "-" + t.channelId(),
              t.channelId(),
              alert),
          null,
          "alert",
          now,
          now);
    }
    new Incidents(h).markAlerted(surveyId);
  }

  /** Reminds owners of incidents still open after {@code digest.ownerReminderAfter}. */
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
